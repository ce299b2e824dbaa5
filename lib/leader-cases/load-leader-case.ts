import type { Actor } from '../access/access-service';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { findLeaderCase } from './find-leader-case';
import { parseStoredContent } from './leader-case-form';
import { leaderCaseWarnings } from './person-data-warnings';

import { parseEvidenceRows } from './room-leader-cases';

export type { AttachedEvidence } from './room-leader-cases';

/**
 * A leader case with its attached evidence, for its page and its download.
 * Every read is logged (`view` says which door). A snapshot that does not
 * parse is left out rather than shown half.
 */
export async function loadLeaderCase(context: { db: Db; actor: Actor; id: unknown; view: 'page' | 'docx' }) {
  const { db, actor } = context;
  const row = await findLeaderCase(db, actor, context.id);
  const evidenceRows = await db.leaderCaseEvidence.findMany({ where: { leaderCaseId: row.id }, orderBy: { createdAt: 'asc' } });
  await recordAuditEvent(db, {
    actorId: actor.userId,
    action: context.view === 'docx' ? 'leader_case.download' : 'leader_case.read',
    entityType: 'leader_case',
    entityId: row.id,
    unitId: row.unitId,
  });
  const content = parseStoredContent(row.content);
  const unit = await db.unit.findUniqueOrThrow({ where: { id: row.unitId }, select: { name: true } });
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: unit.name,
    level: row.level,
    updatedAt: row.updatedAt,
    content,
    warnings: leaderCaseWarnings(content),
    evidence: parseEvidenceRows(evidenceRows),
  };
}
export type LeaderCasePage = Awaited<ReturnType<typeof loadLeaderCase>>;
