import { z } from 'zod';
import type { Actor } from '../access/access-service';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { logCaseReads } from '../history/log-case-reads';
import { idParam } from '../validation/query-params';
import { systemClock } from '../time/clock';

/** A notice about a case links to it (lib/meetings/series-notifications.ts) or its hand-off (lib/minutes/after-documented.ts). */
const caseLink = /^\/saker\/([a-z0-9]{8,40})(?:\/fagsystem)?$/;

/**
 * In-app notices (a cancelled or moved meeting), the unread ones, newest first.
 * A notice names its case's title, so the cases named are logged as read
 * (`view: notices`), in one insert, before the notices are shown.
 */
export async function unreadNotifications(db: Db, actor: Actor) {
  const notices = await db.notification.findMany({
    where: { userId: actor.userId, readAt: null },
    orderBy: { createdAt: 'desc' },
    take: 20,
  });
  const caseIds = notices.flatMap((n) => caseLink.exec(n.link ?? '')?.[1] ?? []);
  if (caseIds.length > 0) {
    const cases = await db.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, unitId: true } });
    await logCaseReads(
      db,
      actor,
      cases.map((c) => ({ caseId: c.id, unitId: c.unitId })),
      'notices',
    );
  }
  return notices;
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
