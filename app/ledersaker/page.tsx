import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Button } from '@digdir/designsystemet-react';
import { requireActor } from '@/app/_auth/require-actor';
import { FilterSelect } from '@/app/_components/filter-fields';
import { PageShell } from '@/app/_components/page-shell';
import { unitsForLeaderCases } from '@/lib/access/leader-case-policy';
import { getDb } from '@/lib/db/db';
import { formatDate } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import { leaderCaseLevels } from '@/lib/leader-cases/leader-case-form';
import { listLeaderCases } from '@/lib/leader-cases/list-leader-cases';
import { createLeaderCaseAction } from './actions';

export const metadata: Metadata = { title: nb.leaderCases.listTitle };
export const dynamic = 'force-dynamic';

const t = nb.leaderCases;

/**
 * The leader group's cases on the service and the political/administrative
 * level, and the form that opens a new one — a unit's leaders and chairs
 * only; to anyone else the page does not exist.
 */
export default async function LeaderCasesPage() {
  const { actor, user } = await requireActor();
  const unitIds = unitsForLeaderCases(actor.memberships);
  if (unitIds.length === 0) notFound();
  const db = getDb();
  const [cases, units] = await Promise.all([
    listLeaderCases({ db, actor }),
    db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
  ]);
  return (
    <PageShell userName={user.name} actor={actor}>
      <h1 className="text-2xl font-semibold tracking-tight">{t.listTitle}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t.listIntro}</p>
      <section aria-labelledby="ny-ledersak" className="mt-6 rounded border border-slate-300 bg-white p-4">
        <h2 id="ny-ledersak" className="text-lg font-semibold">
          {t.newCase}
        </h2>
        <form action={createLeaderCaseAction} className="mt-2 flex flex-wrap items-end gap-3">
          {units.length === 1 ? (
            <input type="hidden" name="unitId" value={units[0].id} />
          ) : (
            <FilterSelect id="ledersak-enhet" name="unitId" label={t.unit} options={units.map((u) => [u.id, u.name] as const)} />
          )}
          <FilterSelect id="ledersak-niva" name="level" label={t.level} options={leaderCaseLevels.map((l) => [l, t.levels[l]] as const)} />
          <Button type="submit" data-size="sm">
            {t.open}
          </Button>
        </form>
      </section>
      {cases.length === 0 ? (
        <p className="mt-6">{t.none}</p>
      ) : (
        <ul className="mt-6 grid gap-2">
          {cases.map((c) => (
            <li key={c.id} className="rounded border border-slate-300 bg-white p-3">
              <Link href={`/ledersaker/${c.id}`} className="font-medium text-brand-800 underline">
                {c.title || t.untitled}
              </Link>
              <p className="text-sm text-slate-700">
                {t.levels[c.level] ?? c.level} · {c.unit.name} · {t.updated(formatDate(c.updatedAt))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </PageShell>
  );
}
