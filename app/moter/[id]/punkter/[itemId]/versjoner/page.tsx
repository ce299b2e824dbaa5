import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
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

/** An agenda item's version history (its notes, conclusion and follow-ups): locks, the close, restores. */
export default async function ItemVersionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; itemId: string }>;
  searchParams: Search;
}) {
  const { actor, user } = await requireActor();
  const { id: rawMeetingId, itemId: rawItemId } = await params;
  const meetingId = idOrNotFound(rawMeetingId);
  const itemId = idOrNotFound(rawItemId);
  const query = await searchParams;
  const history = await orNotFound(loadVersionHistory({ db: getDb(), actor, doc: { kind: 'item', id: itemId } }));
  // The item belongs to this meeting, or the address is wrong.
  if (history.meetingId !== meetingId) notFound();
  return (
    <PageShell userName={user.name} actor={actor}>
      <p className="text-sm">
        <Link href={`/moter/${meetingId}/rom`} className="text-brand-800 underline">
          {t.backToMeeting}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">
        {t.title}: {history.title || nb.cases.untitled}
      </h1>
      <VersionHistoryView
        history={history}
        path={`/moter/${meetingId}/punkter/${itemId}/versjoner`}
        compare={{ from: one(query.fra), to: one(query.til) }}
        restored={one(query.gjenopprettet) === '1'}
      />
    </PageShell>
  );
}
