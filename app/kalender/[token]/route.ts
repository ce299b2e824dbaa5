import { plainText } from '@/app/api/_lib/plain-text';
import { getDb } from '@/lib/db/db';
import { nb } from '@/lib/i18n/nb';
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
  // Someone who opens an old link in a browser reads why; a calendar app only sees the 404.
  if (body === null) return plainText(nb.calendar.linkNotFound, 404);
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'no-store',
      'content-disposition': 'inline; filename="saksmoter.ics"',
    },
  });
}
