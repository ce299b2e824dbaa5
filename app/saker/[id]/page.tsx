import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/_auth/require-actor';
import { idOrNotFound, orNotFound } from '@/app/_lib/or-not-found';
import { PageShell } from '@/app/_components/page-shell';
import { getCaseContentStore } from '@/lib/cases/case-content-store';
import { loadCasePage } from '@/lib/cases/load-case-page';
import { getDb } from '@/lib/db/db';
import { formatDateTime } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import { SimilarCasesPanel } from '@/app/_history/similar-cases-panel';
import { CaseEditor } from './case-editor';
import { meetingOptions } from '../meeting-options';
import { canDeleteDraft } from '@/lib/access/policy';

export const metadata: Metadata = { title: nb.cases.editorTitle };
export const dynamic = 'force-dynamic';

const t = nb.cases;

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, user } = await requireActor();
  const id = idOrNotFound((await params).id);
  const { details, meetings, similar, overridden } = await orNotFound(
    loadCasePage({ db: getDb(), store: getCaseContentStore(), actor, caseId: id }),
  );
  const options = meetingOptions(meetings);
  const latest = details.versions.at(-1)?.content ?? null;
  return (
    <PageShell userName={user.name} actor={actor} wide>
      <p className="text-sm">
        <Link href="/saker" className="text-brand-800 underline">
          {t.toQueue}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">
        {t.editorTitle}: {details.title || t.untitled}
      </h1>
      <p className="mt-1 text-sm text-slate-700">
        {t.status[details.status] ?? details.status}
        {details.version > 0 ? ` · versjon ${details.version}` : ''}
        {details.meeting ? ` · ${t.meetingOn(formatDateTime(details.meeting.startsAt))}` : ''}
        {details.lateRequestMeetingId ? ` · ${t.lateRequest}` : ''}
        {` · ${t.caseworker}: ${details.createdBy}`}
      </p>
      <p className="mt-1 text-sm">
        <Link prefetch={false} href={`/saker/${details.id}/versjoner`} className="text-brand-700 underline">
          {nb.versions.link}
        </Link>
      </p>
      {details.status !== 'draft' && details.personRef ? (
        <p className="mt-1 text-sm">
          <Link
            prefetch={false}
            href={`/historikk/person?unit=${details.unitId}&ref=${encodeURIComponent(details.personRef)}`}
            className="text-brand-700 underline"
          >
            {nb.history.timeline.link(details.personRef)}
          </Link>
        </p>
      ) : null}
      <CaseEditor
        caseId={details.id}
        unitId={details.unitId}
        status={details.status}
        editable={details.access === 'edit'}
        meetings={options}
        currentMeetingId={details.meeting?.id ?? null}
        submittedContent={latest as Record<string, unknown> | null}
        notice={null}
        overridden={overridden}
        mayDelete={canDeleteDraft(actor.userId, actor.memberships, details)}
      />
      {details.status !== 'draft' ? <SimilarCasesPanel cases={similar} /> : null}
    </PageShell>
  );
}
