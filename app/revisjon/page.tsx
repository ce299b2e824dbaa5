import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, Button, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { requireActor } from '@/app/_auth/require-actor';
import { DataTable } from '@/app/_components/data-table';
import { DateField } from '@/app/_components/date-field';
import { FilterSelect, FilterText } from '@/app/_components/filter-fields';
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
        <DateField id="revisjon-from" name="from" label={t.from} defaultValue={value('from')} />
        <DateField id="revisjon-to" name="to" label={t.to} defaultValue={value('to')} />
        <FilterSelect
          id="revisjon-actor"
          name="actorId"
          label={t.actor}
          anyLabel={t.anyActor}
          defaultValue={value('actorId')}
          options={people.map((p) => [p.id, p.name] as const)}
        />
        <FilterText
          id="revisjon-personref"
          name="personRef"
          label={t.personRef}
          maxLength={40}
          description={t.personRefHint}
          defaultValue={value('personRef')}
        />
        <FilterSelect
          id="revisjon-action"
          name="action"
          label={t.action}
          anyLabel={t.anyAction}
          defaultValue={value('action')}
          options={auditActions.map((a) => [a, auditActionLabels[a]] as const)}
        />
        <FilterText id="revisjon-entity" name="entityId" label={t.entityId} defaultValue={value('entityId')} />
        <div className="flex flex-wrap items-end gap-4 sm:col-span-3">
          <Button type="submit" data-size="sm">
            {t.apply}
          </Button>
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
        <Alert data-color="danger" role="alert" className="mt-4">
          {t.invalidFilter} {t.invalidFields(invalidFields.map((f) => t.fieldNames[f] ?? f).join(', '))}
        </Alert>
      ) : rows.length === 0 ? (
        <p className="mt-6">{t.none}</p>
      ) : (
        <div className="mt-6">
          <p className="text-sm text-slate-700">{t.shown(rows.length)}</p>
          <DataTable caption={t.title} className="mt-2" reflowBelow="lg">
            <TableHead>
              <TableRow>
                {[t.columns.at, t.columns.actor, t.columns.action, t.columns.entity, t.columns.detail].map((name) => (
                  <TableHeaderCell key={name} scope="col">
                    {name}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => {
                const words = auditRowWords(r);
                return (
                  <TableRow key={r.id} className="align-top">
                    <TableCell data-label={t.columns.at} className="whitespace-nowrap">
                      <time dateTime={r.at.toISOString()} title={words.exactAt}>
                        {words.at}
                      </time>
                    </TableCell>
                    <TableCell data-label={t.columns.actor}>{words.actor}</TableCell>
                    <TableCell data-label={t.columns.action}>{words.action}</TableCell>
                    <TableCell data-label={t.columns.entity}>
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
                    </TableCell>
                    <TableCell data-label={t.columns.detail}>{words.detail}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </DataTable>
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
