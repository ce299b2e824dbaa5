import type { Db, DbTransaction } from '../db/db';
import { formatDateTime } from '../i18n/format';
import { nbNotifications } from '../i18n/nb-notifications';
import { maskNationalIds as mask } from '../privacy/national-id';

/**
 * What caseworkers are told, in the app, when the meeting their case is on
 * moves or is cancelled: everyone with a submitted case on it (or asking to
 * be taken on it late). Written in the caller's transaction, so a change that
 * rolls back tells nobody.
 */
async function notifySubmitters(db: Db | DbTransaction, meetingId: string, text: (title: string) => string): Promise<void> {
  const cases = await db.case.findMany({
    where: { OR: [{ meetingId }, { lateRequestMeetingId: meetingId }], status: 'submitted' },
    select: { id: true, title: true, createdById: true },
  });
  if (cases.length)
    await db.notification.createMany({
      data: cases.map((c) => ({ userId: c.createdById, text: text(mask(c.title)), link: `/saker/${c.id}` })),
    });
}

export function notifyMeetingMoved(db: Db | DbTransaction, meeting: { id: string; from: Date; to: Date }): Promise<void> {
  const [from, to] = [formatDateTime(meeting.from), formatDateTime(meeting.to)];
  return notifySubmitters(db, meeting.id, (title) => nbNotifications.meetingMoved(title, from, to));
}

/** Call before the cases move on: it finds them on the cancelled meeting. */
export function notifyMeetingCancelled(
  db: Db | DbTransaction,
  meeting: { id: string; startsAt: Date; next: { startsAt: Date } | null },
): Promise<void> {
  const cancelled = formatDateTime(meeting.startsAt);
  const next = meeting.next && formatDateTime(meeting.next.startsAt);
  return notifySubmitters(db, meeting.id, (title) =>
    next ? nbNotifications.meetingCancelledMovedOn(title, cancelled, next) : nbNotifications.meetingCancelledNoNext(title, cancelled),
  );
}
