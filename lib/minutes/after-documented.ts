import type { DbTransaction } from '../db/db';
import { recordAuditEvent } from '../audit/record-audit-event';
import { epjDocumentWorkingDays, epjFollowUpKind } from '../cases/epj-follow-up';
import { nbHandOff } from '../i18n/nb-hand-off';
import { workingDaysAfter } from '../meetings/norwegian-holidays';
import { maskNationalIds } from '../privacy/national-id';

/**
 * A correction of the draft minutes that changes an item's conclusion or notes after its case was marked
 * *dokumentert i fagsystemet*: the record system no longer says what the minutes say. In the correction's
 * transaction the case is marked changed (it counts as not documented until marked again: the leader's list
 * and Mine saker show it), the "document it" follow-up is opened again with a new due date — or made, when the
 * meeting set no EPJ flag — its caseworker (and the follow-up's owner) get a notice linking to the hand-off,
 * which shows what changed, and the change is audited. Nothing happens for a case not yet marked: its
 * hand-off reads the corrected minutes anyway.
 */
export async function afterCorrection(
  tx: DbTransaction,
  change: {
    item: { id: string; caseId: string | null; epjResponsibleId: string | null };
    fields: readonly string[];
    actorId: string;
    unitId: string;
    meetingId: string;
    now: Date;
  },
): Promise<void> {
  const { item, now } = change;
  if (!item.caseId || change.fields.length === 0) return;
  const row = await tx.case.findUnique({
    where: { id: item.caseId },
    select: { id: true, title: true, createdById: true, documentedAt: true, changedAfterDocumentedAt: true },
  });
  if (!row?.documentedAt) return;
  // The first correction since the mark is when it stopped matching; later ones keep that time.
  if (!row.changedAfterDocumentedAt) await tx.case.update({ where: { id: row.id }, data: { changedAfterDocumentedAt: now } });
  const dueDate = workingDaysAfter(now, epjDocumentWorkingDays);
  const existing = await tx.followUp.findFirst({ where: { caseId: row.id, kind: epjFollowUpKind }, orderBy: { createdAt: 'desc' } });
  const ownerId = existing?.ownerId ?? item.epjResponsibleId ?? row.createdById;
  if (existing) await tx.followUp.update({ where: { id: existing.id }, data: { doneAt: null, dueDate } });
  else
    await tx.followUp.create({
      data: { agendaItemId: item.id, caseId: row.id, ownerId, description: nbHandOff.documentFollowUp, kind: epjFollowUpKind, dueDate },
    });
  await tx.notification.createMany({
    data: [...new Set([row.createdById, ownerId])].map((userId) => ({
      userId,
      text: nbHandOff.changedNotice(maskNationalIds(row.title)),
      link: `/saker/${row.id}/fagsystem`,
      createdAt: now,
    })),
  });
  await recordAuditEvent(tx, {
    actorId: change.actorId,
    action: 'case.changed_after_documented',
    entityType: 'case',
    entityId: row.id,
    unitId: change.unitId,
    detail: { meetingId: change.meetingId, itemId: item.id, fields: change.fields.join(',') },
  });
}
