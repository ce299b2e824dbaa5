'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '@/lib/i18n/format';

export type Series = { key: string; label: string; color: string };

/**
 * A bar chart (recharts) with the same numbers as a table beside it, so the
 * figure is never the only way to read them (WCAG 1.1.1).
 *
 * The box clips: ResponsiveContainer keeps the chart's last pixel width until
 * its ResizeObserver has re-rendered it, so for a moment after the window
 * narrows (a phone turned, a window dragged) the old width would otherwise
 * push the whole page sideways (CI caught 731 px at 360 px).
 */
export function BarFigure({
  data,
  series,
  stacked = false,
}: {
  data: Record<string, string | number>[];
  series: Series[];
  stacked?: boolean;
}) {
  return (
    <div className="h-64 w-full min-w-0 overflow-hidden" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
          <XAxis dataKey="name" tick={{ fill: '#1e293b', fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fill: '#1e293b', fontSize: 12 }} tickFormatter={(value: number) => formatNumber(value)} />
          <Tooltip formatter={(value) => (typeof value === 'number' ? formatNumber(value) : value)} />
          {/* Recharts sorts the legend by label unless told otherwise: keep the series' order, the bars' and the table's. */}
          {series.length > 1 ? <Legend itemSorter={(item) => series.findIndex((s) => s.key === item.dataKey)} /> : null}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.color}
              stackId={stacked ? 'stack' : undefined}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
