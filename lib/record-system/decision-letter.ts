import { nbHandOff } from '../i18n/nb-hand-off';
import { maskNationalIds } from '../privacy/national-id';
import { criterionEntry } from './criterion-entry';
import type { CriterionAssessment, HandOffData } from './hand-off';

const t = nbHandOff.letter;

/**
 * A draft decision letter in klarspråk, from the hand-off's data: the decision
 * first, the reasons in the criteria's own words, what the person can do
 * next. Plain text, for the caseworker to edit and carry into the record
 * system, where the vedtak is written and made. It says so on its first line,
 * names the person by the reference only, and is masked for national identity
 * numbers. The template's own sentences are kept short (decision-letter.test.ts).
 */
export function draftDecisionLetter(data: HandOffData): string {
  const a = data.assessment;
  const reason = (label: string, text: string) => (text.trim() ? `${label}: ${text.trim()}` : null);
  // A criterion's level shows whenever it is set, with or without reasons (criterion-entry.ts).
  const criterion = (label: string, c: CriterionAssessment) => reason(...criterionEntry(label, c));
  const sections = [
    [t.draftMark, t.regarding(data.personRef)],
    [t.decisionHeading, t.decisionIntro(data.servicesConcerned.trim()), data.meeting.conclusion.trim() || t.decisionPlaceholder],
    [
      t.reasonsHeading,
      t.reasonsIntro,
      criterion(t.severity, a.alvorlighet),
      criterion(t.benefit, a.nytte),
      criterion(t.resources, a.ressurs),
      reason(t.overall, a.samletVurdering),
      a.childrenAffected ? reason(t.child, a.barnetsBeste) : null,
      data.reassessmentDate ? t.reassessment(data.reassessmentDate) : null,
    ],
    [t.nextHeading, t.complain, t.complainHow, t.documents, t.contact],
  ];
  return maskNationalIds(sections.map((lines) => lines.filter(Boolean).join('\n')).join('\n\n'));
}

/** Words per sentence of a text, for the klarspråk check: sentences end in . ! ? or a line break. */
export function sentenceLengths(text: string): number[] {
  return text
    .split(/[.!?]+\s|[.!?]+$|\n+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split(/\s+/).length);
}
