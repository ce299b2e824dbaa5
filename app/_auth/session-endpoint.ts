import { NextResponse, type NextRequest } from 'next/server';
import { sessionCookieName } from '@/lib/auth/session-cookie';
import { asAppError, httpStatusFor } from '@/lib/errors/error-mapping';
import { runtimeConfig } from '@/lib/runtime/services';
import { readSession } from './current-session';

type RouteHandler = (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

/**
 * next-auth's own `/api/auth/session` only decrypts the cookie: after a
 * logout, an expiry, a session ended elsewhere or a deactivation it still
 * answered with the name, e-mail and id, and re-issued the cookie for another
 * full lifetime. It now asks the server-side session first, like every other
 * door (readSession): no live session is an empty session `{}` with the
 * cookie cleared; a live one goes on to next-auth, which answers as before.
 */
export function withLiveSessionCheck(handler: RouteHandler): RouteHandler {
  return async (request, context) => {
    const { nextauth } = await context.params;
    if (nextauth?.length !== 1 || nextauth[0] !== 'session') return handler(request, context);
    let live: Awaited<ReturnType<typeof readSession>>;
    try {
      live = await readSession();
    } catch (caught) {
      const error = asAppError(caught);
      if (!error) throw caught;
      return NextResponse.json({}, { status: httpStatusFor(error.code), headers: { 'cache-control': 'no-store' } });
    }
    if (live.live) return handler(request, context);
    const response = NextResponse.json({}, { headers: { 'cache-control': 'private, no-cache, no-store' } });
    if (live.hadCookie) {
      const publicUrl = runtimeConfig().publicUrl;
      response.cookies.set(sessionCookieName(publicUrl), '', {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: publicUrl.startsWith('https://'),
        maxAge: 0,
      });
    }
    return response;
  };
}
