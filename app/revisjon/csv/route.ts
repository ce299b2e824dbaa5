import { stringify } from 'csv-stringify/sync';
import { downloadRoute } from '@/app/api/_lib/api-route';
import { auditFilterSchema, listAuditEvents } from '@/lib/audit/list-audit-events';
import { AppError } from '@/lib/errors/app-error';
import { getDb } from '@/lib/db/db';

export const dynamic = 'force-dynamic';

/** The audit log with the page's filters, as CSV (up to 200,000 rows — a period of a large unit beyond that is exported month by month — newest first). */
export const GET = downloadRoute(async ({ actor, request }) => {
  const parsed = auditFilterSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) throw new AppError('invalid_input');
  const rows = await listAuditEvents({ db: getDb(), actor, filter: parsed.data, limit: 200_000 });
  const csv = stringify(
    rows.map((r) => [r.id, r.at.toISOString(), r.actorId ?? '', r.actor ?? '', r.action, r.entityType, r.entityId, r.detail ?? '']),
    { header: true, escape_formulas: true, columns: ['id', 'at', 'actor_id', 'actor', 'action', 'entity_type', 'entity_id', 'detail'] },
  );
  // A BOM so that Excel opens the Norwegian letters right.
  return { body: `\uFEFF${csv}`, contentType: 'text/csv; charset=utf-8', filename: 'tilgangslogg.csv' };
});
