import type { AppErrorCode } from '../../lib/errors/app-error';
import { httpStatusFor } from '../../lib/errors/http-status';

/**
 * Websocket close codes Samlet uses (docs/realtime.md). 4000–4999 is the
 * range RFC 6455 leaves to applications; the last three digits echo HTTP.
 * The stock y-websocket client (3.x) never reconnects after 4400–4499, so
 * those mean "permanent"; a change the client should recover from by
 * reconnecting uses a code outside that band.
 */
export const closeCodes = {
  /** Access to the document changed (lock, unlock, status): reconnect and be checked again. */
  accessChanged: 4100,
  /** The server is shutting down; reconnect (to this or another node). */
  goingAway: 1001,
  /** A frame larger than the limit (set by the ws library itself). */
  messageTooBig: 1009,
  /** A malformed frame, unknown message type or invalid Yjs update. */
  invalidMessage: 4400,
  /** The session ended (logout, expiry, deactivation): log in again. */
  sessionEnded: 4401,
  /** Access to this document was withdrawn for good (the client does not reconnect). */
  accessRevoked: 4403,
  /** Too many messages or connections. */
  rateLimited: 4429,
  /** The document could not be loaded or stored; reconnect later. */
  unavailable: 4503,
} as const;

/**
 * HTTP status for a refused websocket upgrade. As for the API, except that a
 * document the user may not see answers 403 like a missing one would, so a
 * refusal never tells whether the document exists.
 */
export function upgradeStatusFor(code: AppErrorCode): number {
  return code === 'not_found' ? 403 : httpStatusFor(code);
}
