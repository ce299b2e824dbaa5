import type { TargetMeeting } from '@/lib/cases/load-case-page';
import { formatDateTime } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import type { MeetingOption } from './[id]/case-editor';

/** The meetings a case may be sent to, as the case form offers them: when, and its deadline (or that it has passed). */
export function meetingOptions(meetings: readonly TargetMeeting[]): MeetingOption[] {
  return meetings.map((m) => ({
    id: m.id,
    deadlinePassed: m.deadlinePassed,
    label: `${formatDateTime(m.startsAt)} (${m.deadlinePassed ? nb.cases.deadlinePassed : nb.cases.deadline(formatDateTime(m.submissionDeadline))})`,
  }));
}
