import ical, { ICalEventStatus } from 'ical-generator';
import { formatDateTime } from '../i18n/format';
import { nbCalendar as t } from '../i18n/nb-calendar';

/**
 * A unit's meetings as an iCalendar feed (RFC 5545), for a calendar
 * subscription in Outlook and the like. Times are UTC instants, so every
 * client shows them right in its own zone; UIDs are stable, so a moved
 * meeting moves and a cancelled one shows as cancelled. Meeting facts only —
 * never a case or a person reference.
 */
export type FeedMeeting = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  submissionDeadline: Date;
  status: string;
  location: string | null;
  seriesName: string | null;
};

export function calendarFeed(unitName: string, meetings: readonly FeedMeeting[], baseUrl: string): string {
  const calendar = ical({ name: t.name(unitName), prodId: { company: 'Samlet', product: t.product, language: 'NB' } });
  for (const meeting of meetings) {
    const deadline = formatDateTime(meeting.submissionDeadline);
    const room = `${baseUrl.replace(/\/$/, '')}/moter/${meeting.id}/rom`;
    calendar.createEvent({
      id: `${meeting.id}@samlet`,
      start: meeting.startsAt,
      end: meeting.endsAt,
      summary: t.summary(meeting.seriesName ?? t.meeting, unitName),
      location: meeting.location,
      description: t.description(deadline, room),
      url: room,
      status: meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
