import type { Metadata } from 'next';
import { requireActor } from '@/app/_auth/require-actor';
import { PageShell } from '@/app/_components/page-shell';
import { changeOwnPasswordAction } from '@/app/admin/actions';
import { AdminForm } from '@/app/admin/admin-form';
import { loadAccountPage } from '@/lib/auth/load-account-page';
import { getDb } from '@/lib/db/db';
import { nb } from '@/lib/i18n/nb';

export const metadata: Metadata = { title: nb.admin.account.title };
export const dynamic = 'force-dynamic';

const t = nb.admin;

export default async function AccountPage() {
  const { actor, user } = await requireActor();
  const { hasPassword } = await loadAccountPage({ db: getDb(), actor });
  return (
    <PageShell userName={user.name} actor={actor}>
      <h1 className="text-2xl font-semibold tracking-tight">{t.account.title}</h1>
      <p className="mt-2">
        {user.name} · {user.email}
      </p>
      <section aria-labelledby="passord" className="mt-6">
        <h2 id="passord" className="text-lg font-semibold">
          {t.account.changePassword}
        </h2>
        {hasPassword ? (
          <AdminForm
            action={changeOwnPasswordAction}
            submit={t.account.changePassword}
            fields={[
              { kind: 'password', name: 'current', label: t.account.current, autoComplete: 'current-password' },
              { kind: 'password', name: 'password', label: t.account.next, hint: t.passwordHint, autoComplete: 'new-password' },
            ]}
          />
        ) : (
          <p className="mt-2">{t.account.noPassword}</p>
        )}
      </section>
    </PageShell>
  );
}
