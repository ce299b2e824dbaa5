import { TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { BarFigure, type Series } from '@/app/historikk/statistikk/bar-figure';
import { DataTable } from '@/app/_components/data-table';
import { formatDateTime, formatNumber } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import { outcomeKeys, severityKeys, waitingBuckets, type Shown } from '@/lib/leader-cases/case-evidence';
import type { AttachedEvidence } from '@/lib/leader-cases/load-leader-case';

const t = nb.leaderCases.evidence;
const palette = ['#1f4e79', '#b45309', '#047857', '#7c3aed', '#be123c', '#475569'];

/** A count as a reader sees it: the number, or "under 5". */
export const shownText = (value: Shown | null | undefined) =>
  value === 'under_5' ? t.under5 : value === 'hidden' ? t.hidden : formatNumber(value ?? 0);
/** A suppressed group draws no bar: the table beside says "under 5" or "hidden". */
const plotted = (value: Shown) => (typeof value === 'number' ? value : 0);
const outcomeLabel = (o: string) => (o === 'none' ? t.noOutcome : nb.meetingRoom.outcomes[o]);
const severityLabel = (s: string) => (s === 'unknown' ? t.unknownSeverity : nb.cases.criterionLevels[s]);

function NumbersTable({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  return (
    <DataTable caption={caption} className="mt-3 sm:w-auto">
      <TableHead>
        <TableRow>
          {head.map((h) => (
            <TableHeaderCell key={h} scope="col">
              {h}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r[0]}>
            {r.map((cell, j) =>
              j === 0 ? (
                <TableHeaderCell key={j} scope="row" className="font-normal">
                  {cell}
                </TableHeaderCell>
              ) : (
                <TableCell key={j} data-label={head[j]}>
                  {cell}
                </TableCell>
              ),
            )}
          </TableRow>
        ))}
      </TableBody>
    </DataTable>
  );
}

/** One attached snapshot: what was asked, and its figures as charts with the numbers beside them. */
export function EvidenceView({ evidence, index, headingLevel = 3 }: { evidence: AttachedEvidence; index: number; headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as 'h3';
  const Sub = `h${headingLevel + 1}` as 'h4';
  const { figures, query } = evidence;
  const headingId = `bevis-${index}`;
  const caseType = query.caseType ? nb.cases.caseTypes[query.caseType] : null;
  const outcomeSeries: Series[] = outcomeKeys.map((o, i) => ({ key: o, label: outcomeLabel(o), color: palette[i % palette.length] }));
  const severityData = severityKeys.map((s) => ({
    name: severityLabel(s),
    ...Object.fromEntries(outcomeKeys.map((o) => [o, plotted(figures.outcomeBySeverity[s][o])])),
  }));
  const waitingData = waitingBuckets.map((b) => ({ name: t.waitingBuckets[b], cases: plotted(figures.waiting.buckets[b]) }));
  const median = figures.waiting.medianDays;
  return (
    <section aria-labelledby={headingId} className="mt-6 rounded border border-slate-300 bg-white p-4">
      <Heading id={headingId} className="text-lg font-semibold">
        {t.snapshot(formatDateTime(evidence.createdAt))}
      </Heading>
      <p className="text-sm text-slate-700">{t.asked(query.service, caseType, query.fromDate, query.toDate)}</p>
      <NumbersTable
        caption={t.summaryTitle}
        head={[t.measure, t.count]}
        rows={[
          [t.cases, shownText(figures.cases)],
          [t.postponedCases, shownText(figures.postponedCases)],
          [t.postponements, shownText(figures.postponements)],
          [t.concluded, shownText(figures.waiting.concluded)],
          [t.median, median === null ? '–' : median === 'under_5' ? t.under5 : t.medianDays(median)],
          [t.followUpsTotal, shownText(figures.followUps.total)],
          [t.followUpsNotDone, shownText(figures.followUps.notDone)],
          [t.followUpsOverdue, shownText(figures.followUps.overdue)],
        ]}
      />
      <Sub className="mt-4 font-semibold">{t.outcomeBySeverity}</Sub>
      <BarFigure data={severityData} series={outcomeSeries} stacked />
      <NumbersTable
        caption={t.outcomeBySeverity}
        head={[t.severity, ...outcomeKeys.map(outcomeLabel)]}
        rows={severityKeys.map((s) => [severityLabel(s), ...outcomeKeys.map((o) => shownText(figures.outcomeBySeverity[s][o]))])}
      />
      {/* Explains «skjult» only where a cell says it: beside 'under 5' alone it read as a word nobody could find. */}
      {severityKeys.some((s) => outcomeKeys.some((o) => figures.outcomeBySeverity[s][o] === 'hidden')) ? (
        <p className="mt-2 text-sm text-slate-700">{t.hiddenNote}</p>
      ) : null}
      <Sub className="mt-4 font-semibold">{t.waitingTitle}</Sub>
      <BarFigure data={waitingData} series={[{ key: 'cases', label: t.concluded, color: palette[0] }]} />
      <NumbersTable
        caption={t.waitingTitle}
        head={[t.waitingBucket, t.concluded]}
        rows={waitingBuckets.map((b) => [t.waitingBuckets[b], shownText(figures.waiting.buckets[b])])}
      />
    </section>
  );
}
