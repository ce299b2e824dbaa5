import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/_auth/require-actor';
import { PageShell } from '@/app/_components/page-shell';
import { orNotFound } from '@/app/_lib/or-not-found';
import { listUndocumented } from '@/lib/cases/list-undocumented';
import { getDb } from '@/lib/db/db';
import { formatDate } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';

export const metadata: Metadata = { title: nb.handOff.overview.title };
export const dynamic = 'force-dynamic';

const t = nb.handOff.overview;

/** For leaders: concluded cases not yet marked documented in the record system, per caseworker and per meeting. */
export default async function UndocumentedPage() {
  const { actor, user } = await requireActor();
  const overview = await orNotFound(listUndocumented({ db: getDb(), actor }));
  return (
    <PageShell userName={user.name} actor={actor}>
      <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
      <p className="mt-2 max-w-prose">{t.intro}</p>
      {overview.cases.length === 0 ? (
        <p className="mt-6 rounded border border-slate-300 bg-white p-4">{t.none}</p>
      ) : (
        <>
          <div className="mt-6 grid gap-6 md:grid-cols-2">
            <section aria-labelledby="per-saksbehandler">
              <h2 id="per-saksbehandler" className="text-lg font-semibold">
                {t.perCaseworker}
              </h2>
              <ul className="mt-2 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
                {overview.byCaseworker.map((w) => (
                  <li key={w.caseworkerId} className="flex justify-between gap-4 p-3">
                    <span>{w.caseworker}</span>
                    <span className="font-semibold">{t.count(w.count)}</span>
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="per-mote">
              <h2 id="per-mote" className="text-lg font-semibold">
                {t.perMeeting}
              </h2>
              <ul className="mt-2 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
                {overview.byMeeting.map((m) => (
                  <li key={m.meetingId} className="flex justify-between gap-4 p-3">
                    <span>{t.meetingOn(formatDate(m.startsAt))}</span>
                    <span className="font-semibold">{t.count(m.count)}</span>
                  </li>
                ))}
              </ul>
            </section>
          </div>
          <section className="mt-8" aria-labelledby="ikke-dokumentert">
            <h2 id="ikke-dokumentert" className="text-lg font-semibold">
              {t.cases} <span className="font-normal text-slate-700">({overview.cases.length})</span>
            </h2>
            <ul className="mt-2 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
              {overview.cases.map((c) => (
                <li key={c.id} className="p-4">
                  <Link href={`/saker/${c.id}/fagsystem`} prefetch={false} className="font-medium text-brand-800 underline">
                    {c.title || nb.cases.untitled}
                  </Link>
                  <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-slate-700">
                    {c.personRef ? <span>{c.personRef}</span> : null}
                    <span>{c.caseworker}</span>
                    <span>{t.meetingOn(formatDate(c.meeting.startsAt))}</span>
                    {c.epjDocumentation ? <span className="font-semibold text-amber-900">{t.epjAsked}</span> : null}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </PageShell>
  );
}
