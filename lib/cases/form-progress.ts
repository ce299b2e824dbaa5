import { criteria } from './case-form';

/**
 * The case form's sections (in the order of "Skjema for saksbehandlere", as
 * app/saker/[id]/case-form-sections.tsx shows them) and which fields belong
 * to each, for the section navigation and its progress. A field behind a
 * yes/no ("Det finnes et løpende vedtak") counts only once the answer is yes.
 */
export type FormSectionKey = 'about' | 'current' | 'assessment' | 'children' | 'alternatives' | 'ethics' | 'meeting';
type FieldGroup = { fields: string[]; when?: string };

export const formSections: { key: FormSectionKey; anchor: string; groups: FieldGroup[] }[] = [
  {
    key: 'about',
    anchor: 'seksjon-om',
    groups: [
      {
        fields: [
          'personRef',
          'caseType',
          'level',
          'question',
          'facts',
          'changedNeeds',
          'measuresTried',
          'diagnosis',
          'functioning',
          'situation',
          'proposal',
        ],
      },
    ],
  },
  {
    key: 'current',
    anchor: 'seksjon-tjenester',
    groups: [
      { fields: ['services', 'servicesConcerned', 'hasOngoingDecision'] },
      { fields: ['ongoingDecisionWhat', 'ongoingDecisionExtent', 'ongoingDecisionTimeLimited'], when: 'hasOngoingDecision' },
      { fields: ['ongoingDecisionEndDate'], when: 'ongoingDecisionTimeLimited' },
    ],
  },
  {
    key: 'assessment',
    anchor: 'seksjon-vurdering',
    groups: [{ fields: [...criteria.flatMap((c) => [`${c}Factors`, `${c}Level`, `${c}Reasons`]), 'samletVurdering'] }],
  },
  {
    key: 'children',
    anchor: 'seksjon-barn',
    groups: [{ fields: ['childrenAffected'] }, { fields: ['barnetsBeste'], when: 'childrenAffected' }],
  },
  {
    key: 'alternatives',
    anchor: 'seksjon-alternativer',
    groups: [{ fields: ['alternatives', 'alternativesNote', 'personView', 'relativesView'] }],
  },
  {
    key: 'ethics',
    anchor: 'seksjon-etikk',
    groups: [
      { fields: ['ethicalDilemma'] },
      { fields: ['smeProblem', 'smeFacts', 'smeAffected', 'smeValuesAndLaw', 'smeOptions', 'smeJudgement'], when: 'ethicalDilemma' },
    ],
  },
  { key: 'meeting', anchor: 'seksjon-mote', groups: [{ fields: ['purpose'] }] },
];

export type SectionProgress = { key: FormSectionKey; anchor: string; filled: number; total: number };

/** Whether the person has written or chosen something in the field (a yes counts; an unticked box does not). */
export function hasContent(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return value === true;
}

/** Per section, how many of the fields that apply have content. */
export function formProgress(content: Record<string, unknown>): SectionProgress[] {
  return formSections.map(({ key, anchor, groups }) => {
    const fields = groups.filter((g) => !g.when || content[g.when] === true).flatMap((g) => g.fields);
    return { key, anchor, filled: fields.filter((field) => hasContent(content[field])).length, total: fields.length };
  });
}
