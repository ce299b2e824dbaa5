import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/app/_auth/require-actor';
import { PageShell } from '@/app/_components/page-shell';
import { canAdministerAccounts, canCreateUnits, hasAdministration, hasAdministrationPages } from '@/lib/access/policy';
import { listAdministeredUnits } from '@/lib/admin/admin-views';
import { getDb } from '@/lib/db/db';
import { nb } from '@/lib/i18n/nb';
import { createUnitAction } from './actions';
import { AdminForm } from './admin-form';

export const metadata: Metadata = { title: nb.admin.title };
export const dynamic = 'force-dynamic';

const t = nb.admin;

export default async function AdminPage() {
  const { actor, user } = await requireActor();
  // Administration is for admins (of a unit, or of accounts): to anyone else the page is not there.
  if (!hasAdministrationPages(actor)) notFound();
  const units = await listAdministeredUnits(getDb(), actor);
  return (
    <PageShell userName={user.name} actor={actor}>
      <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t.intro}</p>

      {canAdministerAccounts(actor) ? (
        <section aria-labelledby="kontoer" className="mt-6">
          <h2 id="kontoer" className="text-lg font-semibold">
            {t.accounts.section}
          </h2>
          <p className="mt-1 max-w-prose text-sm text-slate-700">{t.accounts.intro}</p>
          <p className="mt-2">
            <Link href="/admin/kontoer" className="font-medium text-brand-700 underline">
              {t.accounts.link}
            </Link>
          </p>
        </section>
      ) : null}

      {hasAdministration(actor.memberships) ? (
        <section aria-labelledby="enheter" className="mt-6">
          <h2 id="enheter" className="text-lg font-semibold">
            {t.units}
          </h2>
          {units.length === 0 ? (
            <p className="mt-2">{t.noUnits}</p>
          ) : (
            <ul className="mt-2 space-y-1">
              {units.map((unit) => (
                <li key={unit.id}>
                  {unit.administers ? (
                    <Link href={`/admin/enheter/${unit.id}`} className="font-medium text-brand-700 underline">
                      {unit.name}
                    </Link>
                  ) : (
                    <span className="font-medium">{unit.name}</span>
                  )}{' '}
                  <span className="text-sm text-slate-700">· {t.members(unit.members)} · </span>
                  <Link href={`/admin/enheter/${unit.id}/moter`} className="text-sm text-brand-700 underline">
                    {t.meetings.link}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {canCreateUnits(actor.memberships) ? (
        <section aria-labelledby="ny-enhet" className="mt-8">
          <h2 id="ny-enhet" className="text-lg font-semibold">
            {t.createUnit}
          </h2>
          <p className="text-sm text-slate-700">{t.createUnitIntro}</p>
          <AdminForm
            action={createUnitAction}
            submit={t.create}
            fields={[{ kind: 'text', name: 'name', label: t.unitName, hint: t.unitNameHint, required: true }]}
          />
        </section>
      ) : null}
    </PageShell>
  );
}
