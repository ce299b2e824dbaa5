import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/_auth/require-actor';
import { idOrNotFound, orNotFound } from '@/app/_lib/or-not-found';
import { PageShell } from '@/app/_components/page-shell';
import { VersionHistoryView } from '@/app/_versions/version-history-view';
import { getDb } from '@/lib/db/db';
import { nb } from '@/lib/i18n/nb';
import { loadVersionHistory } from '@/lib/versions/version-history';

export const metadata: Metadata = { title: nb.versions.title };
export const dynamic = 'force-dynamic';

const t = nb.versions;
type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/** A case's version history: submissions and snapshots, who changed what, comparison and restore. */
export default async function CaseVersionsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Search }) {
  const { actor, user } = await requireActor();
  const id = idOrNotFound((await params).id);
  const query = await searchParams;
  const history = await orNotFound(loadVersionHistory({ db: getDb(), actor, doc: { kind: 'case', id } }));
  return (
    <PageShell userName={user.name} actor={actor}>
      <p className="text-sm">
        <Link href={`/saker/${id}`} className="text-brand-800 underline">
          {t.backToCase}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">
        {t.title}: {history.title || nb.cases.untitled}
      </h1>
      <VersionHistoryView
        history={history}
        path={`/saker/${id}/versjoner`}
        compare={{ from: one(query.fra), to: one(query.til) }}
        restored={one(query.gjenopprettet) === '1'}
      />
    </PageShell>
  );
}
