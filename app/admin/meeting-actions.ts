'use server';

import { nb } from '@/lib/i18n/nb';
import { runtimeConfig } from '@/lib/runtime/services';
import { addMeeting } from '@/lib/meetings/add-meeting';
import { rotateCalendarToken } from '@/lib/meetings/calendar-token';
import { cancelMeeting } from '@/lib/meetings/cancel-meeting';
import { createSeries } from '@/lib/meetings/create-series';
import { endSeries } from '@/lib/meetings/end-series';
import { addMeetingFreePeriod, removeMeetingFreePeriod } from '@/lib/meetings/meeting-free-periods';
import { moveMeeting } from '@/lib/meetings/move-meeting';
import type { MeetingAdminContext } from '@/lib/meetings/meeting-admin-context';
import { getCaseContentStore } from '@/lib/cases/case-content-store';
import type { FormState } from './form-state';
import { joinDateTimeInput } from '@/lib/i18n/date-input';
import { all, runAdminAction, text } from './run-admin-action';

/** Server actions of the meetings page (the commands in lib/meetings/ do the work and the checks). */
const done = nb.admin.meetings.done;
const path = (form: FormData) => `/admin/enheter/${text(form, 'unitId')}/moter`;
const fields = (form: FormData, names: string[]) => Object.fromEntries(names.map((name) => [name, text(form, name)]));
/** A date-and-time field (AdminForm's `datetime`): the local "yyyy-MM-ddTHH:mm" the command reads, and the two parts as typed (given back on an error). */
const dateTime = (form: FormData, name: string) => {
  const [date, time] = [text(form, `${name}Date`), text(form, `${name}Time`)];
  return { [name]: joinDateTimeInput(date, time), [`${name}Date`]: date, [`${name}Time`]: time };
};

export async function createSeriesAction(_: FormState, form: FormData): Promise<FormState> {
  const input = {
    ...fields(form, [
      'unitId',
      'name',
      'kind',
      'monthly',
      'startTime',
      'durationMinutes',
      'location',
      'deadlineDaysBefore',
      'deadlineTime',
      'defaultChairId',
      'minutesOrientering',
      'minutesDrofting',
      'minutesAvklaring',
    ]),
    weekdays: all(form, 'weekdays'),
  };
  return runAdminAction(createSeries, input, (r) => done.created(r.generated), path(form));
}

export async function endSeriesAction(_: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(endSeries, fields(form, ['unitId', 'seriesId']), done.ended, path(form));
}

export async function moveMeetingAction(_: FormState, form: FormData): Promise<FormState> {
  // With the case documents: the authors' open editors take the new start (their edit ends then).
  const command = (context: MeetingAdminContext) => moveMeeting({ ...context, cases: getCaseContentStore() });
  return runAdminAction(command, { ...fields(form, ['unitId', 'meetingId']), ...dateTime(form, 'startsAt') }, done.moved, path(form));
}

export async function cancelMeetingAction(_: FormState, form: FormData): Promise<FormState> {
  const command = (context: MeetingAdminContext) => cancelMeeting({ ...context, cases: getCaseContentStore() });
  return runAdminAction(command, fields(form, ['unitId', 'meetingId']), done.cancelled, path(form));
}

export async function addMeetingAction(_: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(
    addMeeting,
    { ...fields(form, ['unitId', 'durationMinutes', 'location', 'kind']), ...dateTime(form, 'startsAt') },
    done.added,
    path(form),
  );
}

export async function addFreeDaysAction(_: FormState, form: FormData): Promise<FormState> {
  const command = (context: MeetingAdminContext) => addMeetingFreePeriod({ ...context, cases: getCaseContentStore() });
  return runAdminAction(
    command,
    fields(form, ['unitId', 'fromDate', 'toDate', 'label']),
    (r) => done.freeDaysAdded(r.cancelled),
    path(form),
  );
}

export async function removeFreeDaysAction(_: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(removeMeetingFreePeriod, fields(form, ['unitId', 'periodId']), done.freeDaysRemoved, path(form));
}

export async function rotateCalendarAction(_: FormState, form: FormData): Promise<FormState> {
  const base = runtimeConfig().publicUrl.replace(/\/$/, '');
  let url = '';
  const state = await runAdminAction(
    rotateCalendarToken,
    fields(form, ['unitId']),
    (r) => {
      url = `${base}/kalender/${r.token}`;
      return done.rotated;
    },
    path(form),
  );
  return url ? { ...state, copy: { label: nb.admin.meetings.calendarLink, value: url } } : state;
}
