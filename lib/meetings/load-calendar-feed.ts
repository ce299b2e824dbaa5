import type { Db } from '../db/db';
import { calendarFeed } from './calendar-feed';
import { hashCalendarToken } from './calendar-token';
import { systemClock } from '../time/clock';
import { caseMeetingKind } from '../access/leader-case-policy';

/** Tokens are 32 random bytes in base64url: anything else is refused before the database is asked. */
const tokenPattern = /^[\w-]{43}$/;

/** How far back the feed reaches, so a calendar keeps the recent past. */
const pastDays = 30;

/**
 * A unit's meetings as an ICS feed for `GET /kalender/<token>`. The secret
 * token is the credential (calendar apps send no cookie), so the feed holds
 * meeting times only; null for a malformed, unknown or rotated token.
 */
export async function loadCalendarFeed(options: { db: Db; token: string; publicUrl: string; now?: Date }): Promise<string | null> {
  const { db, token } = options;
  if (!tokenPattern.test(token)) return null;
  const unit = await db.unit.findUnique({ where: { calendarTokenHash: hashCalendarToken(token) }, select: { id: true, name: true } });
  if (!unit) return null;
  const now = options.now ?? systemClock.now();
  const meetings = await db.meeting.findMany({
    where: { unitId: unit.id, kind: caseMeetingKind, startsAt: { gte: new Date(now.getTime() - pastDays * 24 * 3600_000) } },
    orderBy: { startsAt: 'asc' },
    include: { series: { select: { name: true } } },
  });
  return calendarFeed(
    unit.name,
    meetings.map((m) => ({ ...m, seriesName: m.series?.name ?? null })),
    options.publicUrl,
  );
}
