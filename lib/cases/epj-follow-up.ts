import type { Db, DbTransaction } from '../db/db';
import { nbHandOff } from '../i18n/nb-hand-off';

/** FollowUp.kind of the follow-up to document a conclusion in the record system (null = one the meeting wrote). */
export const epjFollowUpKind = 'epj_documentation';

/**
 * When the meeting set the EPJ flag on a concluded case, the follow-up to
 * document it: owned by whom the meeting named (else the case's caseworker),
 * closed when the case is marked *dokumentert i fagsystemet*
 * (lib/cases/mark-documented.ts). Written in the close's transaction; none
 * for a case already documented, and never two.
 */
export async function createEpjFollowUp(
  db: Db | DbTransaction,
  item: { id: string; caseId: string | null; epjDocumentation: boolean; epjResponsibleId: string | null },
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
    },
  });
}
