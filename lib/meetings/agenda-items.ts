import type { Actor } from '../access/access-service';
import { historyScope } from '../access/policy';
import type { Db } from '../db/db';
import { agendaPlaces, type AgendaPlace } from './item-state';
import { syncAgenda } from './sync-agenda';

type AgendaItem = Awaited<ReturnType<typeof syncAgenda>>[number];

export type AgendaItemView = AgendaItem & {
  place: AgendaPlace;
  /**
   * A closed meeting's item the actor may not see (a caseworker, another's case or a matter the chair added):
   * listed with its number, purpose, time box, times and state — the list is the same on every screen — but
   * nothing of what it was about (no case, title, notes or conclusion).
   */
  withheld: boolean;
};

/**
 * A meeting's agenda as everyone sees it — the saksliste page and the room
 * alike: its items in the chair's order (items the chair added included),
 * brought in line with the submitted cases while the meeting is not closed.
 * A closed meeting is history: a caseworker sees the content of her own
 * cases' items only (lib/access historyScope); every other item is still
 * listed, withheld, so the list, its numbers (`place`) and the states are
 * the same on her screen as on the chair's.
 */
export async function agendaItemsFor(
  db: Db,
  actor: Actor,
  meeting: { id: string; unitId: string; status: string },
): Promise<AgendaItemView[]> {
  const closed = meeting.status === 'closed';
  const all = closed
    ? await db.agendaItem.findMany({ where: { meetingId: meeting.id }, orderBy: { position: 'asc' } })
    : await syncAgenda(db, meeting.id);
  const places = agendaPlaces(all);
  const items = all.map((item) => ({ ...item, place: places.get(item.id)!, withheld: false }));
  if (!closed || historyScope(actor.memberships, meeting.unitId) !== 'own') return items;
  const own = new Set(
    (
      await db.case.findMany({
        where: { id: { in: items.flatMap((i) => (i.caseId ? [i.caseId] : [])) }, createdById: actor.userId },
        select: { id: true },
      })
    ).map((c) => c.id),
  );
  return items.map((i) => (i.caseId && own.has(i.caseId) ? i : withhold(i)));
}

/** Everything of an item but where it stood and how it went: no case, no title, no minutes. */
function withhold(item: AgendaItemView): AgendaItemView {
  return {
    ...item,
    caseId: null,
    title: null,
    lockedById: null,
    carriedFromItemId: null,
    notes: null,
    outcome: null,
    referredTo: null,
    conclusion: null,
    dissent: null,
    reassessmentDate: null,
    epjDocumentation: false,
    epjResponsibleId: null,
    adjustedAssessment: null,
    actingChairId: null,
    deviationReason: null,
    withheld: true,
  };
}
