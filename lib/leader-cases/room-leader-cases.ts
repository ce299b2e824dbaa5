import type { Actor } from '../access/access-service';
import { canWorkOnLeaderCases } from '../access/leader-case-policy';
import type { AuditEventInput } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import type { EvidenceFigures } from './case-evidence';
import type { StoredEvidenceQuery } from './evidence-query';
import { parseStoredContent, type LeaderCaseContent } from './leader-case-form';

export type AttachedEvidence = { id: string; createdAt: Date; query: StoredEvidenceQuery; figures: EvidenceFigures };
export type RoomLeaderCase = { id: string; level: string; content: LeaderCaseContent; evidence: AttachedEvidence[] };

/** Stored snapshots read back; one that does not parse is left out rather than shown half. */
export function parseEvidenceRows(rows: readonly { id: string; createdAt: Date; query: string; figures: string }[]): AttachedEvidence[] {
  return rows.flatMap((e): AttachedEvidence[] => {
    try {
      return [{ id: e.id, createdAt: e.createdAt, query: JSON.parse(e.query), figures: JSON.parse(e.figures) }];
    } catch {
      return [];
    }
  });
}

/**
 * The leader cases of a leader meeting's items, as the room shows them: the
 * question, situation, alternatives, the three criteria, the proposal and the
 * attached figures. Only for the unit's leaders and chairs (who alone see a
 * leader meeting; asked again here), each shown case a `leader_case.read`
 * added to the room's one audit insert. No leader item, no query.
 */
export async function roomLeaderCases(
  db: Db,
  actor: Actor,
  meeting: { id: string; unitId: string },
  leaderCaseIds: readonly string[],
  reads: AuditEventInput[],
): Promise<Map<string, RoomLeaderCase>> {
  const ids = [...new Set(leaderCaseIds)];
  if (ids.length === 0 || !canWorkOnLeaderCases(actor.memberships, meeting.unitId)) return new Map();
  const rows = await db.leaderCase.findMany({
    where: { id: { in: ids }, unitId: meeting.unitId },
    select: {
      id: true,
      level: true,
      content: true,
      evidence: { orderBy: { createdAt: 'asc' }, select: { id: true, createdAt: true, query: true, figures: true } },
    },
  });
  for (const row of rows)
    reads.push({
      actorId: actor.userId,
      action: 'leader_case.read',
      entityType: 'leader_case',
      entityId: row.id,
      unitId: meeting.unitId,
      detail: { view: 'meeting_room', meetingId: meeting.id },
    });
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, level: row.level, content: parseStoredContent(row.content), evidence: parseEvidenceRows(row.evidence) },
    ]),
  );
}
