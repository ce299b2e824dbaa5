import { AppError } from '../errors/app-error';

/**
 * Which meeting a submitted case goes to. By default the next meeting whose
 * submission deadline has not passed. A case sent to a meeting after its
 * deadline goes to the following one, and the chair of the requested meeting
 * may accept it late (then it moves back).
 */
export type MeetingSlot = { id: string; startsAt: Date; submissionDeadline: Date; status: string };
export type SubmissionTarget = { meetingId: string; lateRequestFor: string | null };

const isOpen = (meeting: MeetingSlot, now: Date) => meeting.status === 'planned' && meeting.startsAt > now;

function byStart(meetings: readonly MeetingSlot[]): MeetingSlot[] {
  return [...meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

export function defaultTargetMeeting(meetings: readonly MeetingSlot[], now: Date): MeetingSlot | null {
  return byStart(meetings).find((m) => isOpen(m, now) && m.submissionDeadline > now) ?? null;
}

export function resolveSubmissionTarget(meetings: readonly MeetingSlot[], requestedId: string | null, now: Date): SubmissionTarget {
  if (!requestedId) {
    const next = defaultTargetMeeting(meetings, now);
    if (!next) throw new AppError('conflict', 'no_open_meeting');
    return { meetingId: next.id, lateRequestFor: null };
  }
  const requested = meetings.find((m) => m.id === requestedId);
  if (!requested || !isOpen(requested, now)) throw new AppError('conflict', 'meeting_not_open');
  if (requested.submissionDeadline > now) return { meetingId: requested.id, lateRequestFor: null };
  const following = defaultTargetMeeting(
    meetings.filter((m) => m.startsAt > requested.startsAt),
    now,
  );
  if (!following) throw new AppError('conflict', 'no_open_meeting');
  return { meetingId: following.id, lateRequestFor: requested.id };
}
