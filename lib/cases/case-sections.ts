import { criteria, type CaseContent } from './case-form';

/**
 * The case form's sections and their fields in the order of "Skjema for
 * saksbehandlere", described once: the form's section navigation and its
 * progress (formProgress), and the read-only view of a submitted case (the
 * meeting room walks caseSections) both read this list. The keys name the
 * section headings in lib/i18n (nb.cases.sections); the anchors are the
 * sections' ids in the form.
 */
export type CaseEntry =
  | { kind: 'text'; field: keyof CaseContent }
  /** One of a fixed set of choices, shown by its label. */
  | { kind: 'choice'; field: 'caseType' | 'level' | 'purpose' | `${(typeof criteria)[number]}Level` }
  /** Ticked options, shown by their labels. */
  | { kind: 'list'; field: `${(typeof criteria)[number]}Factors` | 'alternatives' }
  /** A tick box: shown when ticked, with what belongs under it. */
  | { kind: 'flag'; field: FlagField }
  | { kind: 'date'; field: 'ongoingDecisionEndDate' };

type FlagField = 'hasOngoingDecision' | 'ongoingDecisionTimeLimited' | 'urgent' | 'childrenAffected' | 'ethicalDilemma';

/** An entry of the form: `when` names the yes/no it sits behind; `view: false` is not in the case view (it heads it), `progress: false` is not counted. */
type FormEntry = CaseEntry & { when?: FlagField; view?: false; progress?: false };

export type FormSectionKey = 'about' | 'current' | 'assessment' | 'children' | 'alternatives' | 'ethics' | 'meeting';
export type CaseSection = { key: FormSectionKey; entries: CaseEntry[] };
export type FormSection = { key: FormSectionKey; anchor: string; entries: FormEntry[] };

const text = (field: keyof CaseContent, when?: FlagField): FormEntry => ({ kind: 'text', field, when });

export const formSections: readonly FormSection[] = [
  {
    key: 'about',
    anchor: 'seksjon-om',
    entries: [
      { kind: 'text', field: 'personRef', view: false },
      { kind: 'choice', field: 'caseType' },
      { kind: 'choice', field: 'level' },
      ...(['question', 'facts', 'changedNeeds', 'measuresTried', 'diagnosis', 'functioning', 'situation', 'proposal'] as const).map((f) =>
        text(f),
      ),
    ],
  },
  {
    key: 'current',
    anchor: 'seksjon-tjenester',
    entries: [
      text('services'),
      text('servicesConcerned'),
      { kind: 'flag', field: 'hasOngoingDecision' },
      text('ongoingDecisionWhat', 'hasOngoingDecision'),
      text('ongoingDecisionExtent', 'hasOngoingDecision'),
      { kind: 'flag', field: 'ongoingDecisionTimeLimited', when: 'hasOngoingDecision' },
      { kind: 'date', field: 'ongoingDecisionEndDate', when: 'ongoingDecisionTimeLimited' },
    ],
  },
  {
    key: 'assessment',
    anchor: 'seksjon-vurdering',
    entries: [
      ...criteria.flatMap((criterion): FormEntry[] => [
        { kind: 'list', field: `${criterion}Factors` },
        { kind: 'choice', field: `${criterion}Level` },
        text(`${criterion}Reasons`),
        // "Haster" is a mark, not something to fill in: unticked is an answer too.
        ...(criterion === 'alvorlighet' ? [{ kind: 'flag', field: 'urgent', progress: false } as const] : []),
      ]),
      text('samletVurdering'),
    ],
  },
  {
    key: 'children',
    anchor: 'seksjon-barn',
    entries: [{ kind: 'flag', field: 'childrenAffected' }, text('barnetsBeste', 'childrenAffected')],
  },
  {
    key: 'alternatives',
    anchor: 'seksjon-alternativer',
    entries: [{ kind: 'list', field: 'alternatives' }, text('alternativesNote'), text('personView'), text('relativesView')],
  },
  {
    key: 'ethics',
    anchor: 'seksjon-etikk',
    entries: [
      { kind: 'flag', field: 'ethicalDilemma' },
      ...(['smeProblem', 'smeFacts', 'smeAffected', 'smeValuesAndLaw', 'smeOptions', 'smeJudgement'] as const).map((f) =>
        text(f, 'ethicalDilemma'),
      ),
    ],
  },
  { key: 'meeting', anchor: 'seksjon-mote', entries: [{ kind: 'choice', field: 'purpose' }] },
];

/** The sections as a read-only view of a submitted case shows them. */
export const caseSections: readonly CaseSection[] = formSections.map(({ key, entries }) => ({
  key,
  entries: entries.filter((e) => e.view !== false).map(({ kind, field }) => ({ kind, field }) as CaseEntry),
}));

/** Whether the person has written or chosen something (a yes counts; an unticked box and an empty text do not). */
export function hasContent(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return value === true;
}

/** Whether an entry has something to show. */
export function hasValue(content: CaseContent, entry: CaseEntry): boolean {
  return hasContent(content[entry.field]);
}

export type SectionProgress = { key: FormSectionKey; anchor: string; filled: number; total: number };

/** Per section, how many of the fields that apply have content; a field behind a no does not apply. */
export function formProgress(content: Record<string, unknown>): SectionProgress[] {
  return formSections.map(({ key, anchor, entries }) => {
    const fields = entries.filter((e) => e.progress !== false && (!e.when || content[e.when] === true)).map((e) => e.field);
    return { key, anchor, filled: fields.filter((field) => hasContent(content[field])).length, total: fields.length };
  });
}
