import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/_auth/require-actor';
import { PageShell } from '@/app/_components/page-shell';
import { getDb } from '@/lib/db/db';
import { formatDateTime, formatTime } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import { listUpcomingMeetings, type UnitOverview } from '@/lib/meetings/list-upcoming-meetings';
import { unreadNotifications } from '@/lib/notifications/notifications';
import { markNotificationReadAction } from './notification-actions';

export const metadata: Metadata = { title: nb.home.title };
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const { actor, user } = await requireActor();
  const units = await listUpcomingMeetings({ db: getDb(), memberships: actor.memberships });
  const notices = await unreadNotifications(getDb(), actor);
  return (
    <PageShell userName={user.name} actor={actor}>
      <h1 className="text-2xl font-semibold tracking-tight">{nb.home.title}</h1>
      {notices.length ? (
        <section aria-labelledby="beskjeder" className="mt-6 rounded border border-amber-400 bg-amber-50 p-4">
          <h2 id="beskjeder" className="font-semibold">
            {nb.home.notices}
          </h2>
          <ul className="mt-2 space-y-2">
            {notices.map((n) => (
              <li key={n.id} className="flex flex-wrap items-center gap-3">
                <span>
                  {n.link ? (
                    <Link href={n.link} className="text-brand-700 underline">
                      {n.text}
                    </Link>
                  ) : (
                    n.text
                  )}
                </span>
                <form action={markNotificationReadAction}>
                  <input type="hidden" name="notificationId" value={n.id} />
                  <button type="submit" className="rounded border border-slate-500 px-2 py-0.5 text-sm">
                    {nb.home.markRead}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {units.length === 0 ? (
        <p className="mt-6 rounded border border-slate-300 bg-white p-4">{nb.home.noUnits}</p>
      ) : (
        units.map((unit) => <UnitSection key={unit.unitId} unit={unit} />)
      )}
    </PageShell>
  );
}

function UnitSection({ unit }: { unit: UnitOverview }) {
  const headingId = `unit-${unit.unitId}`;
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className="text-xl font-semibold">
        {unit.unitName}
      </h2>
      <p className="text-sm text-slate-700">
        {nb.home.role}: {nb.roles[unit.role] ?? unit.role}
        {unit.role === 'admin' || unit.role === 'leder' ? (
          <>
            {' · '}
            <Link href={`/admin/enheter/${unit.unitId}/moter`} className="text-brand-700 underline">
              {nb.admin.meetings.link}
            </Link>
          </>
        ) : null}
      </p>
      <h3 className="mt-4 text-lg font-medium">{nb.home.upcomingMeetings}</h3>
      {unit.meetings.length === 0 ? (
        <p className="mt-2 rounded border border-slate-300 bg-white p-4">{nb.home.noMeetings}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
          {unit.meetings.map((meeting) => (
            <li key={meeting.id} className="flex flex-wrap items-baseline justify-between gap-2 p-4">
              <div>
                <p className="font-medium first-letter:uppercase">
                  <Link href={`/moter/${meeting.id}`} className="text-brand-800 underline-offset-4 hover:underline">
                    {formatDateTime(meeting.startsAt)}–{formatTime(meeting.endsAt)}
                    <span className="sr-only"> – {nb.home.agenda}</span>
                  </Link>
                </p>
                <p className="text-sm text-slate-700">
                  {nb.home.deadline}: {formatDateTime(meeting.submissionDeadline)}
                  {meeting.location ? ` · ${nb.home.location}: ${meeting.location}` : ''}
                </p>
              </div>
              <p className="text-sm">
                <span className="font-medium">{nb.home.cases(meeting.caseCount)}</span>
                <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-brand-800">
                  {nb.home.status[meeting.status] ?? meeting.status}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
