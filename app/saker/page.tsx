import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, Button } from '@digdir/designsystemet-react';
import { requireActor } from '@/app/_auth/require-actor';
import { PageShell } from '@/app/_components/page-shell';
import { queueSorts, type QueueSort } from '@/lib/cases/case-summary';
import type { QueueItem } from '@/lib/cases/list-my-cases';
import { loadQueuePage } from '@/lib/cases/load-queue-page';
import { getDb } from '@/lib/db/db';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { retentionMonths } from '@/lib/privacy/retention-rules';
import { nb } from '@/lib/i18n/nb';
import { ConcludedSection } from './concluded-section';

export const metadata: Metadata = { title: nb.cases.queueTitle };
export const dynamic = 'force-dynamic';

const t = nb.cases;

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, user } = await requireActor();
  const query = await searchParams;
  const requested = query.sort;
  const sort: QueueSort = queueSorts.includes(requested as QueueSort) ? (requested as QueueSort) : 'severity';
  const { queue, concluded, newCaseUnits: units } = await loadQueuePage({ db: getDb(), actor, sort, retentionMonths: retentionMonths() });
  return (
    <PageShell userName={user.name} actor={actor}>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">{t.queueTitle}</h1>
        {/* The empty form; the draft is made when something is typed in it (app/saker/ny). */}
        {units.map((unit) => (
          <Button key={unit.id} asChild>
            <Link href={`/saker/ny?enhet=${unit.id}`} prefetch={false}>
              {units.length > 1 ? t.newCaseIn(unit.name) : t.newCase}
            </Link>
          </Button>
        ))}
      </div>
      {query.slettet === '1' ? (
        <Alert data-color="success" role="status" className="mt-4">
          {t.draftDeleted}
        </Alert>
      ) : null}
      <nav aria-label={t.sortBy} className="mt-4 flex flex-wrap items-center gap-2 text-sm">
        <span>{t.sortBy}:</span>
        {queueSorts.map((option) => (
          <Link
            key={option}
            href={`/saker?sort=${option}`}
            aria-current={option === sort ? 'true' : undefined}
            className={`rounded border px-2 py-1 ${option === sort ? 'border-brand-700 bg-brand-50 font-medium text-brand-800' : 'border-slate-300 bg-white'}`}
          >
            {t.sorts[option]}
          </Link>
        ))}
      </nav>
      <QueueSection title={t.drafts} empty={t.noDrafts} items={queue.drafts} />
      <QueueSection title={t.nextAgenda} empty={t.noNextAgenda} items={queue.nextAgenda} />
      <QueueSection title={t.waiting} empty={t.noWaiting} items={queue.waiting} />
      <ConcludedSection cases={concluded} />
      <section className="mt-8" aria-label={t.myFollowUps}>
        <h2 className="text-lg font-semibold">
          {t.myFollowUps} <span className="font-normal text-slate-700">({queue.followUps.length})</span>
        </h2>
        {queue.followUps.length === 0 ? (
          <p className="mt-2 rounded border border-slate-300 bg-white p-4 text-slate-700">{t.noFollowUps}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
            {queue.followUps.map((f) => (
              <li key={f.id} className="p-4">
                <p className="font-medium">{f.description}</p>
                <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-slate-700">
                  {f.caseId ? (
                    <Link href={`/saker/${f.caseId}`} className="inline-block py-1 text-brand-800 underline">
                      {f.caseTitle || t.untitled}
                    </Link>
                  ) : null}
                  {f.dueDate ? (
                    <span className={f.overdue ? 'font-semibold text-red-800' : ''}>
                      {f.overdue ? t.overdue(f.dueDate) : t.due(f.dueDate)}
                    </span>
                  ) : null}
                  <Link href={`/moter/${f.meetingId}/referat`} className="inline-block py-1 text-brand-800 underline">
                    {nb.meetingRoom.toMinutes}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </PageShell>
  );
}

function QueueSection({ title, empty, items }: { title: string; empty: string; items: QueueItem[] }) {
  return (
    <section className="mt-8" aria-label={title}>
      <h2 className="text-lg font-semibold">
        {title} <span className="font-normal text-slate-700">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 rounded border border-slate-300 bg-white p-4 text-slate-700">{empty}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
          {items.map((item) => (
            <li key={item.id} className="p-4">
              <Link href={`/saker/${item.id}`} className="font-medium text-brand-800 underline-offset-4 hover:underline">
                {item.title || t.untitled}
              </Link>
              <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-slate-700">
                {item.personRef ? <span>{item.personRef}</span> : null}
                <span>{t.caseTypes[item.caseType] ?? item.caseType}</span>
                {item.purpose ? <span>{t.purposes[item.purpose]}</span> : null}
                {item.severityLevel ? <span>{t.severity(t.criterionLevels[item.severityLevel].toLowerCase())}</span> : null}
                {item.urgent ? <span className="font-semibold text-red-800">{t.urgent}</span> : null}
                {item.meeting ? <span>{t.meetingOn(formatDateTime(item.meeting.startsAt))}</span> : null}
                {item.lateRequest ? <span className="text-amber-900">{t.lateRequest}</span> : null}
                <span>{t.updated(formatDateTime(item.updatedAt))}</span>
              </p>
              {item.abandonedFrom ? (
                <p className="mt-1 text-sm font-medium text-amber-900">{t.abandonedFrom(formatDate(item.abandonedFrom))}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
