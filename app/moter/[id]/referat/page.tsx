import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@digdir/designsystemet-react';
import { AppLink } from '@/app/_components/app-link';
import { requireActor } from '@/app/_auth/require-actor';
import { idOrNotFound, orNotFound } from '@/app/_lib/or-not-found';
import { PageShell } from '@/app/_components/page-shell';
import { getDb } from '@/lib/db/db';
import { formatDateTime, formatTime } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import { getMinutes } from '@/lib/meetings/get-minutes';
import { loadMinutesApproval } from '@/lib/minutes/load-minutes-approval';
import { PrintButton } from './print-button';
import { ApproveForm, CommentForm, ItemTextEditor } from './minutes-approval';

export const metadata: Metadata = { title: nb.meetingRoom.minutesTitle };
export const dynamic = 'force-dynamic';

const t = nb.meetingRoom;
const c = nb.cases;
const h = nb.history;

export default async function MinutesPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, user } = await requireActor();
  const id = idOrNotFound((await params).id);
  const minutes = await orNotFound(getMinutes({ db: getDb(), actor, meetingId: id }));
  const { meeting } = minutes;
  const approval = meeting.status === 'closed' ? await loadMinutesApproval({ db: getDb(), actor, meetingId: id }) : null;
  const m = nb.minutes;
  return (
    <PageShell userName={user.name} actor={actor}>
      <p className="text-sm text-slate-700">{meeting.unitName}</p>
      <h1 className="text-2xl font-semibold tracking-tight first-letter:uppercase">
        {t.minutesTitle}: {formatDateTime(meeting.startsAt)}–{formatTime(meeting.endsAt)}
      </h1>
      {meeting.status !== 'closed' ? (
        <Alert data-color="warning" className="mt-4">
          {t.minutesNotClosed}
        </Alert>
      ) : null}
      {meeting.minutesStatus === 'draft' ? (
        <Alert data-color="warning" className="mt-4">
          <p>
            <strong>{m.draftBadge}</strong> · {m.draftNotice(meeting.minutesDraftUntil)}
          </p>
          {approval?.periodEnded ? <p className="mt-1">{m.draftPeriodEnded}</p> : null}
        </Alert>
      ) : null}
      {meeting.minutesStatus === 'approved' && meeting.minutesApprovedAt ? (
        <Alert data-color="success" className="mt-4 font-medium">
          {m.approved(meeting.minutesApprovedAt, meeting.minutesApprovedBy)}
        </Alert>
      ) : null}
      {/* Closed with no known state (before approval existed): final as it was closed, never shown as a draft. */}
      {meeting.status === 'closed' &&
      (meeting.minutesStatus === null || (meeting.minutesStatus === 'approved' && !meeting.minutesApprovedAt)) ? (
        <Alert data-color="info" className="mt-4 font-medium">
          {m.frozenAtClose(meeting.closedAt)}
        </Alert>
      ) : null}
      {minutes.ownOnly ? <p className="mt-2 text-sm text-slate-700">{h.ownOnlyMinutes}</p> : null}
      <p className="mt-2 flex flex-wrap items-center gap-4 print:hidden">
        <PrintButton label={h.print} />
        <AppLink plain href={`/moter/${meeting.id}/referat/pdf`} download>
          {h.downloadPdf}
        </AppLink>
      </p>
      <p className="mt-2">
        <span className="font-medium">{t.attendance}:</span> {minutes.attendance.join(', ') || t.noAttendance}
        {meeting.chair ? ` · ${c.chair}: ${meeting.chair}` : ''}
        {` · ${t.referent}: ${meeting.referent ?? m.noReferent}`}
        {meeting.location ? ` · ${m.place}: ${meeting.location}` : ''}
      </p>
      <ol className="mt-6 space-y-4">
        {minutes.items.map((item) => (
          <li key={item.id} id={`punkt-${item.id}`} className="rounded border border-slate-300 bg-white p-4 break-inside-avoid">
            <h2 className="font-semibold">
              {nb.roomAgenda.placeLabel(item.place)}. {item.title}
            </h2>
            {/* Habilitet: the minutes record who was inhabil (names only, not the reason). */}
            {item.recusals.length ? (
              <p className="text-sm">
                <span className="font-medium">{nb.recusal.minutesLabel}:</span> {item.recusals.join(', ')}
              </p>
            ) : null}
            {item.recused ? (
              <p className="mt-1 italic">{nb.recusal.minutesYouWere}</p>
            ) : (
              <>
                <ItemContent item={item} meetingId={meeting.id} unitId={meeting.unitId} />
                {approval?.canEdit ? (
                  <ItemTextEditor
                    meetingId={meeting.id}
                    itemId={item.id}
                    title={item.title || c.untitled}
                    notes={item.notes ?? ''}
                    conclusion={item.conclusion ?? ''}
                  />
                ) : null}
              </>
            )}
          </li>
        ))}
      </ol>
      {approval && (approval.draft || approval.comments.length > 0) ? (
        <section aria-labelledby="minutes-comments" className="mt-8 print:hidden">
          <h2 id="minutes-comments" className="text-xl font-semibold">
            {m.commentsHeading}
          </h2>
          {approval.comments.length ? (
            <ul className="mt-2 space-y-2">
              {approval.comments.map((comment) => (
                <li key={comment.id} className="rounded border border-slate-300 bg-white p-3">
                  <p className="text-sm text-slate-700">{m.commentBy(comment.author, comment.createdAt)}</p>
                  <p className="whitespace-pre-wrap">{comment.text}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-slate-700">{m.noComments}</p>
          )}
          {approval.canComment ? <CommentForm meetingId={meeting.id} /> : null}
        </section>
      ) : null}
      {approval?.canEdit ? (
        <section aria-labelledby="minutes-approve" className="mt-8 print:hidden">
          <h2 id="minutes-approve" className="text-xl font-semibold">
            {m.approveHeading}
          </h2>
          <p className="mt-1">{m.approveIntro}</p>
          <ApproveForm meetingId={meeting.id} />
        </section>
      ) : null}
    </PageShell>
  );
}

type Item = Awaited<ReturnType<typeof getMinutes>>['items'][number];

/** The item's frozen content: the case as submitted, notes, the conclusion and what follows from it. */
function ItemContent({ item, meetingId, unitId }: { item: Item; meetingId: string; unitId: string }) {
  return (
    <>
      <p className="text-sm text-slate-700">
        {[
          item.personRef,
          c.purposes[item.purpose],
          item.caseworker ? `${c.caseworker}: ${item.caseworker}` : null,
          t.statuses[item.status],
          item.concludedTogether ? nb.roomAgenda.aListConcludedTogether : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {item.personRef ? (
        <p className="text-sm print:hidden">
          <Link
            prefetch={false}
            href={`/historikk/person?unit=${unitId}&ref=${encodeURIComponent(item.personRef)}`}
            className="text-brand-700 underline"
          >
            {h.timeline.link(item.personRef)}
          </Link>
        </p>
      ) : null}
      {item.submitted ? (
        <div className="mt-2 text-sm">
          {item.submitted.situation ? (
            <p className="whitespace-pre-wrap">
              <span className="font-medium">{c.fields.situation}: </span>
              {item.submitted.situation}
            </p>
          ) : null}
          {item.submitted.proposal ? (
            <p className="mt-1 whitespace-pre-wrap">
              <span className="font-medium">{c.fields.proposal}: </span>
              {item.submitted.proposal}
            </p>
          ) : null}
          <p className="mt-1">
            <span className="font-medium">{h.submittedAssessment}: </span>
            {(['alvorlighet', 'nytte', 'ressurs'] as const)
              .map((k) => `${c.fields[k]}: ${item.submitted?.levels[k] ? c.criterionLevels[item.submitted.levels[k]] : '–'}`)
              .join(', ')}
          </p>
          {item.submitted.samletVurdering ? (
            <p className="mt-1 whitespace-pre-wrap">
              <span className="font-medium">{c.fields.samletVurdering}: </span>
              {item.submitted.samletVurdering}
            </p>
          ) : null}
        </div>
      ) : null}
      {item.notes ? (
        <>
          <h3 className="mt-2 text-sm font-medium">{t.itemNotes}</h3>
          <p className="whitespace-pre-wrap">{item.notes}</p>
        </>
      ) : null}
      {item.adjustedAssessment ? (
        <p className="mt-2 text-sm">
          <span className="font-medium">{t.adjusted}: </span>
          {(['alvorlighet', 'nytte', 'ressurs'] as const)
            .filter((k) => item.adjustedAssessment?.[`${k}Level`])
            .map((k) => `${c.fields[k]}: ${c.criterionLevels[item.adjustedAssessment![`${k}Level`]]}`)
            .join(', ')}
          {item.adjustedAssessment.note ? ` – ${item.adjustedAssessment.note}` : ''}
        </p>
      ) : null}
      <h3 className="mt-2 text-sm font-medium">{t.conclusionSection}</h3>
      {item.outcome ? (
        <p>
          <span className="font-medium">{t.outcomes[item.outcome]}</span>
          {item.referredTo ? ` (${t.referralTargets[item.referredTo]})` : ''}
          {item.conclusion ? `: ${item.conclusion}` : ''}
        </p>
      ) : (
        <p className="text-slate-700">{t.noConclusion}</p>
      )}
      {item.lockedBy ? <p className="mt-1 text-sm text-slate-700">{t.lockedBy(item.lockedBy)}</p> : null}
      {item.deviationReason ? (
        <p className="mt-1">
          <span className="font-medium">{nb.recusal.deviationLabel}:</span> {item.deviationReason}
        </p>
      ) : null}
      {item.dissent ? (
        <p className="mt-1">
          <span className="font-medium">{t.dissent}:</span> {item.dissent}
        </p>
      ) : null}
      {item.followUps.length ? (
        <ul className="mt-2 list-disc pl-5 text-sm">
          {item.followUps.map((f) => (
            <li key={f.id}>
              {f.description} – {t.followUpOwner.toLowerCase()}: {f.owner}
              {f.dueDate ? `, ${t.followUpDueOn(f.dueDate)}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {item.reassessmentDate ? <p className="mt-1 text-sm">{t.reassess(item.reassessmentDate)}</p> : null}
      <p className="mt-1 text-sm print:hidden">
        <Link prefetch={false} href={`/moter/${meetingId}/punkter/${item.id}/versjoner`} className="text-brand-700 underline">
          {nb.versions.linkFor(item.title || c.untitled)}
        </Link>
      </p>
      {item.epjResponsible ? <p className="mt-1 text-sm">{t.epjBy(item.epjResponsible)}</p> : null}
    </>
  );
}
