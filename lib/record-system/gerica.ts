import { nbCases } from '../i18n/nb-cases';
import { nbHandOff } from '../i18n/nb-hand-off';
import { nbMeeting } from '../i18n/nb-meeting';
import { formatDate } from '../i18n/format';
import { criterionEntry, levelWord } from './criterion-entry';
import type { HandOffBlock, HandOffData, RecordSystem } from './hand-off';
import { labelledLines, paragraphs } from './plain-text';

const t = nbHandOff;
const l = nbHandOff.labels;

/**
 * Gerica (Oslo's districts, and many other municipalities). Oslo's routine puts
 * the case's facts in fields of the *sakskort* that are merged into the
 * decision letter, and the basis in the *saksbehandlerjournal*. The field
 * names below are the targets shown beside each block; docs/record-system.md
 * has the mapping. Another record system gets a module of its own with the
 * same shape (RecordSystem).
 */
export const gericaFields = {
  facts: 'Sakskort: Saksopplysninger (flettes inn i vedtaksbrevet)',
  assessment: 'Sakskort: Vurdering (flettes inn i vedtaksbrevet)',
  conclusion: 'Sakskort: Begrunnelse for vedtaket',
  followUps: 'Saksbehandlerjournal: oppfølging',
  reassessment: 'Sakskort: Revurderingsdato (og påminnelse)',
  journalNote: 'Saksbehandlerjournal: nytt notat',
} as const;

function factsText(data: HandOffData): string {
  const f = data.facts;
  return labelledLines([
    [l.personRef, data.personRef],
    [l.caseType, data.caseType ? (nbCases.caseTypes[data.caseType] ?? data.caseType) : null],
    [l.question, data.question],
    [l.servicesConcerned, data.servicesConcerned],
    [l.facts, f.facts],
    [l.changedNeeds, f.changedNeeds],
    [l.measuresTried, f.measuresTried],
    [l.diagnosis, f.diagnosis],
    [l.functioning, f.functioning],
    [l.services, f.services],
    [l.situation, f.situation],
    [l.proposal, f.proposal],
    [l.personView, f.personView],
    [l.relativesView, f.relativesView],
  ]);
}

function assessmentText(data: HandOffData): string {
  const a = data.assessment;
  const adjusted = a.adjusted
    ? [
        [
          l.adjusted,
          [
            a.adjusted.alvorlighetLevel ? `${l.alvorlighet.toLowerCase()} ${levelWord(a.adjusted.alvorlighetLevel)?.toLowerCase()}` : '',
            a.adjusted.nytteLevel ? `${l.nytte.toLowerCase()} ${levelWord(a.adjusted.nytteLevel)?.toLowerCase()}` : '',
            a.adjusted.ressursLevel ? `${l.ressurs.toLowerCase()} ${levelWord(a.adjusted.ressursLevel)?.toLowerCase()}` : '',
          ]
            .filter(Boolean)
            .join(', '),
        ] as const,
        [l.adjustedNote, a.adjusted.note] as const,
      ]
    : [];
  return labelledLines([
    criterionEntry(l.alvorlighet, a.alvorlighet),
    criterionEntry(l.nytte, a.nytte),
    criterionEntry(l.ressurs, a.ressurs),
    [l.samletVurdering, a.samletVurdering],
    [l.barnetsBeste, a.childrenAffected ? a.barnetsBeste : ''],
    ...adjusted,
  ]);
}

function conclusionText(data: HandOffData): string {
  const m = data.meeting;
  return labelledLines([
    [l.meeting, formatDate(m.date)],
    [l.outcome, m.outcome ? (nbMeeting.outcomes[m.outcome] ?? m.outcome) : null],
    [l.referredTo, m.referredTo ? (nbMeeting.referralTargets[m.referredTo] ?? m.referredTo) : null],
    [l.conclusion, m.conclusion],
    [l.dissent, m.dissent],
  ]);
}

function followUpsText(data: HandOffData): string {
  if (data.followUps.length === 0) return l.noFollowUps;
  return labelledLines(data.followUps.map((f) => ['', l.followUp(f.description, f.owner, f.dueDate, f.done)] as const));
}

function reassessmentText(data: HandOffData): string {
  return data.reassessmentDate ? l.reassessOn(data.reassessmentDate) : l.noReassessment;
}

/** The journal note: the basis in one text — the meeting, its conclusion, the follow-ups and the revurdering. */
function journalNoteText(data: HandOffData): string {
  return paragraphs([
    `${l.journalOpening(data.meeting.date)} ${l.journalAdvice}`,
    conclusionText(data),
    assessmentText(data),
    data.followUps.length ? followUpsText(data) : null,
    data.reassessmentDate ? reassessmentText(data) : null,
  ]);
}

export const gerica: RecordSystem = {
  id: 'gerica',
  name: 'Gerica',
  blocks(data: HandOffData): HandOffBlock[] {
    const text = {
      facts: factsText(data),
      assessment: assessmentText(data),
      conclusion: conclusionText(data),
      followUps: followUpsText(data),
      reassessment: reassessmentText(data),
      journalNote: journalNoteText(data),
    };
    return (Object.keys(text) as (keyof typeof text)[]).map((key) => ({
      key,
      title: t.blocks[key],
      target: gericaFields[key],
      text: text[key],
    }));
  },
};
