import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/_auth/require-actor';
import { PageShell } from '@/app/_components/page-shell';
import { unitsWithHistory } from '@/lib/access/policy';
import { getDb } from '@/lib/db/db';
import { followUpOverview, reassessmentHorizonDays } from '@/lib/history/follow-up-overview';
import { formatDate } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import { setFollowUpDone, startRevisionDraft } from './actions';

export const metadata: Metadata = { title: nb.history.followUps.title };
export const dynamic = 'force-dynamic';

const t = nb.history.followUps;
const cell = 'py-2 pr-4 align-top';

export default async function FollowUpsPage() {
  const { actor, user } = await requireActor();
  const overview = await followUpOverview({ db: getDb(), actor });
  return (
    <PageShell userName={user.name} actor={actor} wide>
      <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
      <p className="mt-2 max-w-prose text-slate-700">
        {t.intro} {t.scope(unitsWithHistory(actor.memberships, 'unit').length > 0, unitsWithHistory(actor.memberships, 'own').length > 0)}
      </p>

      {overview.byOwner.length > 1 ? (
        <section aria-labelledby="per-person" className="mt-6">
          <h2 id="per-person" className="text-lg font-semibold">
            {t.perOwner}
          </h2>
          <table className="mt-2 text-left text-sm">
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className={cell}>
                  {t.owner}
                </th>
                <th scope="col" className={cell}>
                  {t.open}
                </th>
                <th scope="col" className={cell}>
                  {t.overdue}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.byOwner.map((row) => (
                <tr key={row.owner} className="border-b border-slate-200">
                  <td className={cell}>{row.owner}</td>
                  <td className={cell}>{row.open}</td>
                  <td className={cell}>{row.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="punkter" className="mt-8">
        <h2 id="punkter" className="text-lg font-semibold">
          {t.list}
        </h2>
        {overview.followUps.length === 0 ? (
          <p className="mt-2">{t.none}</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className={cell}>
                    {t.task}
                  </th>
                  <th scope="col" className={cell}>
                    {t.owner}
                  </th>
                  <th scope="col" className={cell}>
                    {t.due}
                  </th>
                  <th scope="col" className={cell}>
                    {t.case}
                  </th>
                  <th scope="col" className={cell}>
                    {t.fromMeeting}
                  </th>
                  <th scope="col" className={cell}>
                    {t.unit}
                  </th>
                  <th scope="col" className={cell}>
                    {t.status}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.followUps.map((f) => (
                  <tr key={f.id} className="border-b border-slate-200">
                    <td className={cell}>{f.description}</td>
                    <td className={cell}>{f.owner}</td>
                    <td className={cell}>
                      {f.dueDate ? formatDate(f.dueDate) : '–'}
                      {f.overdue ? <span className="ml-2 rounded bg-red-100 px-1 font-medium text-red-900">{t.overdueBadge}</span> : null}
                    </td>
                    <td className={cell}>{f.caseTitle ?? '–'}</td>
                    <td className={cell}>
                      <Link prefetch={false} href={`/moter/${f.meetingId}/referat`} className="text-brand-700 underline">
                        {formatDate(f.meetingDate)}
                      </Link>
                    </td>
                    <td className={cell}>{f.unitName}</td>
                    <td className={cell}>
                      <span>{f.done ? t.done : t.notDone}</span>
                      {f.canComplete ? (
                        <form action={setFollowUpDone} className="mt-1">
                          <input type="hidden" name="followUpId" value={f.id} />
                          <input type="hidden" name="done" value={f.done ? 'false' : 'true'} />
                          <button
                            type="submit"
                            className="rounded border border-brand-700 px-2 py-1 text-brand-800 hover:bg-brand-50"
                            aria-label={f.done ? t.reopen(f.description) : t.markDone(f.description)}
                          >
                            {f.done ? t.reopenShort : t.markDoneShort}
                          </button>
                        </form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="revurderinger" className="mt-8">
        <h2 id="revurderinger" className="text-lg font-semibold">
          {t.reassessments}
        </h2>
        <p className="text-sm text-slate-700">{t.reassessmentsIntro(reassessmentHorizonDays)}</p>
        {overview.reassessments.length === 0 ? (
          <p className="mt-2">{t.noReassessments}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {overview.reassessments.map((r) => (
              <li key={r.caseId} className="rounded border border-slate-300 bg-white p-3">
                <p className="font-medium">{r.title}</p>
                <p className="text-sm text-slate-700">
                  {r.personRef} · {t.caseworker}: {r.caseworker} · {t.reassessOn} {formatDate(r.reassessmentDate)}
                  {r.overdue ? <span className="ml-2 rounded bg-red-100 px-1 font-medium text-red-900">{t.overdueBadge}</span> : null}
                </p>
                {r.canStartRevision ? (
                  <form action={startRevisionDraft} className="mt-2">
                    <input type="hidden" name="caseId" value={r.caseId} />
                    <button
                      type="submit"
                      className="rounded bg-brand-700 px-3 py-1 font-medium text-white hover:bg-brand-800"
                      aria-label={t.startRevision(r.title)}
                    >
                      {t.startRevisionShort}
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </PageShell>
  );
}
