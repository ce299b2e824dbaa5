import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/_auth/require-actor';
import { PageShell } from '@/app/_components/page-shell';
import { unitsWithHistory } from '@/lib/access/policy';
import { getDb } from '@/lib/db/db';
import { listPastMeetings } from '@/lib/history/list-past-meetings';
import { formatDate } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';

export const metadata: Metadata = { title: nb.history.title };
export const dynamic = 'force-dynamic';

const t = nb.history;

function counts(entries: Record<string, number>, labels: Record<string, string>): string {
  return Object.entries(entries)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${labels[key] ?? key} ${n}`)
    .join(', ');
}

export default async function HistoryPage() {
  const { actor, user } = await requireActor();
  const meetings = await listPastMeetings({ db: getDb(), actor });
  const fullHistory = unitsWithHistory(actor.memberships, 'unit').length > 0;
  return (
    <PageShell userName={user.name} actor={actor} wide>
      <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
      <p className="mt-2 max-w-prose text-slate-700">
        {t.intro} {t.scope(unitsWithHistory(actor.memberships, 'unit').length > 0, unitsWithHistory(actor.memberships, 'own').length > 0)}
      </p>
      {fullHistory ? (
        <p className="mt-2 flex flex-wrap gap-4">
          <Link href="/historikk/likebehandling" className="text-brand-700 underline">
            {t.consistency.link}
          </Link>
          <Link href="/historikk/statistikk" className="text-brand-700 underline">
            {t.statistics.link}
          </Link>
        </p>
      ) : null}
      {meetings.length === 0 ? (
        <p className="mt-6">{t.none}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t.title}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-2 pr-4">
                  {t.columns.date}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t.columns.unit}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t.columns.chair}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t.columns.attendance}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t.columns.items}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t.columns.purposes}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t.columns.outcomes}
                </th>
                <th scope="col" className="py-2">
                  {t.columns.minutes}
                </th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((m) => (
                <tr key={m.id} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">{formatDate(m.startsAt)}</td>
                  <td className="py-2 pr-4">{m.unitName}</td>
                  <td className="py-2 pr-4">{m.chair ?? '–'}</td>
                  <td className="py-2 pr-4">{m.attendance}</td>
                  <td className="py-2 pr-4">
                    {m.items.total}
                    {m.ownOnly ? ` (${t.ownOnly})` : ''}
                  </td>
                  <td className="py-2 pr-4">{counts(m.items.byPurpose, nb.cases.purposes)}</td>
                  <td className="py-2 pr-4">
                    {[
                      counts(m.items.byOutcome, nb.meetingRoom.outcomes),
                      m.items.withoutOutcome ? t.withoutOutcome(m.items.withoutOutcome) : '',
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </td>
                  <td className="py-2">
                    <Link prefetch={false} href={`/moter/${m.id}/referat`} className="text-brand-700 underline">
                      {t.openMinutes(formatDate(m.startsAt))}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PageShell>
  );
}
