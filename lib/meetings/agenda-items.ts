import type { Actor } from '../access/access-service';
import { historyScope } from '../access/policy';
import type { Db } from '../db/db';
import { agendaPlaces } from './item-state';
import { syncAgenda } from './sync-agenda';

/**
 * A meeting's agenda as everyone sees it — the saksliste page and the room
 * alike: its items in the chair's order (items the chair added included),
 * brought in line with the submitted cases while the meeting is not closed.
 * A closed meeting is history: a caseworker sees the items of their own
 * cases only, each with the number it has on the whole agenda (`place`).
 */
export async function agendaItemsFor(db: Db, actor: Actor, meeting: { id: string; unitId: string; status: string }) {
  const closed = meeting.status === 'closed';
  const all = closed
    ? await db.agendaItem.findMany({ where: { meetingId: meeting.id }, orderBy: { position: 'asc' } })
    : await syncAgenda(db, meeting.id);
  const places = agendaPlaces(all);
  const items = all.map((item) => ({ ...item, place: places.get(item.id)! }));
  if (!closed || historyScope(actor.memberships, meeting.unitId) !== 'own') return items;
  const own = new Set(
    (
      await db.case.findMany({
        where: { id: { in: items.flatMap((i) => (i.caseId ? [i.caseId] : [])) }, createdById: actor.userId },
        select: { id: true },
      })
    ).map((c) => c.id),
  );
  return items.filter((i) => i.caseId && own.has(i.caseId));
}
