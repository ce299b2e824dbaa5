import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/app/_auth/require-actor';
import { PageShell } from '@/app/_components/page-shell';
import { accountDetail } from '@/lib/admin/account-views';
import { getDb } from '@/lib/db/db';
import { isAppError } from '@/lib/errors/app-error';
import { nb } from '@/lib/i18n/nb';
import { AccountPowers } from '../../account-powers';

export const metadata: Metadata = { title: nb.admin.accounts.title };
export const dynamic = 'force-dynamic';

const t = nb.admin;

/** One account, for the system administrator (issue 16): its units and how it logs in, and the powers over it. */
export default async function AccountAdminPage({ params }: { params: Promise<{ userId: string }> }) {
  const { actor, user } = await requireActor();
  const { userId } = await params;
  const account = await accountDetail(getDb(), actor, userId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  const login = [account.hasPassword ? t.accounts.password : null, account.oidcLinked ? t.accounts.oidc : null].filter(Boolean).join(', ');
  return (
    <PageShell userName={user.name} actor={actor}>
      <p className="text-sm">
        <Link href="/admin/kontoer" className="text-brand-700 underline">
          {t.accounts.backToAccounts}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t.accounts.accountTitle(account.name)}</h1>
      <dl className="mt-4 grid max-w-xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">{t.email}</dt>
        <dd className="break-all">{account.email}</dd>
        <dt className="font-medium">{t.status}</dt>
        <dd>
          {account.active ? t.active : t.inactive}
          {account.systemAdmin ? ` · ${t.accounts.systemAdmin}` : ''}
        </dd>
        <dt className="font-medium">{t.accounts.login}</dt>
        <dd>{login || '—'}</dd>
        <dt className="font-medium">{t.accounts.unitsOf}</dt>
        <dd>{account.units.length ? account.units.map((u) => `${u.name} (${nb.roles[u.role]})`).join(', ') : t.accounts.noUnits}</dd>
      </dl>
      {account.hasPassword ? null : <p className="mt-2 max-w-prose text-sm text-slate-700">{t.accounts.noPasswordHint}</p>}
      <section aria-labelledby="kontoen" className="mt-6">
        <h2 id="kontoen" className="text-lg font-semibold">
          {t.actions}
        </h2>
        <AccountPowers account={{ ...account, userId: account.id }} />
      </section>
    </PageShell>
  );
}
