import { stringify } from 'csv-stringify/sync';
import { downloadRoute } from '@/app/api/_lib/api-route';
import { unitsWithHistory } from '@/lib/access/policy';
import { getDb } from '@/lib/db/db';
import { AppError } from '@/lib/errors/app-error';
import { loadStatisticsRows } from '@/lib/history/meeting-statistics';

export const dynamic = 'force-dynamic';

/** The rows behind the statistics page (one per item of the last twelve months), as CSV. */
export const GET = downloadRoute(async ({ actor }) => {
  if (unitsWithHistory(actor.memberships, 'unit').length === 0) throw new AppError('not_found');
  const rows = await loadStatisticsRows({ db: getDb(), actor });
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
  ] as const;
  const csv = stringify(
    rows.map((r) => columns.map((c) => r[c] ?? '')),
    { header: true, escape_formulas: true, columns: [...columns] },
  );
  return { body: `\uFEFF${csv}`, contentType: 'text/csv; charset=utf-8', filename: 'saksmoter-statistikk.csv' };
});
