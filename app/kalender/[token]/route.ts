import { getDb } from '@/lib/db/db';
import { loadCalendarFeed } from '@/lib/meetings/load-calendar-feed';
import { runtimeConfig } from '@/lib/runtime/services';

export const dynamic = 'force-dynamic';

/**
 * `GET /kalender/<token>`: a unit's meetings (from 30 days back) as an ICS
 * feed. The secret URL is the credential — calendar apps send no cookie — so
 * it holds meeting times only; rotating the token (meetings page) ends the
 * old URL at once. An unknown token is a plain 404.
 */
export async function GET(_request: Request, segment: { params: Promise<{ token: string }> }) {
  const { token } = await segment.params;
  const body = await loadCalendarFeed({ db: getDb(), token, publicUrl: runtimeConfig().publicUrl });
  if (body === null) return new Response('not found', { status: 404, headers: { 'cache-control': 'no-store' } });
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'no-store',
      'content-disposition': 'inline; filename="saksmoter.ics"',
    },
  });
}
