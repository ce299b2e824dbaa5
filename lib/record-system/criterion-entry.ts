import { nbCases } from '../i18n/nb-cases';
import { nbHandOff } from '../i18n/nb-hand-off';
import type { CriterionAssessment } from './hand-off';

/** The level's word ("Høy"), or null when the caseworker set none. */
export function levelWord(level: string | null | undefined): string | null {
  return level ? (nbCases.criterionLevels[level] ?? level) : null;
}

/**
 * One criterion as a "Label: value" entry for plain text: "Alvorlighet (høy): reasons",
 * "Ressurs: moderat" when a level is set without reasons, "Nytte: reasons" without a level.
 * A level is never dropped for want of reasons (the hand-off and the letter both use this),
 * and nothing is left when neither is set.
 */
export function criterionEntry(label: string, criterion: CriterionAssessment): readonly [string, string] {
  const level = levelWord(criterion.level);
  const reasons = criterion.reasons.trim();
  if (level && reasons) return [nbHandOff.labels.level(label, level), reasons];
  if (level) return [label, level.toLowerCase()];
  return [label, reasons];
}
