import Link from 'next/link';
import { formatDateTime } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import type { leaderCaseMeetings } from '@/lib/leader-cases/put-on-meeting';
import { MeetingChoiceForm } from './meeting-choice-form';

const t = nb.leaderCases.meetings;

/**
 * The leader meetings of a leader case: where it is (or was) on the agenda, the
 * outcome and conclusion once the meeting has closed, and "Sett på møte" for
 * the unit's upcoming leader meetings.
 */
export function LeaderCaseMeetings(props: {
  caseId: string;
  taken: Awaited<ReturnType<typeof leaderCaseMeetings>>;
  upcoming: { id: string; startsAt: Date }[];
}) {
  const waiting = props.taken.some((m) => m.meetingStatus === 'planned' || m.meetingStatus === 'open');
  return (
    <section aria-labelledby="ledermoter" className="mt-10">
      <h2 id="ledermoter" className="text-xl font-semibold">
        {t.title}
      </h2>
      <p className="mt-1 max-w-prose text-slate-700">{t.intro}</p>
      {props.taken.length === 0 ? <p className="mt-3">{t.notYet}</p> : null}
      <ul className="mt-3 space-y-4">
        {props.taken.map((m) => (
          <li key={m.itemId} className="rounded border border-slate-200 bg-white p-4" data-testid="leader-case-meeting">
            <p className="font-medium">
              {t.onMeeting(formatDateTime(m.startsAt))} · {t.statuses[m.meetingStatus] ?? m.meetingStatus}
            </p>
            <p className="mt-1 text-sm">
              {m.meetingStatus === 'closed' ? (
                <Link href={`/moter/${m.meetingId}/referat`} className="text-brand-800 underline">
                  {t.toMinutes}
                </Link>
              ) : (
                <Link href={`/moter/${m.meetingId}/rom`} className="text-brand-800 underline">
                  {t.toRoom}
                </Link>
              )}
            </p>
            {m.meetingStatus === 'closed' ? (
              <dl className="mt-2 space-y-1">
                <div>
                  <dt className="font-medium">{t.outcome}</dt>
                  <dd>{m.outcome ? (nb.meetingRoom.outcomes[m.outcome] ?? m.outcome) : t.noConclusion}</dd>
                </div>
                <div>
                  <dt className="font-medium">{t.conclusion}</dt>
                  <dd className="whitespace-pre-wrap" data-testid="leader-case-conclusion">
                    {m.conclusion?.trim() ? m.conclusion : t.noConclusion}
                  </dd>
                </div>
              </dl>
            ) : null}
          </li>
        ))}
      </ul>
      {waiting ? null : props.upcoming.length === 0 ? (
        <p className="mt-3">{t.noUpcoming}</p>
      ) : (
        <MeetingChoiceForm caseId={props.caseId} meetings={props.upcoming.map((m) => ({ id: m.id, label: formatDateTime(m.startsAt) }))} />
      )}
    </section>
  );
}
