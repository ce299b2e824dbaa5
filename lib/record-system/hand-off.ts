/**
 * What a concluded case carries from the meeting into the record system
 * (the hand-off, issue 19), in neutral terms. A record system's module
 * (lib/record-system/gerica.ts, …) turns it into blocks shaped for its own
 * fields. Plain data: no framework, no database.
 */
export type CriterionAssessment = { level: string | null; reasons: string };

export type HandOffData = {
  personRef: string;
  caseType: string | null;
  question: string;
  servicesConcerned: string;
  facts: {
    facts: string;
    changedNeeds: string;
    measuresTried: string;
    diagnosis: string;
    functioning: string;
    services: string;
    situation: string;
    proposal: string;
    personView: string;
    relativesView: string;
  };
  assessment: {
    alvorlighet: CriterionAssessment;
    nytte: CriterionAssessment;
    ressurs: CriterionAssessment;
    samletVurdering: string;
    childrenAffected: boolean;
    barnetsBeste: string;
    /** The criteria as the meeting adjusted them, where it did (AgendaItem.adjustedAssessment). */
    adjusted: { alvorlighetLevel?: string; nytteLevel?: string; ressursLevel?: string; note?: string } | null;
  };
  meeting: {
    /** Oslo calendar date of the meeting, "yyyy-MM-dd". */
    date: string;
    outcome: string | null;
    referredTo: string | null;
    conclusion: string;
    dissent: string;
    epjDocumentation: boolean;
  };
  followUps: { description: string; owner: string; dueDate: string | null; done: boolean }[];
  /** "yyyy-MM-dd", or null. */
  reassessmentDate: string | null;
};

/** The parts of the hand-off, in the order a caseworker carries them over. */
export const handOffBlockKeys = ['facts', 'assessment', 'conclusion', 'followUps', 'reassessment', 'journalNote'] as const;
export type HandOffBlockKey = (typeof handOffBlockKeys)[number];

/** One block to copy: where it goes in the record system, and the plain text to paste there. */
export type HandOffBlock = { key: HandOffBlockKey; title: string; target: string; text: string };

/** A record system's mapping of the hand-off to its fields. */
export type RecordSystem = { id: string; name: string; blocks: (data: HandOffData) => HandOffBlock[] };
