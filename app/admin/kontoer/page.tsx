import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/app/_auth/require-actor';
import { PageShell } from '@/app/_components/page-shell';
import { listAccounts } from '@/lib/admin/account-views';
import { getDb } from '@/lib/db/db';
import { isAppError } from '@/lib/errors/app-error';
import { nb } from '@/lib/i18n/nb';

export const metadata: Metadata = { title: nb.admin.accounts.title };
export const dynamic = 'force-dynamic';

const t = nb.admin;
const cell = 'py-2 pr-4 align-top';

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
      <form method="get" role="search" className="mt-4 flex flex-wrap items-end gap-2">
        <div className="grid gap-1">
          <label htmlFor="konto-sok" className="text-sm font-medium">
            {t.accounts.search}
          </label>
          <input id="konto-sok" name="q" type="search" defaultValue={view.query} className="rounded border border-slate-500 px-2 py-1" />
        </div>
        <button type="submit" className="rounded bg-brand-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          {t.accounts.searchSubmit}
        </button>
      </form>
      <p className="mt-2 text-sm text-slate-700">{t.accounts.shown(view.accounts.length, view.total)}</p>
      {view.accounts.length === 0 ? (
        <p className="mt-2">{t.accounts.none}</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className={cell}>
                  {t.name}
                </th>
                <th scope="col" className={cell}>
                  {t.accounts.units}
                </th>
                <th scope="col" className={cell}>
                  {t.status}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.accounts.map((a) => (
                <tr key={a.id} className="border-b border-slate-200">
                  <td className={cell}>
                    <Link href={`/admin/kontoer/${a.id}`} className="font-medium text-brand-700 underline">
                      {a.name}
                    </Link>{' '}
                    {a.isYou ? t.you : null}
                    <br />
                    <span className="break-all text-slate-700">{a.email}</span>
                  </td>
                  <td className={cell}>{a.units.length ? a.units.map((u) => u.name).join(', ') : t.accounts.noUnits}</td>
                  <td className={cell}>
                    {a.active ? t.active : t.inactive}
                    {a.systemAdmin ? <span className="block text-xs">{t.accounts.systemAdmin}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PageShell>
  );
}
