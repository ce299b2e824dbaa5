import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/app/_auth/require-actor';
import { PageShell } from '@/app/_components/page-shell';
import { auditFilterSchema, listAuditActors, listAuditEvents, type AuditFilter } from '@/lib/audit/list-audit-events';
import { auditActions } from '@/lib/audit/record-audit-event';
import { auditLogUnits } from '@/lib/access/policy';
import { getDb } from '@/lib/db/db';
import { formatTimestamp } from '@/lib/i18n/format';
import { firstValues } from '@/lib/validation/query-params';
import { nb } from '@/lib/i18n/nb';

export const metadata: Metadata = { title: nb.history.audit.title };
export const dynamic = 'force-dynamic';

const t = nb.history.audit;
const pageSize = 100;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, user } = await requireActor();
  if (auditLogUnits(actor.memberships).length === 0) notFound();
  const raw = firstValues(await searchParams);
  const parsed = auditFilterSchema.safeParse(raw);
  const filter: AuditFilter = parsed.success ? parsed.data : {};
  const db = getDb();
  const [rows, people] = await Promise.all([
    parsed.success ? listAuditEvents({ db, actor, filter, limit: pageSize }) : Promise.resolve([]),
    listAuditActors(db, actor),
  ]);
  const query = new URLSearchParams(
    Object.entries(filter).flatMap(([k, v]) => (v === undefined || k === 'before' ? [] : [[k, String(v)]])),
  );
  const olderQuery = new URLSearchParams(query);
  if (rows.length === pageSize) olderQuery.set('before', String(rows[rows.length - 1].id));
  const field = 'mt-1 block w-full rounded border border-slate-500 px-2 py-1';
  return (
    <PageShell userName={user.name} actor={actor} wide>
      <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t.intro}</p>
      <form
        method="get"
        className="mt-6 grid gap-4 rounded border border-slate-300 bg-white p-4 sm:grid-cols-3 print:hidden"
        aria-label={t.filters}
      >
        <label className="text-sm font-medium">
          {t.from}
          <input type="date" name="from" defaultValue={filter.from ?? raw.from ?? ''} className={field} />
        </label>
        <label className="text-sm font-medium">
          {t.to}
          <input type="date" name="to" defaultValue={filter.to ?? raw.to ?? ''} className={field} />
        </label>
        <label className="text-sm font-medium">
          {t.actor}
          <select name="actorId" defaultValue={filter.actorId ?? ''} className={field}>
            <option value="">{t.anyActor}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t.action}
          <select name="action" defaultValue={filter.action ?? ''} className={field}>
            <option value="">{t.anyAction}</option>
            {auditActions.map((a) => (
              <option key={a} value={a}>
                {t.actions[a] ?? a}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t.entityId}
          <input type="text" name="entityId" defaultValue={filter.entityId ?? raw.entityId ?? ''} className={field} />
        </label>
        <div className="flex items-end gap-4">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t.apply}
          </button>
          <a href={`/revisjon/csv?${query.toString()}`} className="text-brand-700 underline" download>
            {t.exportCsv}
          </a>
        </div>
      </form>
      {!parsed.success ? (
        <p role="alert" className="mt-4 rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {t.invalidFilter}
        </p>
      ) : rows.length === 0 ? (
        <p className="mt-6">{t.none}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t.title}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-2 pr-4">
                  {t.columns.at}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t.columns.actor}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t.columns.action}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t.columns.entity}
                </th>
                <th scope="col" className="py-2">
                  {t.columns.detail}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">{formatTimestamp(r.at)}</td>
                  <td className="py-2 pr-4">{r.actor ?? t.system}</td>
                  <td className="py-2 pr-4">{t.actions[r.action] ?? r.action}</td>
                  <td className="py-2 pr-4">
                    {t.entityTypes[r.entityType] ?? r.entityType}{' '}
                    <Link href={`/revisjon?entityId=${r.entityId}`} className="font-mono text-brand-700 underline">
                      {r.entityId}
                    </Link>
                  </td>
                  <td className="py-2 font-mono text-xs break-all">{r.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === pageSize ? (
            <p className="mt-4">
              <Link href={`/revisjon?${olderQuery.toString()}`} className="text-brand-700 underline">
                {t.older}
              </Link>
            </p>
          ) : null}
        </div>
      )}
    </PageShell>
  );
}
