import { z } from 'zod';
import { caseLevels } from '../cases/case-form';
import type { Db } from '../db/db';
import { inChunks } from '../db/in-chunks';
import { optionalParam } from '../validation/query-params';

/**
 * The level an agenda item is at (issue 22's three levels): its case's level
 * (a person's case is individual unless it says otherwise), or its leader
 * case's (service or political/administrative). An item with neither — a
 * standing item — has no level, and a level filter never shows it.
 */
export type CaseLevel = (typeof caseLevels)[number];

export function itemLevel(caseLevel: string | null | undefined, leaderCaseLevel: string | null | undefined): CaseLevel | null {
  const level = caseLevel ?? leaderCaseLevel ?? null;
  return level && (caseLevels as readonly string[]).includes(level) ? (level as CaseLevel) : null;
}

/** The history and statistics pages' level filter in the query string (`?niva=tjeneste`); empty is every level. */
export const levelParam = optionalParam(z.enum(caseLevels));

/** The levels of the given cases (an agenda item holds its case's id without a relation), read in slices (in-chunks.ts). */
export async function caseLevelsById(db: Db, caseIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(caseIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map();
  const rows = await inChunks(ids, (slice) => db.case.findMany({ where: { id: { in: slice } }, select: { id: true, level: true } }));
  return new Map(rows.map((row) => [row.id, row.level]));
}

/**
 * The meetings with an item at this level (the same rule as itemLevel): an
 * item about one of the units' cases at that level, or about a leader case at
 * it. The cases of a level can be a unit's whole history (100,000), more ids
 * than one statement binds: the items are looked up in slices, and what comes
 * back is one id per meeting.
 */
export async function meetingIdsWithLevel(db: Db, unitIds: readonly string[], level: CaseLevel): Promise<string[]> {
  const cases = await db.case.findMany({ where: { unitId: { in: [...unitIds] }, level }, select: { id: true } });
  const [caseItems, leaderItems] = await Promise.all([
    inChunks(
      cases.map((c) => c.id),
      (slice) => db.agendaItem.findMany({ where: { caseId: { in: slice } }, select: { meetingId: true }, distinct: ['meetingId'] }),
    ),
    db.agendaItem.findMany({ where: { leaderCase: { level } }, select: { meetingId: true }, distinct: ['meetingId'] }),
  ]);
  return [...new Set([...caseItems, ...leaderItems].map((item) => item.meetingId))];
}
