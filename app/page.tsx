import type { Metadata } from 'next';
import { Alert, Button, Card, Paragraph, Tag } from '@digdir/designsystemet-react';
import { AppLink } from '@/app/_components/app-link';
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
        <section aria-labelledby="beskjeder" className="mt-6">
          <Alert data-color="warning">
            <h2 id="beskjeder" className="font-semibold">
              {nb.home.notices}
            </h2>
            <ul className="mt-2 space-y-2">
              {notices.map((n) => (
                <li key={n.id} className="flex flex-wrap items-center gap-3">
                  <span>{n.link ? <AppLink href={n.link}>{n.text}</AppLink> : n.text}</span>
                  <form action={markNotificationReadAction}>
                    <input type="hidden" name="notificationId" value={n.id} />
                    <Button type="submit" variant="secondary" data-size="sm">
                      {nb.home.markRead}
                    </Button>
                  </form>
                </li>
              ))}
            </ul>
          </Alert>
        </section>
      ) : null}
      {units.length === 0 ? (
        <Card className="mt-6">
          <Paragraph>{nb.home.noUnits}</Paragraph>
        </Card>
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
            <AppLink href={`/admin/enheter/${unit.unitId}/moter`}>{nb.admin.meetings.link}</AppLink>
          </>
        ) : null}
      </p>
      <h3 className="mt-4 text-lg font-medium">{nb.home.upcomingMeetings}</h3>
      {unit.meetings.length === 0 ? (
        <Card className="mt-2">
          <Paragraph>{nb.home.noMeetings}</Paragraph>
        </Card>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
          {unit.meetings.map((meeting) => (
            <li key={meeting.id} className="flex flex-wrap items-baseline justify-between gap-2 p-4">
              <div>
                <p className="font-medium first-letter:uppercase">
                  <AppLink href={`/moter/${meeting.id}`}>
                    {formatDateTime(meeting.startsAt)}–{formatTime(meeting.endsAt)}
                    <span className="sr-only"> – {nb.home.agenda}</span>
                  </AppLink>
                </p>
                <p className="text-sm text-slate-700">
                  {meeting.kind === 'ledermote' ? `${nb.home.leaderMeeting} · ` : ''}
                  {nb.home.deadline}: {formatDateTime(meeting.submissionDeadline)}
                  {meeting.location ? ` · ${nb.home.location}: ${meeting.location}` : ''}
                </p>
              </div>
              <p className="text-sm">
                <span className="font-medium">{nb.home.cases(meeting.caseCount)}</span>
                <Tag data-color={meeting.status === 'cancelled' ? 'danger' : 'accent'} data-size="sm" className="ml-2">
                  {nb.home.status[meeting.status] ?? meeting.status}
                </Tag>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
