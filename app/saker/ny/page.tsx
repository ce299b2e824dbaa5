import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/app/_auth/require-actor';
import { PageShell } from '@/app/_components/page-shell';
import { unitsForNewCases } from '@/lib/access/policy';
import { targetMeetings } from '@/lib/cases/load-case-page';
import { getDb } from '@/lib/db/db';
import { nb } from '@/lib/i18n/nb';
import { systemClock } from '@/lib/time/clock';
import { CaseEditor } from '../[id]/case-editor';
import { meetingOptions } from '../meeting-options';

export const metadata: Metadata = { title: nb.cases.newCase };
export const dynamic = 'force-dynamic';

const t = nb.cases;

/**
 * *Ny sak*: the empty form, in the unit named (`?enhet=`, or the only one the
 * person may start cases in). Nothing is stored until something is typed:
 * the first edit creates the draft (app/saker/actions.ts createDraftAction).
 */
export default async function NewCasePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, user } = await requireActor();
  const requested = (await searchParams).enhet;
  const eligible = unitsForNewCases(actor.memberships);
  const unitId = typeof requested === 'string' ? requested : eligible.length === 1 ? eligible[0] : null;
  if (!unitId || !eligible.includes(unitId)) notFound();
  const meetings = await targetMeetings(getDb(), unitId, systemClock.now());
  const options = meetingOptions(meetings);
  return (
    <PageShell userName={user.name} actor={actor} wide>
      <p className="text-sm">
        <Link href="/saker" className="text-brand-800 underline">
          {t.toQueue}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t.newCase}</h1>
      <p className="mt-1 text-sm text-slate-700">
        {t.status.draft} · {t.caseworker}: {user.name}
      </p>
      <CaseEditor
        caseId={null}
        unitId={unitId}
        status="draft"
        editable
        meetings={options}
        currentMeetingId={null}
        submittedContent={null}
        notice={null}
        overridden={{}}
        mayDelete={false}
      />
    </PageShell>
  );
}
