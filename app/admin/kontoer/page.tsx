import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import {
  Field,
  Label,
  Search,
  SearchButton,
  SearchInput,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from '@digdir/designsystemet-react';
import { DataTable } from '@/app/_components/data-table';
import { requireActor } from '@/app/_auth/require-actor';
import { PageShell } from '@/app/_components/page-shell';
import { listAccounts } from '@/lib/admin/account-views';
import { getDb } from '@/lib/db/db';
import { isAppError } from '@/lib/errors/app-error';
import { nb } from '@/lib/i18n/nb';

export const metadata: Metadata = { title: nb.admin.accounts.title };
export const dynamic = 'force-dynamic';

const t = nb.admin;

/** The system administrator's list of accounts (issue 16); to anyone else it is not there. */
export default async function AccountsPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { actor, user } = await requireActor();
  const { q } = await searchParams;
  const view = await listAccounts(getDb(), actor, typeof q === 'string' ? q : '').catch((error: unknown) => {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  return (
    <PageShell userName={user.name} actor={actor} wide>
      <p className="text-sm">
        <Link href="/admin" className="text-brand-700 underline">
          {t.backToAdmin}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t.accounts.title}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t.accounts.intro}</p>
      <form method="get" role="search" className="mt-4 max-w-md">
        <Field data-size="sm">
          <Label htmlFor="konto-sok">{t.accounts.search}</Label>
          <Search>
            <SearchInput id="konto-sok" name="q" defaultValue={view.query} />
            <SearchButton>{t.accounts.searchSubmit}</SearchButton>
          </Search>
        </Field>
      </form>
      <p className="mt-2 text-sm text-slate-700">{t.accounts.shown(view.accounts.length, view.total)}</p>
      {view.accounts.length === 0 ? (
        <p className="mt-2">{t.accounts.none}</p>
      ) : (
        <DataTable caption={t.accounts.title} className="mt-2">
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">{t.name}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.accounts.units}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.status}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {view.accounts.map((a) => (
              <TableRow key={a.id}>
                <TableCell data-label={t.name}>
                  <Link href={`/admin/kontoer/${a.id}`} className="font-medium text-brand-700 underline">
                    {a.name}
                  </Link>{' '}
                  {a.isYou ? t.you : null}
                  <br />
                  <span className="break-all text-slate-700">{a.email}</span>
                </TableCell>
                <TableCell data-label={t.accounts.units}>
                  {a.units.length ? a.units.map((u) => u.name).join(', ') : t.accounts.noUnits}
                </TableCell>
                <TableCell data-label={t.status}>
                  {a.active ? t.active : t.inactive}
                  {a.systemAdmin ? <span className="block text-xs">{t.accounts.systemAdmin}</span> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </DataTable>
      )}
    </PageShell>
  );
}
