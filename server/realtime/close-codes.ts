import { closeCodeFor } from '../../lib/errors/error-mapping';

/**
 * Websocket close codes Samlet uses (docs/realtime.md), by the situation
 * that sends them. 4000–4999 is the range RFC 6455 leaves to applications;
 * those that stand for an AppError come from the one mapping
 * (lib/errors/error-mapping.ts), so they cannot drift from the HTTP status.
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
  invalidMessage: closeCodeFor('invalid_input'),
  /** The session ended (logout, expiry, deactivation): log in again. */
  sessionEnded: closeCodeFor('unauthenticated'),
  /** Access to this document was withdrawn for good (the client does not reconnect). */
  accessRevoked: closeCodeFor('forbidden'),
  /** Too many messages: 1013 "Try Again Later", outside 4400–4499 so the stock client reconnects and re-sends. */
  rateLimited: closeCodeFor('rate_limited'),
  /** The document could not be loaded or stored; reconnect later. */
  unavailable: closeCodeFor('unavailable'),
} as const;
