import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { Alert, Button, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { requireActor } from '@/app/_auth/require-actor';
import { DataTable } from '@/app/_components/data-table';
import { FilterSelect } from '@/app/_components/filter-fields';
import { caseLevels } from '@/lib/cases/case-form';
import { levelParam } from '@/lib/history/item-level';
import { firstValues } from '@/lib/validation/query-params';
import { PageShell } from '@/app/_components/page-shell';
import { unitsWithHistory } from '@/lib/access/policy';
import { getDb } from '@/lib/db/db';
import { listPastMeetings } from '@/lib/history/list-past-meetings';
import { formatDate } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import { DraftBadge } from '@/app/_minutes/draft-badge';

export const metadata: Metadata = { title: nb.history.title };
export const dynamic = 'force-dynamic';

const t = nb.history;
const columns = ['date', 'unit', 'chair', 'attendance', 'items', 'levels', 'purposes', 'outcomes', 'minutes'] as const;
/** Only the level is read from the query string; anything else in it is ignored (links from elsewhere). */
const querySchema = z.object({ niva: levelParam });

function counts(entries: Record<string, number>, labels: Record<string, string>): string {
  return Object.entries(entries)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${labels[key] ?? key} ${n}`)
    .join(', ');
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, user } = await requireActor();
  // An unknown level shows every level and says so, rather than an error page.
  const query = querySchema.safeParse(firstValues(await searchParams));
  const level = query.success ? query.data.niva : undefined;
  const meetings = await listPastMeetings({ db: getDb(), actor, level });
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
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3 print:hidden" aria-label={t.levelFilter.form}>
        <FilterSelect
          id="historikk-niva"
          name="niva"
          label={t.levelFilter.label}
          anyLabel={t.levelFilter.any}
          defaultValue={level}
          options={caseLevels.map((l) => [l, nb.cases.levels[l]] as const)}
        />
        <Button type="submit" data-size="sm">
          {t.levelFilter.show}
        </Button>
      </form>
      {query.success ? null : (
        <Alert data-color="warning" className="mt-4">
          {t.levelFilter.invalid}
        </Alert>
      )}
      {meetings.length === 0 ? (
        <p className="mt-6">{level ? t.levelFilter.noneAtLevel(nb.cases.levels[level]) : t.none}</p>
      ) : (
        <DataTable caption={t.title} className="mt-6" reflowBelow="lg">
          <TableHead>
            <TableRow>
              {columns.map((key) => (
                <TableHeaderCell key={key} scope="col">
                  {t.columns[key]}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {meetings.map((m) => (
              <TableRow key={m.id} className="align-top">
                <TableCell data-label={t.columns.date} className="whitespace-nowrap">
                  {formatDate(m.startsAt)}
                </TableCell>
                <TableCell data-label={t.columns.unit}>{m.unitName}</TableCell>
                <TableCell data-label={t.columns.chair}>{m.chair ?? '–'}</TableCell>
                <TableCell data-label={t.columns.attendance}>{m.attendance}</TableCell>
                <TableCell data-label={t.columns.items}>
                  {m.items.total}
                  {m.ownOnly ? ` (${t.ownOnly})` : ''}
                </TableCell>
                <TableCell data-label={t.columns.levels}>{counts(m.items.byLevel, nb.cases.levels)}</TableCell>
                <TableCell data-label={t.columns.purposes}>{counts(m.items.byPurpose, nb.cases.purposes)}</TableCell>
                <TableCell data-label={t.columns.outcomes}>
                  {[
                    counts(m.items.byOutcome, nb.meetingRoom.outcomes),
                    m.items.withoutOutcome ? t.withoutOutcome(m.items.withoutOutcome) : '',
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </TableCell>
                <TableCell data-label={t.columns.minutes}>
                  <Link prefetch={false} href={`/moter/${m.id}/referat`} className="text-brand-700 underline">
                    {t.openMinutes(formatDate(m.startsAt))}
                  </Link>
                  {m.minutesDraft ? <DraftBadge /> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </DataTable>
      )}
    </PageShell>
  );
}
