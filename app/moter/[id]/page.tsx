import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, Button } from '@digdir/designsystemet-react';
import { requireActor } from '@/app/_auth/require-actor';
import { idOrNotFound, orNotFound } from '@/app/_lib/or-not-found';
import { PageShell } from '@/app/_components/page-shell';
import type { AgendaEntry } from '@/lib/cases/list-agenda';
import { loadAgendaPage } from '@/lib/cases/load-agenda-page';
import { getDb } from '@/lib/db/db';
import { formatDateTime, formatTime } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import { AcceptLateButton } from './accept-late-button';
import { AskForMissing } from './ask-for-missing-button';
import { RecusalControl } from './recusal-control';
import { setAListAction } from './actions';
import { splitAList } from '@/lib/meetings/agenda-rules';
import { systemClock } from '@/lib/time/clock';
import { ReassessmentProposals } from './reassessment-proposals';
import { LiveAgenda } from './live-agenda';
import { ItemStates } from './item-states';
import { itemStates } from '@/lib/meetings/item-state';

export const metadata: Metadata = { title: nb.cases.agendaTitle };
export const dynamic = 'force-dynamic';

const t = nb.cases;
const ta = nb.roomAgenda;

export default async function AgendaPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, user } = await requireActor();
  const id = idOrNotFound((await params).id);
  // With, for the chair, the decided cases whose re-assessment date makes this the meeting to take them up again.
  const { agenda, proposals, chairing } = await orNotFound(loadAgendaPage({ db: getDb(), actor, meetingId: id, now: systemClock.now() }));
  const { meeting } = agenda;
  // The same two lists as the room's agenda: the items to discuss, then the A-list apart.
  const lists = splitAList(agenda.items);
  return (
    <PageShell userName={user.name} actor={actor}>
      <LiveAgenda meetingId={meeting.id} />
      <p className="text-sm text-slate-700">{meeting.unitName}</p>
      <h1 className="text-2xl font-semibold tracking-tight first-letter:uppercase">
        {t.agendaTitle}: {formatDateTime(meeting.startsAt)}–{formatTime(meeting.endsAt)}
      </h1>
      <p className="mt-1 text-sm text-slate-700">
        {nb.home.deadline}: {formatDateTime(meeting.submissionDeadline)}
        {meeting.location ? ` · ${nb.home.location}: ${meeting.location}` : ''}
        {meeting.chair ? ` · ${t.chair}: ${meeting.chair}` : ''}
      </p>
      <p className="mt-3 flex gap-4">
        {meeting.status === 'closed' ? (
          <Link href={`/moter/${meeting.id}/referat`} className="font-medium text-brand-800 underline">
            {nb.meetingRoom.toMinutes}
          </Link>
        ) : (
          <Button asChild data-size="sm">
            <Link href={`/moter/${meeting.id}/rom`}>{nb.meetingRoom.open}</Link>
          </Button>
        )}
      </p>
      {agenda.items.length === 0 ? (
        <Alert data-color="info" className="mt-6">
          {t.agendaEmpty}
        </Alert>
      ) : (
        <>
          <ol className="mt-6 space-y-3">
            {lists.rest.map((entry) => (
              <AgendaItem key={entry.itemId} entry={entry} number={ta.placeLabel(entry.place)} meetingId={meeting.id} chairing={chairing} />
            ))}
          </ol>
          <section aria-labelledby="a-list" className="mt-8">
            <h2 id="a-list" className="text-lg font-semibold">
              {ta.aListTitle}
            </h2>
            <p className="text-sm text-slate-700">{ta.aListIntro}</p>
            {lists.aList.length === 0 ? (
              <p className="mt-2 text-sm">{ta.aListEmpty}</p>
            ) : (
              <ol className="mt-3 space-y-3">
                {lists.aList.map((entry) => (
                  <AgendaItem
                    key={entry.itemId}
                    entry={entry}
                    number={ta.placeLabel(entry.place)}
                    meetingId={meeting.id}
                    chairing={chairing}
                  />
                ))}
              </ol>
            )}
          </section>
        </>
      )}
      <ReassessmentProposals proposals={proposals} />
      {agenda.canChair && agenda.lateRequests.length > 0 ? (
        <section aria-labelledby="late-requests" className="mt-10">
          {/* One warning for the chair to decide on, the cases listed in it. */}
          <Alert data-color="warning">
            <h2 id="late-requests" className="text-lg font-semibold">
              {t.lateRequestsTitle}
            </h2>
            <p className="text-sm">{t.lateRequestsIntro}</p>
            <ul className="mt-3 divide-y divide-amber-900/20">
              {agenda.lateRequests.map((item) => (
                <li key={item.id} data-late-request={item.id} className="py-3 last:pb-0">
                  <p className="font-medium">{item.title}</p>
                  <p className="text-sm">
                    {item.personRef} · {t.purposes[item.purpose ?? ''] ?? ''} · {t.caseworker}: {item.caseworker}
                  </p>
                  <AcceptLateButton caseId={item.id} />
                </li>
              ))}
            </ul>
          </Alert>
        </section>
      ) : null}
    </PageShell>
  );
}

/** One item, numbered as in the room: a submitted case with its summary, or a matter the chair added. */
function AgendaItem({ entry, number, meetingId, chairing }: { entry: AgendaEntry; number: string; meetingId: string; chairing: boolean }) {
  const item = entry.case;
  return (
    <li data-agenda-item={entry.itemId} className="rounded border border-slate-300 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-medium">
          {number}. {entry.title}
        </p>
        <span className="rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-800">{t.purposes[entry.purpose ?? ''] ?? ''}</span>
      </div>
      {/* The same states as the room's agenda shows for the item, from the same rule. */}
      <p className="mt-1 flex flex-wrap gap-x-2 text-sm">
        {entry.reason === 'carried_over' ? <span>{nb.meetingRoom.reasons.carried_over}</span> : null}
        <ItemStates
          states={itemStates({ id: entry.itemId, locked: entry.locked, status: entry.status }, entry.current ? entry.itemId : null)}
        />
      </p>
      {item ? (
        <CaseSummary item={item} />
      ) : entry.withheld ? (
        <p className="mt-1 text-sm text-slate-700">{ta.withheldBody}</p>
      ) : entry.recused ? null : (
        <p className="mt-1 text-sm text-slate-700">{nb.meetingRoom.reasons.added}</p>
      )}
      {chairing && !entry.locked ? <AListToggle entry={entry} meetingId={meetingId} /> : null}
      {item && item.missing.length > 0 ? (
        <AskForMissing
          meetingId={meetingId}
          caseId={item.id}
          title={item.title}
          missing={item.missing}
          lastAsk={item.lastAsk ? { askedAt: item.lastAsk.askedAt.toISOString(), askedBy: item.lastAsk.askedBy } : null}
        />
      ) : null}
      {/* Habilitet (forvaltningsloven § 6): declared here before the meeting, or in the room. */}
      {entry.participant ? (
        <RecusalControl meetingId={meetingId} itemId={entry.itemId} title={entry.title} recused={entry.recused} locked={entry.locked} />
      ) : null}
    </li>
  );
}

/** The chair moves the item on to the A-list or off it (a plain form: works before the page's script has loaded). */
function AListToggle({ entry, meetingId }: { entry: AgendaEntry; meetingId: string }) {
  return (
    <form action={setAListAction} className="mt-2">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="itemId" value={entry.itemId} />
      <input type="hidden" name="onAList" value={String(!entry.aList)} />
      <Button
        type="submit"
        variant="secondary"
        data-size="sm"
        aria-label={entry.aList ? ta.offAListFor(entry.title) : ta.toAListFor(entry.title)}
      >
        {entry.aList ? ta.offAList : ta.toAList}
      </Button>
    </form>
  );
}

function CaseSummary({ item }: { item: NonNullable<AgendaEntry['case']> }) {
  return (
    <>
      <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-slate-700">
        <span>{item.personRef}</span>
        <span>{t.caseTypes[item.caseType] ?? item.caseType}</span>
        <span>
          {t.caseworker}: {item.caseworker}
        </span>
        {item.severityLevel ? <span>{t.severity(t.criterionLevels[item.severityLevel].toLowerCase())}</span> : null}
        {item.urgent ? <span className="font-semibold text-red-800">{t.urgent}</span> : null}
        {item.acceptedLate ? <span className="text-amber-900">{t.acceptedLate}</span> : null}
      </p>
      {item.changes.length > 0 ? (
        <Alert data-color="warning" data-size="sm" className="mt-2">
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">
              {t.changedAfterSubmission(item.version)}: {item.changes.map((c) => fieldLabel(c.field)).join(', ')}
            </summary>
            <dl className="mt-2 space-y-2">
              {item.changes.map((change) => (
                <div key={change.field}>
                  <dt className="font-medium">{fieldLabel(change.field)}</dt>
                  <dd>
                    <span className="text-slate-700">{t.before}: </span>
                    <del className="text-slate-800">{display(change.before)}</del>
                  </dd>
                  <dd>
                    <span className="text-slate-700">{t.after}: </span>
                    <ins className="no-underline">{display(change.after)}</ins>
                  </dd>
                </div>
              ))}
            </dl>
          </details>
        </Alert>
      ) : null}
      <Link href={`/saker/${item.id}`} className="mt-2 inline-block text-sm text-brand-800 underline">
        {t.openCase}
        <span className="sr-only">: {item.title}</span>
      </Link>
    </>
  );
}

function display(value: unknown): string {
  if (value === undefined || value === null || value === '') return t.empty;
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (Array.isArray(value)) return value.map((v) => t.factors[v] ?? t.alternatives[v] ?? String(v)).join(', ') || t.empty;
  const text = String(value);
  return t.purposes[text] ?? t.caseTypes[text] ?? t.criterionLevels[text] ?? text;
}

function fieldLabel(field: string): string {
  const labels = t.fields as Record<string, unknown>;
  const label = labels[field];
  if (typeof label === 'string') return label;
  const [, criterion, part] = /^(.*?)(Reasons|Level|Factors)$/.exec(field) ?? [];
  const name = criterion ? labels[criterion] : undefined;
  return typeof name === 'string' ? `${name} (${t.criterionParts[part]})` : field;
}
