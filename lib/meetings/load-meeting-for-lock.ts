import { loadItemRecusal, requireMeetingAccess, type Actor } from '../access/access-service';
import { canLockItem } from '../access/policy';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { nbRecusal } from '../i18n/nb-recusal';

/**
 * The meeting, if the actor may lock (or unlock) this item of it: whoever
 * chairs, unless inhabil for it (refused in Norwegian); when the meeting's chair is inhabil, the referent or the
 * participant named to chair the item (lib/access/policy.ts canLockItem).
 */
export async function loadMeetingForLock(db: Db, actor: Actor, meetingId: string, itemId: string) {
  const { meeting: facts } = await requireMeetingAccess(db, actor, meetingId);
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  const recusal = await loadItemRecusal(db, actor.userId, itemId, facts);
  if (recusal.recused) throw new AppError('forbidden', nbRecusal.chairCommandRefused);
  if (!canLockItem(actor.memberships, actor.userId, facts, recusal)) throw new AppError('forbidden', 'chair_only');
  if (meeting.status === 'closed' || meeting.status === 'cancelled') throw new AppError('conflict', 'meeting_closed');
  return meeting;
}
