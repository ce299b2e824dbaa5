import { maskNationalIds } from '../privacy/national-id';
import type { CaseContent } from './case-form';

/**
 * The columns kept on Case for lists and sorting, derived from the form. Lists
 * are outside the editor: a national identity number typed into the question
 * or the reference of a draft (autosave keeps it) is stored here masked.
 */
export function caseSummary(content: CaseContent) {
  return {
    title: maskNationalIds((content.question ?? '').trim().slice(0, 300)),
    personRef: maskNationalIds((content.personRef ?? '').trim()),
    caseType: content.caseType || 'annet',
    level: content.level || 'individ',
    purpose: content.purpose || null,
    severityLevel: content.alvorlighetLevel || null,
    urgent: content.urgent ?? false,
    childrenAffected: content.childrenAffected ?? false,
  };
}

const severityRank: Record<string, number> = { hoy: 3, moderat: 2, lav: 1 };

export type SortableCase = { severityLevel: string | null; urgent: boolean; createdAt: Date };
export const queueSorts = ['severity', 'urgency', 'age'] as const;
export type QueueSort = (typeof queueSorts)[number];

/**
 * Orders a caseworker's queue: by severity (høy first), by urgency (urgent
 * first) or by age (oldest first); the other two break ties in that order.
 */
export function compareCases(sort: QueueSort) {
  const bySeverity = (a: SortableCase, b: SortableCase) =>
    (severityRank[b.severityLevel ?? ''] ?? 0) - (severityRank[a.severityLevel ?? ''] ?? 0);
  const byUrgency = (a: SortableCase, b: SortableCase) => Number(b.urgent) - Number(a.urgent);
  const byAge = (a: SortableCase, b: SortableCase) => a.createdAt.getTime() - b.createdAt.getTime();
  const order = { severity: [bySeverity, byUrgency, byAge], urgency: [byUrgency, bySeverity, byAge], age: [byAge, bySeverity, byUrgency] }[
    sort
  ];
  return (a: SortableCase, b: SortableCase) => {
    for (const compare of order) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
}
