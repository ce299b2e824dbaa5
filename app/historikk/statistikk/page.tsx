import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import {
  Alert,
  Button,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Tabs,
  TabsList,
  TabsPanel,
  TabsTab,
} from '@digdir/designsystemet-react';
import { requireActor } from '@/app/_auth/require-actor';
import { DataTable } from '@/app/_components/data-table';
import { DateField } from '@/app/_components/date-field';
import { FilterSelect } from '@/app/_components/filter-fields';
import { PageShell } from '@/app/_components/page-shell';
import { unitsWithHistory } from '@/lib/access/policy';
import { caseLevels, criteria, criterionLevels, purposes } from '@/lib/cases/case-form';
import { getDb } from '@/lib/db/db';
import { loadStatisticsRows, summarizeStatistics } from '@/lib/history/meeting-statistics';
import { periodPresets, periodQuery, resolvePeriod, statisticsQuerySchema } from '@/lib/history/statistics-period';
import { systemClock } from '@/lib/time/clock';
import { firstValues } from '@/lib/validation/query-params';
import { formatDate, formatMonth, formatNumber, formatPercent, formatShortDate } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import { outcomes } from '@/lib/meetings/agenda-rules';
import { BarFigure, type Series } from './bar-figure';

export const metadata: Metadata = { title: nb.history.statistics.title };
export const dynamic = 'force-dynamic';

const t = nb.history.statistics;
const palette = ['#1f4e79', '#b45309', '#047857', '#7c3aed', '#be123c', '#475569'];

function Figure({
  id,
  title,
  children,
  table,
}: {
  id: string;
  title: string;
  children: ReactNode;
  table: { head: string[]; rows: (string | number)[][] };
}) {
  return (
    <section aria-labelledby={id} className="mt-8 break-inside-avoid rounded border border-slate-300 bg-white p-4">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
      <DataTable caption={title} className="mt-3 sm:w-auto">
        <TableHead>
          <TableRow>
            {table.head.map((h) => (
              <TableHeaderCell key={h} scope="col">
                {h}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {table.rows.map((r, i) => (
            <TableRow key={i}>
              {r.map((cell, j) =>
                j === 0 ? (
                  <TableHeaderCell key={j} scope="row" className="font-normal">
                    {cell}
                  </TableHeaderCell>
                ) : (
                  <TableCell key={j} data-label={table.head[j]}>
                    {cell}
                  </TableCell>
                ),
              )}
            </TableRow>
          ))}
        </TableBody>
      </DataTable>
    </section>
  );
}

export default async function StatisticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, user } = await requireActor();
  if (unitsWithHistory(actor.memberships, 'unit').length === 0) notFound();
  // A malformed query shows the default period and says so, rather than an error page.
  const query = statisticsQuerySchema.safeParse(firstValues(await searchParams));
  const period = resolvePeriod(query.success ? query.data : {}, systemClock.now());
  const level = query.success ? query.data.niva : undefined;
  const stats = summarizeStatistics(await loadStatisticsRows({ db: getDb(), actor, period, level }));
  const levelKeys = [...caseLevels, 'none'] as const;
  const caseLevelLabel = (l: string) => (l === 'none' ? t.noLevel : nb.cases.levels[l]);
  // Dates are filled in only for a chosen period: with a preset they stay empty, so changing the preset alone works.
  const custom = period.preset === 'egen';
  const commonest = [...outcomes, 'none' as const].map((o) => [o, stats.outcomeMix[o]] as const).sort((a, b) => b[1] - a[1])[0];
  const outcomeKeys = [...outcomes, 'none'] as const;
  const outcomeLabel = (o: string) => (o === 'none' ? nb.meetingRoom.noConclusion : nb.meetingRoom.outcomes[o]);
  const outcomeSeries: Series[] = outcomeKeys.map((o, i) => ({ key: o, label: outcomeLabel(o), color: palette[i % palette.length] }));
  const levelLabel = (l: string) => (l === 'unknown' ? t.unknown : nb.cases.criterionLevels[l]);
  return (
    <PageShell userName={user.name} actor={actor} wide>
      <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t.intro}</p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3 print:hidden" aria-label={t.periodForm}>
        <FilterSelect
          id="statistikk-periode"
          name="periode"
          label={t.period}
          defaultValue={period.preset}
          options={periodPresets.map((p) => [p, t.presets[p]] as const)}
        />
        <DateField id="statistikk-fra" name="fra" label={t.periodFrom} defaultValue={custom ? period.fromDate : undefined} />
        <DateField id="statistikk-til" name="til" label={t.periodTo} defaultValue={custom ? period.toDate : undefined} />
        <FilterSelect
          id="statistikk-niva"
          name="niva"
          label={nb.history.levelFilter.label}
          anyLabel={nb.history.levelFilter.any}
          defaultValue={level}
          options={caseLevels.map((l) => [l, nb.cases.levels[l]] as const)}
        />
        <Button type="submit" data-size="sm">
          {t.showPeriod}
        </Button>
      </form>
      {query.success ? null : (
        <Alert data-color="danger" role="alert" data-size="sm" className="mt-2">
          {t.invalidPeriod}
        </Alert>
      )}
      <p className="mt-3 font-medium">
        {t.periodShown(formatDate(period.fromDate), formatDate(period.toDate))}
        {level ? ` ${t.levelShown(nb.cases.levels[level])}` : ''}
      </p>
      <p className="mt-1 print:hidden">
        <a href={`/historikk/statistikk/csv?${periodQuery(period, level)}`} className="text-brand-700 underline" download>
          {t.exportCsv}
        </a>
      </p>
      {stats.items === 0 ? (
        <p className="mt-6">{t.none}</p>
      ) : (
        <>
          <section aria-labelledby="oversikt" className="mt-6">
            <h2 id="oversikt" className="text-lg font-semibold">
              {t.overview}
            </h2>
            <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-3 xl:grid-cols-6">
              {[
                [t.overviewMeetings, formatNumber(stats.itemsPerMeeting.length, 0)],
                [t.overviewItems, formatNumber(stats.items, 0)],
                [t.overviewCommonest, `${outcomeLabel(commonest[0])} (${formatPercent(commonest[1] / stats.items)})`],
                [
                  t.overviewMinutesPerItem,
                  stats.minutesPerItem
                    ? t.minutesUsedOfPlanned(formatNumber(stats.minutesPerItem.used), formatNumber(stats.minutesPerItem.planned))
                    : '–',
                ],
                [t.postponementRate, formatPercent(stats.postponementRate)],
                [t.followUpCompletion, stats.followUps.total ? formatPercent(stats.followUps.rate) : '–'],
              ].map(([label, value]) => (
                <div key={label} className="rounded border border-slate-300 bg-white p-3">
                  <dt className="text-sm text-slate-700">{label}</dt>
                  <dd className="text-xl font-semibold">{value}</dd>
                </div>
              ))}
            </dl>
          </section>
          {/* One group of numbers at a time (the page was 4,500 px long); each figure keeps its table. */}
          <Tabs defaultValue="items" className="mt-8">
            <TabsList aria-label={t.tabs.label}>
              <TabsTab value="items">{t.tabs.items}</TabsTab>
              <TabsTab value="outcomes">{t.tabs.outcomes}</TabsTab>
              <TabsTab value="criteria">{t.tabs.criteria}</TabsTab>
            </TabsList>
            <TabsPanel value="items">
              <Figure
                id="per-mote"
                title={t.itemsPerMeeting}
                table={{ head: [t.meeting, t.count], rows: stats.itemsPerMeeting.map((m) => [formatShortDate(m.date), m.items]) }}
              >
                <BarFigure
                  data={stats.itemsPerMeeting.map((m) => ({ name: formatShortDate(m.date), items: m.items }))}
                  series={[{ key: 'items', label: t.count, color: palette[0] }]}
                />
              </Figure>
              <Figure
                id="formal"
                title={t.purposeMix}
                table={{ head: [t.purposeMix, t.count], rows: purposes.map((p) => [nb.cases.purposes[p], stats.purposeMix[p]]) }}
              >
                <BarFigure
                  data={purposes.map((p) => ({ name: nb.cases.purposes[p], count: stats.purposeMix[p] }))}
                  series={[{ key: 'count', label: t.count, color: palette[0] }]}
                />
              </Figure>
              <Figure
                id="niva"
                title={t.levelMix}
                table={{ head: [t.levelMix, t.count], rows: levelKeys.map((l) => [caseLevelLabel(l), stats.levelMix[l]]) }}
              >
                <BarFigure
                  data={levelKeys.map((l) => ({ name: caseLevelLabel(l), count: stats.levelMix[l] }))}
                  series={[{ key: 'count', label: t.count, color: palette[3] }]}
                />
              </Figure>
              <Figure
                id="tid"
                title={t.timeUsed}
                table={{
                  head: [t.purposeMix, t.planned, t.used, t.count],
                  rows: stats.timeByPurpose.map((r) => [
                    nb.cases.purposes[r.purpose],
                    formatNumber(r.planned),
                    formatNumber(r.used),
                    r.items,
                  ]),
                }}
              >
                <BarFigure
                  data={stats.timeByPurpose.map((r) => ({ name: nb.cases.purposes[r.purpose], planned: r.planned, used: r.used }))}
                  series={[
                    { key: 'planned', label: t.planned, color: palette[5] },
                    { key: 'used', label: t.used, color: palette[0] },
                  ]}
                />
              </Figure>
            </TabsPanel>
            <TabsPanel value="outcomes">
              <Figure
                id="utfall"
                title={t.outcomeMix}
                table={{ head: [t.outcomeMix, t.count], rows: outcomeKeys.map((o) => [outcomeLabel(o), stats.outcomeMix[o]]) }}
              >
                <BarFigure
                  data={outcomeKeys.map((o) => ({ name: outcomeLabel(o), count: stats.outcomeMix[o] }))}
                  series={[{ key: 'count', label: t.count, color: palette[1] }]}
                />
              </Figure>
              <Figure
                id="alvorlighet"
                title={t.outcomeBySeverity}
                table={{
                  head: ['', ...outcomeKeys.map(outcomeLabel)],
                  rows: [...criterionLevels, 'unknown'].map((l) => [
                    levelLabel(l),
                    ...outcomeKeys.map((o) => stats.outcomeBySeverity[l][o]),
                  ]),
                }}
              >
                <BarFigure
                  data={[...criterionLevels, 'unknown'].map((l) => ({ name: levelLabel(l), ...stats.outcomeBySeverity[l] }))}
                  series={outcomeSeries}
                  stacked
                />
              </Figure>
              <Figure
                id="saksbehandler"
                title={t.outcomeByCaseworker}
                table={{
                  head: ['', ...outcomeKeys.map(outcomeLabel)],
                  rows: stats.outcomeByCaseworker.map((c) => [c.caseworker, ...outcomeKeys.map((o) => c.outcomes[o])]),
                }}
              >
                <BarFigure
                  data={stats.outcomeByCaseworker.map((c) => ({ name: c.caseworker, ...c.outcomes }))}
                  series={outcomeSeries}
                  stacked
                />
              </Figure>
              <Figure
                id="over-tid"
                title={t.outcomeByMonth}
                table={{
                  head: ['', ...outcomeKeys.map(outcomeLabel)],
                  rows: stats.outcomeByMonth.map((m) => [formatMonth(m.month), ...outcomeKeys.map((o) => m.outcomes[o])]),
                }}
              >
                <BarFigure
                  data={stats.outcomeByMonth.map((m) => ({ name: formatMonth(m.month), ...m.outcomes }))}
                  series={outcomeSeries}
                  stacked
                />
              </Figure>
            </TabsPanel>
            <TabsPanel value="criteria">
              <Figure
                id="kriterier"
                title={t.criteria}
                table={{
                  head: ['', ...[...criterionLevels, 'unknown'].map(levelLabel)],
                  rows: criteria.map((c) => [
                    nb.cases.fields[c],
                    ...[...criterionLevels, 'unknown' as const].map((l) => stats.criteriaMix[c][l]),
                  ]),
                }}
              >
                <BarFigure
                  data={criteria.map((c) => ({ name: nb.cases.fields[c], ...stats.criteriaMix[c] }))}
                  series={[...criterionLevels, 'unknown'].map((l, i) => ({ key: l, label: levelLabel(l), color: palette[i + 2] }))}
                  stacked
                />
              </Figure>
              <Figure
                id="nokkeltall"
                title={`${t.postponementRate} · ${t.followUpCompletion}`}
                table={{
                  head: ['', t.share],
                  rows: [
                    [t.postponementRate, formatPercent(stats.postponementRate)],
                    [t.followUpCompletion, `${formatPercent(stats.followUps.rate)} (${stats.followUps.done}/${stats.followUps.total})`],
                  ],
                }}
              >
                <BarFigure
                  data={[
                    { name: t.postponementRate, share: Math.round(stats.postponementRate * 100) },
                    { name: t.followUpCompletion, share: Math.round(stats.followUps.rate * 100) },
                  ]}
                  series={[{ key: 'share', label: `${t.share} (%)`, color: palette[2] }]}
                />
              </Figure>
            </TabsPanel>
          </Tabs>
        </>
      )}
    </PageShell>
  );
}
