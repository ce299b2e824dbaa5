import type { CaseContentStore } from '../cases/case-content-store';
import { nb } from '../i18n/nb';
import { caseReadiness, isReady, type CaseReadiness } from './case-readiness';

/** The missing parts in words, for the notice ("Alternativer og synspunkter, samlet vurdering"). */
export function missingInWords(readiness: CaseReadiness): string[] {
  return [
    ...readiness.emptySections.map((key) => nb.cases.sections[key]),
    ...(readiness.noAssessment ? [nb.cases.readiness.noAssessment] : []),
    ...(readiness.noPurpose ? [nb.cases.readiness.noPurpose] : []),
  ];
}

/**
 * What each case lacks, read from its live document — the form as its
 * caseworker has it now, typed after the submission included — not from the
 * last submitted version: the chair asks for what is still missing, not for
 * what the caseworker filled in since. Case id → the gaps in words (a case
 * with none is left out). Used by the saksliste page, the room and the ask.
 */
export async function liveMissing(store: CaseContentStore, caseIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  for (const caseId of caseIds) {
    const readiness = caseReadiness(await store.read(caseId));
    if (!isReady(readiness)) result.set(caseId, missingInWords(readiness));
  }
  return result;
}
