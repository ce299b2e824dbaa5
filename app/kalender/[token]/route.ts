import { getDb } from '@/lib/db/db';
import { calendarFeed } from '@/lib/meetings/calendar-feed';
import { hashCalendarToken } from '@/lib/meetings/series-commands';

export const dynamic = 'force-dynamic';

/**
 * `GET /kalender/<token>`: a unit's meetings (from 30 days back) as an ICS
 * feed. The secret URL is the credential — calendar apps send no cookie — so
 * it holds meeting times only; rotating the token (meetings page) ends the
 * old URL at once. An unknown token is a plain 404.
 */
export async function GET(_request: Request, segment: { params: Promise<{ token: string }> }) {
  const { token } = await segment.params;
  const notFound = () => new Response('not found', { status: 404, headers: { 'cache-control': 'no-store' } });
  if (!/^[\w-]{43}$/.test(token)) return notFound();
  const db = getDb();
  const unit = await db.unit.findUnique({ where: { calendarTokenHash: hashCalendarToken(token) }, select: { id: true, name: true } });
  if (!unit) return notFound();
  const meetings = await db.meeting.findMany({
    where: { unitId: unit.id, startsAt: { gte: new Date(Date.now() - 30 * 24 * 3600_000) } },
    orderBy: { startsAt: 'asc' },
    include: { series: { select: { name: true } } },
  });
  const body = calendarFeed(
    unit.name,
    meetings.map((m) => ({ ...m, seriesName: m.series?.name ?? null })),
    process.env.NEXTAUTH_URL ?? '',
  );
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'no-store',
      'content-disposition': 'inline; filename="saksmoter.ics"',
    },
  });
}
