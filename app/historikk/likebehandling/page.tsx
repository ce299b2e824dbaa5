import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/app/_auth/require-actor';
import { PageShell } from '@/app/_components/page-shell';
import { unitsWithHistory } from '@/lib/access/policy';
import { getDb } from '@/lib/db/db';
import { flagInconsistentPairs, type SimilarCase } from '@/lib/history/similar-cases';
import { formatDate } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';

export const metadata: Metadata = { title: nb.history.consistency.title };
export const dynamic = 'force-dynamic';

const t = nb.history.consistency;

function Decision({ c }: { c: SimilarCase }) {
  return (
    <div>
      <Link prefetch={false} href={`/moter/${c.meetingId}/referat#punkt-${c.itemId}`} className="font-medium text-brand-700 underline">
        {c.title}
      </Link>
      <p className="text-sm text-slate-700">
        {formatDate(c.meetingDate)} · <strong>{c.outcome ? nb.meetingRoom.outcomes[c.outcome] : '–'}</strong>
      </p>
      {c.conclusion ? <p className="text-sm">{c.conclusion}</p> : null}
    </div>
  );
}

export default async function ConsistencyPage() {
  const { actor, user } = await requireActor();
  const units = unitsWithHistory(actor.memberships, 'unit');
  if (units.length === 0) notFound();
  const db = getDb();
  const pairs = (await Promise.all(units.map((unitId) => flagInconsistentPairs({ db, actor, unitId })))).flat();
  return (
    <PageShell userName={user.name} actor={actor} wide>
      <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t.intro}</p>
      {pairs.length === 0 ? (
        <p className="mt-6">{t.none}</p>
      ) : (
        <ol className="mt-6 space-y-4">
          {pairs.map((pair, i) => (
            <li key={`${pair.a.itemId}-${pair.b.itemId}`} className="rounded border border-slate-300 bg-white p-4">
              <h2 className="text-sm font-semibold">
                {t.pair(i + 1)} · {nb.history.similar.score(pair.score)}
              </h2>
              <div className="mt-2 grid gap-4 sm:grid-cols-2">
                <Decision c={pair.a} />
                <Decision c={pair.b} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </PageShell>
  );
}
