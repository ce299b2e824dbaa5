import { criteria, type CaseContent } from './case-form';

/**
 * The form's sections and their fields in the order of "Skjema for
 * saksbehandlere", as data: what a read-only view of a submitted case walks
 * (the meeting room shows the whole case, section by section). The keys name
 * the section headings in lib/i18n (nb.cases.sections).
 */
export type CaseEntry =
  | { kind: 'text'; field: keyof CaseContent }
  /** One of a fixed set of choices, shown by its label. */
  | { kind: 'choice'; field: 'caseType' | 'level' | 'purpose' | `${(typeof criteria)[number]}Level` }
  /** Ticked options, shown by their labels. */
  | { kind: 'list'; field: `${(typeof criteria)[number]}Factors` | 'alternatives' }
  /** A tick box: shown when ticked, with what belongs under it. */
  | { kind: 'flag'; field: 'hasOngoingDecision' | 'ongoingDecisionTimeLimited' | 'urgent' | 'childrenAffected' | 'ethicalDilemma' }
  | { kind: 'date'; field: 'ongoingDecisionEndDate' };

export type CaseSection = {
  key: 'about' | 'current' | 'assessment' | 'children' | 'alternatives' | 'ethics' | 'meeting';
  entries: CaseEntry[];
};

const text = (field: keyof CaseContent): CaseEntry => ({ kind: 'text', field });

export const caseSections: readonly CaseSection[] = [
  {
    key: 'about',
    entries: [
      { kind: 'choice', field: 'caseType' },
      { kind: 'choice', field: 'level' },
      ...(['question', 'facts', 'changedNeeds', 'measuresTried', 'diagnosis', 'functioning', 'situation', 'proposal'] as const).map(text),
    ],
  },
  {
    key: 'current',
    entries: [
      text('services'),
      text('servicesConcerned'),
      { kind: 'flag', field: 'hasOngoingDecision' },
      text('ongoingDecisionWhat'),
      text('ongoingDecisionExtent'),
      { kind: 'flag', field: 'ongoingDecisionTimeLimited' },
      { kind: 'date', field: 'ongoingDecisionEndDate' },
    ],
  },
  {
    key: 'assessment',
    entries: [
      ...criteria.flatMap((criterion): CaseEntry[] => [
        { kind: 'list', field: `${criterion}Factors` },
        { kind: 'choice', field: `${criterion}Level` },
        text(`${criterion}Reasons`),
        ...(criterion === 'alvorlighet' ? [{ kind: 'flag', field: 'urgent' } as const] : []),
      ]),
      text('samletVurdering'),
    ],
  },
  { key: 'children', entries: [{ kind: 'flag', field: 'childrenAffected' }, text('barnetsBeste')] },
  {
    key: 'alternatives',
    entries: [{ kind: 'list', field: 'alternatives' }, text('alternativesNote'), text('personView'), text('relativesView')],
  },
  {
    key: 'ethics',
    entries: [
      { kind: 'flag', field: 'ethicalDilemma' },
      ...(['smeProblem', 'smeFacts', 'smeAffected', 'smeValuesAndLaw', 'smeOptions', 'smeJudgement'] as const).map(text),
    ],
  },
  { key: 'meeting', entries: [{ kind: 'choice', field: 'purpose' }] },
];

/** Whether an entry has something to show (an unticked box and an empty text have not). */
export function hasValue(content: CaseContent, entry: CaseEntry): boolean {
  const value = content[entry.field];
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value.trim().length > 0;
  return value === true;
}
