import { z } from 'zod';
import { criterionLevels } from '../cases/case-form';

/**
 * The form of a service-level or political/administrative case (issue 22):
 * the guideline's one table — situation, alvorlighet, nytte, ressurs,
 * conclusion — at the level above the individual case, with the question,
 * the alternatives considered and a proposal. It has no person reference and
 * no field about a person: it is about a service or a priority, never one
 * person (lib/leader-cases/person-data-warnings.ts warns if text reads so).
 */
export const leaderCaseLevels = ['tjeneste', 'politisk'] as const;
export type LeaderCaseLevel = (typeof leaderCaseLevels)[number];

/** Free-text fields, in form order. */
export const leaderTextFields = [
  'question',
  'situation',
  'alternatives',
  'alvorlighetReasons',
  'nytteReasons',
  'ressursReasons',
  'samletVurdering',
  'proposal',
] as const;
export type LeaderTextField = (typeof leaderTextFields)[number];

export const leaderLevelFields = ['alvorlighetLevel', 'nytteLevel', 'ressursLevel'] as const;

const maxText = 20_000;
const text = z.string().max(maxText, 'too_long').optional();
const level = z.enum(criterionLevels).or(z.literal('')).optional();

export const leaderCaseContentSchema = z
  .object({
    question: z.string().max(300, 'too_long').optional(),
    situation: text,
    alternatives: text,
    alvorlighetReasons: text,
    nytteReasons: text,
    ressursReasons: text,
    samletVurdering: text,
    proposal: text,
    alvorlighetLevel: level,
    nytteLevel: level,
    ressursLevel: level,
  })
  .strict();
export type LeaderCaseContent = z.infer<typeof leaderCaseContentSchema>;

/** Stored content read back: anything that no longer parses shows as empty rather than breaking the page. */
export function parseStoredContent(json: string): LeaderCaseContent {
  try {
    const parsed = leaderCaseContentSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
