import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DateTime } from 'luxon';
import { TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { DataTable } from '@/app/_components/data-table';
import { requireActor } from '@/app/_auth/require-actor';
import { PageShell } from '@/app/_components/page-shell';
import { getDb } from '@/lib/db/db';
import { isAppError } from '@/lib/errors/app-error';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { osloZone } from '@/lib/time/oslo-zone';
import { nb } from '@/lib/i18n/nb';
import { meetingPlan } from '@/lib/meetings/meeting-plan';
import { parseWeekdays } from '@/lib/meetings/meeting-schedule';
import { AdminForm } from '../../../admin-form';
import {
  addFreeDaysAction,
  addMeetingAction,
  cancelMeetingAction,
  createSeriesAction,
  endSeriesAction,
  moveMeetingAction,
  removeFreeDaysAction,
  rotateCalendarAction,
} from '../../../meeting-actions';

export const metadata: Metadata = { title: nb.admin.title };
export const dynamic = 'force-dynamic';

const t = nb.admin.meetings;
/** A date-and-time field's value: Oslo wall-clock time, as the commands read it back. */
const localInputValue = (d: Date) => DateTime.fromJSDate(d, { zone: osloZone }).toFormat("yyyy-MM-dd'T'HH:mm");

export default async function MeetingPlanPage({ params }: { params: Promise<{ unitId: string }> }) {
  const { actor, user } = await requireActor();
  const { unitId } = await params;
  const plan = await meetingPlan(getDb(), actor, unitId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  const hidden = (name: string, value: string) => ({ kind: 'hidden' as const, name, value });
  const unitField = hidden('unitId', plan.unit.id);
  const chairName = (id: string | null) => plan.chairOptions.find((c) => c.id === id)?.name ?? null;
  return (
    <PageShell userName={user.name} actor={actor} wide>
      <h1 className="text-2xl font-semibold tracking-tight">{t.title(plan.unit.name)}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t.intro}</p>

      <section aria-labelledby="serier" className="mt-6">
        <h2 id="serier" className="text-lg font-semibold">
          {t.series}
        </h2>
        {plan.series.length === 0 ? <p className="mt-2">{t.noSeries}</p> : null}
        <ul className="mt-2 space-y-3">
          {plan.series.map((s) => (
            <li key={s.id} className="rounded border border-slate-300 p-3">
              <p className="font-medium">
                {s.name}
                {s.kind === 'saksmote' ? null : ` · ${t.kindTag[s.kind] ?? s.kind}`}
              </p>
              <p className="text-sm">
                {s.monthly ? `${t.monthlyTag} ` : ''}
                {t.seriesLine(
                  parseWeekdays(s.weekdays)
                    .map((d) => t.weekdayNames[d])
                    .join(', '),
                  s.startTime,
                  s.durationMinutes,
                  t.deadline(s.deadlineDaysBefore, s.deadlineTime),
                )}
                {s.location ? ` ${s.location}.` : ''} {chairName(s.defaultChairId) ? t.chair(chairName(s.defaultChairId)!) : ''}
              </p>
              <AdminForm
                inline
                danger
                action={endSeriesAction}
                submit={t.endSeries}
                confirm={t.endSeriesConfirm}
                fields={[unitField, hidden('seriesId', s.id)]}
              />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="ny-serie" className="mt-8">
        <h2 id="ny-serie" className="text-lg font-semibold">
          {t.newSeries}
        </h2>
        <AdminForm
          action={createSeriesAction}
          submit={t.create}
          fields={[
            unitField,
            { kind: 'text', name: 'name', label: t.name, defaultValue: t.defaultSeriesName, required: true },
            { kind: 'select', name: 'kind', label: t.kind, options: Object.entries(t.kinds) },
            { kind: 'select', name: 'monthly', label: t.frequency, options: Object.entries(t.frequencies) },
            { kind: 'checkboxes', name: 'weekdays', label: t.weekdays, options: Object.entries(t.weekdayNames) },
            { kind: 'time', name: 'startTime', label: t.startTime, defaultValue: '10:00' },
            { kind: 'number', name: 'durationMinutes', label: t.duration, defaultValue: '90' },
            { kind: 'text', name: 'location', label: t.location },
            { kind: 'number', name: 'deadlineDaysBefore', label: t.deadlineDays, defaultValue: '2' },
            { kind: 'time', name: 'deadlineTime', label: t.deadlineTime, defaultValue: '12:00' },
            {
              kind: 'select',
              name: 'defaultChairId',
              label: t.defaultChair,
              options: [['', t.noChair], ...plan.chairOptions.map((c): [string, string] => [c.id, c.name])],
            },
            { kind: 'number', name: 'minutesOrientering', label: t.minutesFor(nb.cases.purposes.orientering), defaultValue: '5' },
            { kind: 'number', name: 'minutesDrofting', label: t.minutesFor(nb.cases.purposes.drofting), defaultValue: '15' },
            { kind: 'number', name: 'minutesAvklaring', label: t.minutesFor(nb.cases.purposes.avklaring), defaultValue: '10' },
          ]}
        />
      </section>

      <section aria-labelledby="moter" className="mt-8">
        <h2 id="moter" className="text-lg font-semibold">
          {t.upcoming}
        </h2>
        {plan.meetings.length === 0 ? (
          <p className="mt-2">{t.noMeetings}</p>
        ) : (
          <DataTable caption={t.upcoming} className="mt-2">
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">{t.meetingColumn}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.move}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.cancel}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {plan.meetings.map((m) => (
                <TableRow key={m.id}>
                  <TableCell data-label={t.meetingColumn}>
                    {m.visible ? (
                      <Link href={`/moter/${m.id}`} className="font-medium text-brand-700 underline">
                        {formatDateTime(m.startsAt)}
                      </Link>
                    ) : (
                      <span className="font-medium">{formatDateTime(m.startsAt)}</span>
                    )}
                    {m.kind === 'saksmote' ? null : ` · ${t.kindTag[m.kind] ?? m.kind}`}
                    <br />
                    {m.status === 'cancelled' ? <strong>{t.cancelled}</strong> : t.cases(m._count.cases)}
                    {m.location ? ` · ${m.location}` : ''}
                  </TableCell>
                  <TableCell data-label={t.move}>
                    {m.status === 'planned' ? (
                      <AdminForm
                        inline
                        action={moveMeetingAction}
                        submit={t.move}
                        fields={[
                          unitField,
                          hidden('meetingId', m.id),
                          {
                            kind: 'datetime',
                            name: 'startsAt',
                            label: t.moveTo(formatDateTime(m.startsAt)),
                            defaultValue: localInputValue(m.startsAt),
                          },
                        ]}
                      />
                    ) : null}
                  </TableCell>
                  <TableCell data-label={t.cancel}>
                    {m.status === 'planned' ? (
                      <AdminForm
                        inline
                        danger
                        action={cancelMeetingAction}
                        submit={t.cancel}
                        confirm={t.cancelConfirm(formatDateTime(m.startsAt))}
                        fields={[unitField, hidden('meetingId', m.id)]}
                      />
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </DataTable>
        )}
      </section>

      <section aria-labelledby="uten-moter" className="mt-8">
        <h2 id="uten-moter" className="text-lg font-semibold">
          {t.freeDays}
        </h2>
        <p className="max-w-prose text-sm text-slate-700">{t.freeDaysIntro}</p>
        {plan.freePeriods.length === 0 ? <p className="mt-2">{t.noFreeDays}</p> : null}
        <ul className="mt-2 space-y-2">
          {plan.freePeriods.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-3">
              <span>{t.freeDaysLine(p.label, formatDate(p.fromDate), formatDate(p.toDate))}</span>
              <AdminForm
                inline
                action={removeFreeDaysAction}
                submit={t.removeFreeDays(p.label)}
                fields={[unitField, hidden('periodId', p.id)]}
              />
            </li>
          ))}
        </ul>
        <AdminForm
          action={addFreeDaysAction}
          submit={t.addFreeDays}
          fields={[
            unitField,
            { kind: 'date', name: 'fromDate', label: t.freeFrom, required: true },
            { kind: 'date', name: 'toDate', label: t.freeTo },
            { kind: 'text', name: 'label', label: t.freeLabel, required: true },
          ]}
        />
      </section>

      <section aria-labelledby="ekstra" className="mt-8">
        <h2 id="ekstra" className="text-lg font-semibold">
          {t.extra}
        </h2>
        <AdminForm
          action={addMeetingAction}
          submit={t.add}
          fields={[
            unitField,
            { kind: 'datetime', name: 'startsAt', label: t.startsAt },
            { kind: 'select', name: 'kind', label: t.kind, options: Object.entries(t.kinds) },
            { kind: 'number', name: 'durationMinutes', label: t.duration, defaultValue: '90' },
            { kind: 'text', name: 'location', label: t.location },
          ]}
        />
      </section>

      <section aria-labelledby="kalender" className="mt-8">
        <h2 id="kalender" className="text-lg font-semibold">
          {t.calendar}
        </h2>
        <p className="max-w-prose text-sm text-slate-700">{t.calendarIntro}</p>
        <AdminForm action={rotateCalendarAction} submit={t.rotate} fields={[unitField]} />
      </section>
    </PageShell>
  );
}
