import { generationWeeks } from '../meetings/generate-series-meetings';
import { workingDaysBefore } from '../meetings/norwegian-holidays';
import { osloDate } from '../time/oslo';

/** The revurdering draft is made this many working days before the re-assessment date at the latest. */
export const draftLeadWorkingDays = 10;

export type ComingMeeting = { id: string; startsAt: Date; submissionDeadline: Date };

/**
 * The meeting a decided case's re-assessment is proposed to: the last of the
 * unit's coming meetings (deadline not passed) that starts before the
 * re-assessment date, so the case is decided again in time. A date with no
 * such meeting (it is near, or has passed) goes to the first coming meeting.
 * Null while the date lies beyond the meetings generated so far (the last
 * meeting before it may not exist yet), and when no meeting comes at all.
 * `coming` is sorted by start.
 */
export function proposedMeeting(reassessmentDate: string, coming: readonly ComingMeeting[], now: Date): ComingMeeting | null {
  const horizon = osloDate(new Date(now.getTime() + generationWeeks * 7 * 24 * 3600_000));
  if (reassessmentDate > horizon) return null;
  const open = coming.filter((m) => m.submissionDeadline.getTime() > now.getTime());
  return open.filter((m) => osloDate(m.startsAt) < reassessmentDate).at(-1) ?? open[0] ?? null;
}

/**
 * Whether the caseworker's prefilled revurdering draft is due: ten working
 * days before the submission deadline of the meeting it is proposed to —
 * time to prepare it, without a drafts list filled weeks ahead — or, with no
 * meeting to propose it to, ten working days before the date itself.
 */
export function draftDue(reassessmentDate: string, meeting: ComingMeeting | null, now: Date): boolean {
  const deadline = meeting ? osloDate(meeting.submissionDeadline) : reassessmentDate;
  return osloDate(now) >= workingDaysBefore(deadline, draftLeadWorkingDays);
}
