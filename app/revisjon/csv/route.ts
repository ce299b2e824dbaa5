import { stringify } from 'csv-stringify/sync';
import { downloadRoute } from '@/app/api/_lib/api-route';
import { auditFilterSchema, listAuditEvents } from '@/lib/audit/list-audit-events';
import { getDb } from '@/lib/db/db';
import { auditRowWords } from '@/lib/i18n/audit-labels';
import { nb } from '@/lib/i18n/nb';
import { firstValues } from '@/lib/validation/query-params';
import { parseInput } from '@/lib/validation/parse-input';

export const dynamic = 'force-dynamic';

/**
 * The audit log with the page's filters, as CSV with the page's readable columns (and the ids and codes behind
 * them): up to 200,000 rows — a period of a large unit beyond that is exported month by month — newest first.
 * The cases it names are logged as read (`audit_csv`), as on the page.
 */
export const GET = downloadRoute(async ({ actor, request }) => {
  const filter = parseInput(auditFilterSchema, firstValues(Object.fromEntries(request.nextUrl.searchParams)), 'invalid audit filter');
  const rows = await listAuditEvents({ db: getDb(), actor, filter, view: 'audit_csv', limit: 200_000 });
  const csv = stringify(
    rows.map((r) => {
      const w = auditRowWords(r);
      return [
        w.exactAt,
        w.actor,
        w.action,
        w.subject,
        w.caseTitle,
        w.personRef,
        w.detail,
        r.at.toISOString(),
        r.actorId ?? '',
        r.action,
        r.entityType,
        r.entityId,
        r.id,
      ];
    }),
    { header: true, escape_formulas: true, columns: nb.history.audit.csvColumns },
  );
  // A BOM so that Excel opens the Norwegian letters right.
  return { body: `\uFEFF${csv}`, contentType: 'text/csv; charset=utf-8', filename: 'tilgangslogg.csv' };
});
