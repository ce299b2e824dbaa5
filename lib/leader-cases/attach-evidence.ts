import type { Actor } from '../access/access-service';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { systemClock } from '../time/clock';
import { parseInput } from '../validation/parse-input';
import { computeEvidence } from './case-evidence';
import { evidenceQuerySchema, resolveEvidenceQuery } from './evidence-query';
import { findLeaderCase } from './find-leader-case';
import { loadEvidenceItems } from './load-evidence-items';

/**
 * One click: counts the unit's individual cases for the query and stores the
 * suppressed figures as a snapshot on the leader case. The snapshot stays as
 * it was — later meetings change the history, not what the leaders were shown.
 */
export async function attachEvidence(context: { db: Db; actor: Actor; id: unknown; input: unknown; now?: Date }): Promise<{ id: string }> {
  const { db, actor } = context;
  const row = await findLeaderCase(db, actor, context.id);
  const query = parseInput(evidenceQuerySchema, context.input, 'invalid evidence query');
  const now = context.now ?? systemClock.now();
  const { stored, period } = resolveEvidenceQuery(query, now);
  const items = await loadEvidenceItems({ db, unitId: row.unitId, period, service: stored.service, caseType: stored.caseType, now });
  const figures = computeEvidence(items);
  return db.$transaction(async (tx) => {
    const created = await tx.leaderCaseEvidence.create({
      data: {
        leaderCaseId: row.id,
        createdById: actor.userId,
        query: JSON.stringify(stored),
        figures: JSON.stringify(figures),
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'leader_case.attach_evidence',
      entityType: 'leader_case',
      entityId: row.id,
      unitId: row.unitId,
      detail: { evidenceId: created.id },
    });
    return created;
  });
}
