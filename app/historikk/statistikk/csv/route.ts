import { stringify } from 'csv-stringify/sync';
import { downloadRoute } from '@/app/api/_lib/api-route';
import { unitsWithHistory } from '@/lib/access/policy';
import { getDb } from '@/lib/db/db';
import { AppError } from '@/lib/errors/app-error';
import { loadStatisticsRows } from '@/lib/history/meeting-statistics';
import { resolvePeriod, statisticsQuerySchema } from '@/lib/history/statistics-period';
import { systemClock } from '@/lib/time/clock';
import { parseInput } from '@/lib/validation/parse-input';

export const dynamic = 'force-dynamic';

/** The rows behind the statistics page (one per item of the period and level the page shows: the same query string), as CSV. */
export const GET = downloadRoute(async ({ actor, request }) => {
  if (unitsWithHistory(actor.memberships, 'unit').length === 0) throw new AppError('not_found');
  const query = parseInput(statisticsQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  const period = resolvePeriod(query, systemClock.now());
  const rows = await loadStatisticsRows({ db: getDb(), actor, period, level: query.niva });
  const columns = [
    'meetingId',
    'meetingDate',
    'purpose',
    'outcome',
    'status',
    'plannedMinutes',
    'usedMinutes',
    'caseworker',
    'severity',
    'benefit',
    'resource',
    'followUps',
    'followUpsDone',
    // Last, so that a sheet built on the earlier columns keeps working.
    'level',
  ] as const;
  const csv = stringify(
    rows.map((r) => columns.map((c) => r[c] ?? '')),
    { header: true, escape_formulas: true, columns: [...columns] },
  );
  return {
    body: `\uFEFF${csv}`,
    contentType: 'text/csv; charset=utf-8',
    filename: `saksmoter-statistikk-${period.fromDate}-${period.toDate}.csv`,
  };
});
