import type { Metadata } from 'next';
import Link from 'next/link';
import { Button, Tag, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { requireActor } from '@/app/_auth/require-actor';
import { DataTable } from '@/app/_components/data-table';
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
          <DataTable caption={t.perOwner} className="mt-2 sm:w-auto">
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">{t.owner}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.open}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.overdue}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {overview.byOwner.map((row) => (
                <TableRow key={row.owner}>
                  <TableHeaderCell scope="row">{row.owner}</TableHeaderCell>
                  <TableCell data-label={t.open}>{row.open}</TableCell>
                  <TableCell data-label={t.overdue}>{row.overdue}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </DataTable>
        </section>
      ) : null}

      <section aria-labelledby="punkter" className="mt-8">
        <h2 id="punkter" className="text-lg font-semibold">
          {t.list}
        </h2>
        {overview.followUps.length === 0 ? (
          <p className="mt-2">{t.none}</p>
        ) : (
          <DataTable caption={t.list} className="mt-2" reflowBelow="lg">
            <TableHead>
              <TableRow>
                {[t.task, t.owner, t.due, t.case, t.fromMeeting, t.unit, t.status].map((name) => (
                  <TableHeaderCell key={name} scope="col">
                    {name}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {overview.followUps.map((f) => (
                <TableRow key={f.id} className="align-top">
                  <TableCell data-label={t.task}>{f.description}</TableCell>
                  <TableCell data-label={t.owner}>{f.owner}</TableCell>
                  <TableCell data-label={t.due}>
                    {f.dueDate ? formatDate(f.dueDate) : '–'}
                    {f.overdue ? (
                      <Tag data-color="danger" data-size="sm" className="ml-2">
                        {t.overdueBadge}
                      </Tag>
                    ) : null}
                  </TableCell>
                  <TableCell data-label={t.case}>{f.caseTitle ?? '–'}</TableCell>
                  <TableCell data-label={t.fromMeeting}>
                    <Link prefetch={false} href={`/moter/${f.meetingId}/referat`} className="text-brand-700 underline">
                      {formatDate(f.meetingDate)}
                    </Link>
                  </TableCell>
                  <TableCell data-label={t.unit}>{f.unitName}</TableCell>
                  <TableCell data-label={t.status}>
                    <span>{f.done ? t.done : t.notDone}</span>
                    {f.closedByMark ? <p className="mt-1 text-sm text-slate-700">{nb.handOff.closedByMark}</p> : null}
                    {f.canComplete ? (
                      <form action={setFollowUpDone} className="mt-1">
                        <input type="hidden" name="followUpId" value={f.id} />
                        <input type="hidden" name="done" value={f.done ? 'false' : 'true'} />
                        <Button
                          type="submit"
                          variant="secondary"
                          data-size="sm"
                          aria-label={f.done ? t.reopen(f.description) : t.markDone(f.description)}
                        >
                          {f.done ? t.reopenShort : t.markDoneShort}
                        </Button>
                      </form>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </DataTable>
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
                  {r.overdue ? (
                    <Tag data-color="danger" data-size="sm" className="ml-2">
                      {t.overdueBadge}
                    </Tag>
                  ) : null}
                </p>
                {r.canStartRevision ? (
                  <form action={startRevisionDraft} className="mt-2">
                    <input type="hidden" name="caseId" value={r.caseId} />
                    <Button type="submit" data-size="sm" aria-label={t.startRevision(r.title)}>
                      {t.startRevisionShort}
                    </Button>
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
