import { z } from 'zod';
import { caseTypes } from '../cases/case-form';
import { resolvePeriod, statisticsPeriodSchema, type StatisticsPeriod } from '../history/statistics-period';

/**
 * What a leader asks of the unit's history: the individual cases of a service
 * (matched in the services the case concerns, as the search's service filter
 * does) and/or of a case type, over a period (the statistics page's presets
 * or a chosen from/to). Stored beside the figures, so a snapshot says what it counts.
 */
export const evidenceQuerySchema = statisticsPeriodSchema
  .extend({
    tjeneste: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().max(100, 'too_long').optional()),
    sakstype: z.preprocess((v) => (v === '' ? undefined : v), z.enum(caseTypes, 'unknown_option').optional()),
  })
  .strict();
export type EvidenceQuery = z.infer<typeof evidenceQuerySchema>;

/** The query as stored with a snapshot: the filters and the period's first and last day. */
export type StoredEvidenceQuery = { service: string | null; caseType: string | null; fromDate: string; toDate: string };

export function resolveEvidenceQuery(query: EvidenceQuery, now: Date): { stored: StoredEvidenceQuery; period: StatisticsPeriod } {
  const period = resolvePeriod({ periode: query.periode, fra: query.fra, til: query.til }, now);
  return {
    period,
    stored: { service: query.tjeneste || null, caseType: query.sakstype ?? null, fromDate: period.fromDate, toDate: period.toDate },
  };
}
