import { z } from 'zod';
import type { Actor } from '../access/access-service';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { idParam } from '../validation/query-params';
import { systemClock } from '../time/clock';

/** In-app notices (a cancelled or moved meeting): the unread ones, newest first, and marking one read. */
export function unreadNotifications(db: Db, userId: string) {
  return db.notification.findMany({ where: { userId, readAt: null }, orderBy: { createdAt: 'desc' }, take: 20 });
}

export async function markNotificationRead(options: { db: Db; actor: Actor; input: unknown }): Promise<void> {
  const parsed = z.object({ notificationId: idParam }).safeParse(options.input);
  if (!parsed.success) throw new AppError('not_found');
  const { notificationId } = parsed.data;
  // Only one's own: anyone else's is "not found".
  const { count } = await options.db.notification.updateMany({
    where: { id: notificationId, userId: options.actor.userId, readAt: null },
    data: { readAt: systemClock.now() },
  });
  if (count === 0) throw new AppError('not_found');
}
