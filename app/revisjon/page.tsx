import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/_auth/require-actor';
import { orNotFound } from '@/app/_lib/or-not-found';
import { PageShell } from '@/app/_components/page-shell';
import { loadAuditPage } from '@/lib/audit/load-audit-page';
import type { AuditFilter } from '@/lib/audit/list-audit-events';
import { auditActions } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/db';
import { auditActionLabels, auditRowWords } from '@/lib/i18n/audit-labels';
import { firstValues } from '@/lib/validation/query-params';
import { nb } from '@/lib/i18n/nb';

export const metadata: Metadata = { title: nb.history.audit.title };
export const dynamic = 'force-dynamic';

const t = nb.history.audit;

/** The filter as a query string (without the page cursor), for the CSV link and the paging links. */
function queryOf(filter: AuditFilter, extra: Record<string, string> = {}): string {
  const entries = Object.entries(filter).flatMap(([k, v]) => (v === undefined || k === 'before' ? [] : [[k, String(v)]]));
  return new URLSearchParams([...entries, ...Object.entries(extra)]).toString();
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, user } = await requireActor();
  const raw = firstValues(await searchParams);
  const { filter, invalidFields, rows, people, olderBefore } = await orNotFound(loadAuditPage({ db: getDb(), actor, query: raw }));
  const field = 'mt-1 block w-full rounded border border-slate-500 px-2 py-1';
  const value = (key: keyof AuditFilter) => (invalidFields.length ? (raw[key] ?? '') : String(filter[key] ?? ''));
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
          <input type="date" name="from" defaultValue={value('from')} className={field} />
        </label>
        <label className="text-sm font-medium">
          {t.to}
          <input type="date" name="to" defaultValue={value('to')} className={field} />
        </label>
        <label className="text-sm font-medium">
          {t.actor}
          <select name="actorId" defaultValue={value('actorId')} className={field}>
            <option value="">{t.anyActor}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t.personRef}
          <input
            type="text"
            name="personRef"
            maxLength={40}
            defaultValue={value('personRef')}
            aria-describedby="personref-hint"
            className={field}
          />
          <span id="personref-hint" className="mt-1 block text-xs font-normal text-slate-700">
            {t.personRefHint}
          </span>
        </label>
        <label className="text-sm font-medium">
          {t.action}
          <select name="action" defaultValue={value('action')} className={field}>
            <option value="">{t.anyAction}</option>
            {auditActions.map((a) => (
              <option key={a} value={a}>
                {auditActionLabels[a]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t.entityId}
          <input type="text" name="entityId" defaultValue={value('entityId')} className={field} />
        </label>
        <div className="flex flex-wrap items-end gap-4 sm:col-span-3">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t.apply}
          </button>
          <Link prefetch={false} href="/revisjon" className="text-brand-700 underline">
            {t.reset}
          </Link>
          {invalidFields.length === 0 ? (
            <a href={`/revisjon/csv?${queryOf(filter)}`} className="text-brand-700 underline" download>
              {t.exportCsv}
            </a>
          ) : null}
        </div>
      </form>
      {invalidFields.length > 0 ? (
        <p role="alert" className="mt-4 rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {t.invalidFilter} {t.invalidFields(invalidFields.map((f) => t.fieldNames[f] ?? f).join(', '))}
        </p>
      ) : rows.length === 0 ? (
        <p className="mt-6">{t.none}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <p className="text-sm text-slate-700">{t.shown(rows.length)}</p>
          <table className="reflow mt-2 w-full border-collapse text-left text-sm">
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
              {rows.map((r) => {
                const words = auditRowWords(r);
                return (
                  <tr key={r.id} className="border-b border-slate-200 align-top">
                    <td data-label={t.columns.at} className="py-2 pr-4 whitespace-nowrap">
                      <time dateTime={r.at.toISOString()} title={words.exactAt}>
                        {words.at}
                      </time>
                    </td>
                    <td data-label={t.columns.actor} className="py-2 pr-4">
                      {words.actor}
                    </td>
                    <td data-label={t.columns.action} className="py-2 pr-4">
                      {words.action}
                    </td>
                    <td data-label={t.columns.entity} className="py-2 pr-4">
                      <span className="block">
                        {words.subject}
                        {words.caseTitle ? `: ${words.caseTitle}` : ''}
                      </span>
                      {r.personRef ? (
                        <Link
                          prefetch={false}
                          href={`/revisjon?${queryOf({}, { personRef: r.personRef })}`}
                          className="inline-block py-1 text-brand-700 underline"
                        >
                          {words.personRef}
                          <span className="sr-only"> – {t.filterByPerson(words.personRef)}</span>
                        </Link>
                      ) : words.personRef ? (
                        <span className="block">{words.personRef}</span>
                      ) : null}
                      <Link
                        prefetch={false}
                        href={`/revisjon?${queryOf({}, { entityId: r.entityId })}`}
                        className="block py-1 text-xs text-brand-700 underline"
                        aria-label={`${t.filterByEntity}: ${words.subject}${words.caseTitle ? ` ${words.caseTitle}` : ''}`}
                      >
                        {t.filterByEntity}
                      </Link>
                    </td>
                    <td data-label={t.columns.detail} className="py-2">
                      {words.detail}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="mt-4 flex gap-6">
            {filter.before ? (
              <Link prefetch={false} href={`/revisjon?${queryOf(filter)}`} className="text-brand-700 underline">
                {t.newest}
              </Link>
            ) : null}
            {olderBefore ? (
              <Link
                prefetch={false}
                href={`/revisjon?${queryOf(filter, { before: String(olderBefore) })}`}
                className="text-brand-700 underline"
              >
                {t.older}
              </Link>
            ) : null}
          </p>
        </div>
      )}
    </PageShell>
  );
}
