import { AppError, isAppError, type AppErrorCode } from './app-error';
import { isDependencyUnavailable } from './dependency-unavailable';

/**
 * The one mapping from a domain error code to what each edge answers: an
 * HTTP status (pages, API routes, refused websocket upgrades), a websocket
 * close code (an open Yjs connection) and a socket.io acknowledgement. It
 * lives in lib/ because both app/ and server/ use it.
 *
 * Close codes are 4000 + the HTTP status, except 1013 for `rate_limited` (docs/realtime.md). The stock
 * y-websocket client never reconnects after 4400–4499, so those mean "stop";
 * 4503 sits outside that band on purpose: the client reconnects later.
 */
const edges = {
  unauthenticated: { status: 401, closeCode: 4401 },
  forbidden: { status: 403, closeCode: 4403 },
  // A websocket never tells a missing document from a hidden one: both are "forbidden".
  not_found: { status: 404, closeCode: 4403 },
  invalid_input: { status: 400, closeCode: 4400 },
  // A change of state under the connection: reconnect and be checked again (closeCodes.accessChanged).
  conflict: { status: 409, closeCode: 4100 },
  // 1013 "Try Again Later" (RFC 6455's registry), not 4429: the stock client reconnects after it and
  // re-sends what it holds, so a client over the message limit loses nothing (docs/realtime.md).
  rate_limited: { status: 429, closeCode: 1013 },
  unavailable: { status: 503, closeCode: 4503 },
} as const satisfies Record<AppErrorCode, { status: number; closeCode: number }>;

/**
 * The AppError an error stands for at an edge: itself, `unavailable` for a
 * database that does not answer, or null for a fault of ours (a 500, logged).
 */
export function asAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  return isDependencyUnavailable(error) ? new AppError('unavailable') : null;
}

export function httpStatusFor(code: AppErrorCode): number {
  return edges[code].status;
}

/**
 * HTTP status for a refused websocket upgrade. As for the API, except that a
 * document the user may not see answers 403 like a missing one would, so a
 * refusal never tells whether the document exists.
 */
export function upgradeStatusFor(code: AppErrorCode): number {
  return code === 'not_found' ? edges.forbidden.status : httpStatusFor(code);
}

/**
 * The status of a page or server action that failed with this error, or
 * null to leave Next's 500. (A page that hides what the user may not see
 * answers 404 through `notFound()` before it gets here: app/_lib/or-not-found.ts.)
 */
export function pageStatusFor(error: unknown): number | null {
  const appError = asAppError(error);
  return appError ? httpStatusFor(appError.code) : null;
}

/** The close code for ending an open websocket because of this error. */
export function closeCodeFor(code: AppErrorCode): number {
  return edges[code].closeCode;
}

export type SocketError = { ok: false; error: AppErrorCode; message?: string; fields?: Record<string, string> };

/**
 * A socket.io acknowledgement for a failed event. Anything that is not an
 * AppError is a fault of ours or of a dependency: the client hears
 * `unavailable` (and the caller logs the cause), never its text.
 */
export function socketErrorFor(caught: unknown): SocketError {
  const error = asAppError(caught);
  if (!error) return { ok: false, error: 'unavailable' };
  const message = error.message !== error.code ? error.message : undefined;
  return {
    ok: false,
    error: error.code,
    ...(message ? { message } : {}),
    ...(error.fields ? { fields: error.fields } : {}),
  };
}
