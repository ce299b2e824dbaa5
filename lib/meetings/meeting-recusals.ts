import { chairCapableInhabil, inhabilItemIds, type Actor } from '../access/access-service';
import type { ItemRecusalFacts, MeetingFacts } from '../access/policy';
import type { Db } from '../db/db';

export type Declared = { userId: string; name: string; reason: string };

/**
 * Habilitet across a meeting's items: per item, the actor's facts for the
 * policy (ItemRecusalFacts, from lib/access — per case, so a declaration for
 * the case at an earlier meeting counts here too) and the declarations
 * themselves (who, and why), for the room and the minutes.
 */
export async function loadMeetingRecusals(
  db: Db,
  actor: Actor,
  meeting: Pick<MeetingFacts, 'chairId' | 'unitId'>,
  items: readonly { id: string; caseId: string | null; actingChairId?: string | null }[],
) {
  const caseIds = items.flatMap((i) => (i.caseId ? [i.caseId] : []));
  const [rows, mine, chairs] = await Promise.all([
    db.recusal.findMany({
      where: { OR: [{ itemId: { in: items.map((i) => i.id) } }, { item: { caseId: { in: caseIds } } }] },
      orderBy: { createdAt: 'asc' },
      select: { userId: true, reason: true, item: { select: { id: true, caseId: true } }, user: { select: { name: true } } },
    }),
    inhabilItemIds(db, actor.userId, items),
    meeting.chairId ? inhabilItemIds(db, meeting.chairId, items) : chairCapableInhabil(db, meeting.unitId, items),
  ]);
  const byId = new Map(items.map((i) => [i.id, i]));
  return {
    of(itemId: string): ItemRecusalFacts & { declared: Declared[] } {
      const item = byId.get(itemId);
      const about = rows.filter((r) => r.item.id === itemId || (item?.caseId != null && r.item.caseId === item.caseId));
      // One line per person: whoever declared for the case at an earlier meeting is named here too (the latest reason).
      const declared = new Map<string, Declared>();
      for (const r of about) declared.set(r.userId, { userId: r.userId, name: r.user.name, reason: r.reason });
      return {
        recused: mine.has(itemId),
        chairRecused: chairs.has(itemId),
        actingChairId: item?.actingChairId ?? null,
        declared: [...declared.values()],
      };
    },
  };
}
