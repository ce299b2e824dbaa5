import type { Db, DbTransaction } from '../db/db';
import { nbHandOff } from '../i18n/nb-hand-off';
import { workingDaysAfter } from '../meetings/norwegian-holidays';

/** FollowUp.kind of the follow-up to document a conclusion in the record system (null = one the meeting wrote). */
export const epjFollowUpKind = 'epj_documentation';

/**
 * Working days after the meeting that the record is due: the journal regulation
 * (pasientjournalforskriften § 7) asks for documentation "uten ugrunnet
 * opphold"; three working days leaves room for a meeting on a Thursday.
 */
export const epjDocumentWorkingDays = 3;

/**
 * When the meeting set the EPJ flag on a concluded case, the follow-up to
 * document it: owned by whom the meeting named (else the case's caseworker),
 * closed when the case is marked *dokumentert i fagsystemet*
 * (lib/cases/mark-documented.ts), due `epjDocumentWorkingDays` working days
 * after the meeting closed. Written in the close's transaction; none for a
 * case already documented, and never two.
 */
export async function createEpjFollowUp(
  db: Db | DbTransaction,
  item: { id: string; caseId: string | null; epjDocumentation: boolean; epjResponsibleId: string | null },
  closedAt: Date,
): Promise<void> {
  if (!item.caseId || !item.epjDocumentation) return;
  const decided = await db.case.findUnique({ where: { id: item.caseId }, select: { createdById: true, documentedAt: true } });
  if (!decided || decided.documentedAt) return;
  if (await db.followUp.count({ where: { agendaItemId: item.id, kind: epjFollowUpKind } })) return;
  await db.followUp.create({
    data: {
      agendaItemId: item.id,
      caseId: item.caseId,
      ownerId: item.epjResponsibleId ?? decided.createdById,
      description: nbHandOff.documentFollowUp,
      kind: epjFollowUpKind,
      dueDate: workingDaysAfter(closedAt, epjDocumentWorkingDays),
    },
  });
}

/** A case counts as documented when marked and not changed by a correction of the minutes since (after-documented.ts). */
export function isDocumented(row: { documentedAt: Date | null; changedAfterDocumentedAt: Date | null }): boolean {
  return row.documentedAt !== null && row.changedAfterDocumentedAt === null;
}

/**
 * The "document it" follow-up of a case marked documented stays closed: the mark closed it, and opening it
 * again by hand would say the record is not done while the case says it is. What opens it again is a
 * correction of the minutes after the mark (lib/minutes/after-documented.ts), which also unsettles the mark.
 */
export function reopenRefused(
  followUp: { kind: string | null; doneAt: Date | null },
  row: { documentedAt: Date | null; changedAfterDocumentedAt: Date | null } | null | undefined,
): boolean {
  return followUp.kind === epjFollowUpKind && followUp.doneAt !== null && Boolean(row && isDocumented(row));
}
