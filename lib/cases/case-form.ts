import { z } from 'zod';

/**
 * The caseworker's form ("Skjema for saksbehandlere", seeds/003) as data. A
 * draft may be anything partial; submission needs the fields in
 * `requiredForSubmission` (lib/cases/validate-submission.ts). The same shape
 * is stored in the case's Yjs document (`case:<id>`, map "form") and, on
 * submission, as a JSON snapshot per version.
 */
export const caseTypes = ['ny_soknad', 'endring', 'revurdering', 'annet'] as const;
export const caseLevels = ['individ', 'tjeneste', 'politisk'] as const;
export const purposes = ['orientering', 'drofting', 'avklaring'] as const;
export const criterionLevels = ['lav', 'moderat', 'hoy'] as const;
export const criteria = ['alvorlighet', 'nytte', 'ressurs'] as const;
export type Criterion = (typeof criteria)[number];

/** Sub-factors per criterion, from the national guideline (DOMAIN.md). */
export const criterionFactors = {
  alvorlighet: ['risiko_dod', 'tap_funksjon', 'grad_tap', 'smerte', 'situasjon_na', 'varighet', 'hastegrad'],
  nytte: ['levetid', 'livskvalitet', 'mestring', 'funksjon', 'mindre_smerte', 'varig_effekt'],
  ressurs: ['tid', 'utstyr', 'lokaler', 'personell', 'kompetanse', 'parorende', 'kostnad_effekt'],
} as const satisfies Record<Criterion, readonly string[]>;

export const alternativeKinds = ['lavere_omsorgsniva', 'gruppe', 'faerre_timer', 'eksisterende_tilbud'] as const;

/** Free-text fields, in form order. Each is a Y.Text in the case document. */
export const textFields = [
  'personRef',
  'question',
  'facts',
  'changedNeeds',
  'measuresTried',
  'diagnosis',
  'functioning',
  'services',
  'ongoingDecisionWhat',
  'ongoingDecisionExtent',
  'situation',
  'proposal',
  'servicesConcerned',
  'alvorlighetReasons',
  'nytteReasons',
  'ressursReasons',
  'samletVurdering',
  'barnetsBeste',
  'alternativesNote',
  'personView',
  'relativesView',
  'smeProblem',
  'smeFacts',
  'smeAffected',
  'smeValuesAndLaw',
  'smeOptions',
  'smeJudgement',
] as const;
export type TextField = (typeof textFields)[number];

const maxText = 20_000;
const text = z.string().max(maxText, 'too_long');
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).or(z.literal('')).optional();
const factorList = (values: readonly string[]) =>
  z
    .array(z.string().refine((v) => values.includes(v), 'unknown_option'))
    .max(values.length)
    .optional();
const isoDate = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'invalid_date')
  .optional();

const textShape = Object.fromEntries(textFields.map((field) => [field, text.optional()])) as Record<TextField, z.ZodOptional<typeof text>>;

export const caseContentSchema = z
  .object({
    ...textShape,
    personRef: z.string().max(40, 'too_long').optional(),
    caseType: optionalEnum(caseTypes),
    level: optionalEnum(caseLevels),
    purpose: optionalEnum(purposes),
    hasOngoingDecision: z.boolean().optional(),
    ongoingDecisionTimeLimited: z.boolean().optional(),
    ongoingDecisionEndDate: isoDate,
    alvorlighetFactors: factorList(criterionFactors.alvorlighet),
    nytteFactors: factorList(criterionFactors.nytte),
    ressursFactors: factorList(criterionFactors.ressurs),
    alvorlighetLevel: optionalEnum(criterionLevels),
    nytteLevel: optionalEnum(criterionLevels),
    ressursLevel: optionalEnum(criterionLevels),
    urgent: z.boolean().optional(),
    childrenAffected: z.boolean().optional(),
    alternatives: factorList(alternativeKinds),
    ethicalDilemma: z.boolean().optional(),
  })
  .strict();

export type CaseContent = z.infer<typeof caseContentSchema>;

export const booleanFields = ['hasOngoingDecision', 'ongoingDecisionTimeLimited', 'urgent', 'childrenAffected', 'ethicalDilemma'] as const;
export const listFields = ['alvorlighetFactors', 'nytteFactors', 'ressursFactors', 'alternatives'] as const;
