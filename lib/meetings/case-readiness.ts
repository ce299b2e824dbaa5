import { formProgress, hasContent, type FormSectionKey } from '../cases/case-sections';

/**
 * What a submitted case lacks before the meeting, as the chair sees it on the
 * agenda: form sections with nothing filled in, no holistic assessment
 * (samlet vurdering), no purpose. The sections that are a yes/no first
 * (children, ethics) are never "missing": unticked is an answer.
 */
export type CaseReadiness = { emptySections: FormSectionKey[]; noAssessment: boolean; noPurpose: boolean };

const checked: readonly FormSectionKey[] = ['about', 'current', 'assessment', 'alternatives'];

export function caseReadiness(content: Record<string, unknown>): CaseReadiness {
  return {
    emptySections: formProgress(content)
      .filter((section) => checked.includes(section.key) && section.total > 0 && section.filled === 0)
      .map((section) => section.key),
    noAssessment: !hasContent(content.samletVurdering),
    noPurpose: !hasContent(content.purpose),
  };
}

export function isReady(readiness: CaseReadiness): boolean {
  return readiness.emptySections.length === 0 && !readiness.noAssessment && !readiness.noPurpose;
}
