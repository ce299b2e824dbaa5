import { randomBytes } from 'node:crypto';
import { actorOf, type Actor } from '../access/access-service';
import type { Db } from '../db/db';
import { sessionMaxAgeSeconds } from './session-cookie';
import { systemClock } from '../time/clock';
import { optionalRuntimeService } from '../runtime/services';

/**
 * Server-side sessions. The encrypted session cookie carries the user (`sub`)
 * and this session's id (`sid`); every page, API call, socket.io handshake
 * and Yjs upgrade checks that the session is still live here. So a logout
 * ends the session for a copied cookie too, and an expired or ended session
 * is refused whatever the cookie's own expiry says.
 */
export type EndReason = 'logout' | 'deactivated' | 'revoked';
export type LiveSession = { actor: Actor; user: { id: string; name: string; email: string }; sessionId: string; expiresAt: Date };
/** What a session cookie claims; checked, never trusted. */
export type SessionClaims = { sub?: unknown; sid?: unknown };

export async function startUserSession(db: Db, userId: string, now: Date = systemClock.now()): Promise<{ id: string; expiresAt: Date }> {
  const id = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionMaxAgeSeconds() * 1000);
  await db.userSession.create({ data: { id, userId, createdAt: now, expiresAt } });
  return { id, expiresAt };
}

/** Ends one session; false when it was not live (already ended, or unknown). */
export async function endUserSession(db: Db, sessionId: string, reason: EndReason, now: Date = systemClock.now()): Promise<boolean> {
  const { count } = await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now, endReason: reason } });
  return count > 0;
}

/** Ends every live session of a user (deactivation, revoked access); returns their ids. */
export async function endUserSessions(db: Db, userId: string, reason: EndReason, now: Date = systemClock.now()): Promise<string[]> {
  const live = await db.userSession.findMany({ where: { userId, endedAt: null }, select: { id: true } });
  if (live.length === 0) return [];
  await db.userSession.updateMany({
    where: { id: { in: live.map((s) => s.id) }, endedAt: null },
    data: { endedAt: now, endReason: reason },
  });
  return live.map((s) => s.id);
}

/**
 * The acting user for a cookie's claims: null unless the session exists,
 * belongs to that user, has not ended or expired, and the user is active.
 * Roles come from the database, or from the server's session cache
 * (lib/auth/session-cache.ts), which every logout, deactivation and role
 * change empties on every node before it is answered.
 */
export async function loadLiveSession(db: Db, claims: SessionClaims | null, now: Date = systemClock.now()): Promise<LiveSession | null> {
  if (!claims || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return null;
  const { sub, sid } = claims;
  const cache = optionalRuntimeService('sessionCache');
  return cache ? cache.load(sid, sub, now, () => readLiveSession(db, sub, sid, now)) : readLiveSession(db, sub, sid, now);
}

async function readLiveSession(db: Db, sub: string, sid: string, now: Date): Promise<LiveSession | null> {
  const claims = { sub, sid };
  // One query: it runs on every page, API call and socket.io event that the cache does not answer.
  const session = await db.userSession.findUnique({
    where: { id: claims.sid },
    select: {
      userId: true,
      expiresAt: true,
      endedAt: true,
      user: { select: { active: true, name: true, email: true, systemAdmin: true, memberships: { select: { unitId: true, role: true } } } },
    },
  });
  if (!session || session.userId !== claims.sub || session.endedAt || session.expiresAt <= now || !session.user.active) return null;
  const { name, email, memberships, systemAdmin } = session.user;
  return {
    actor: actorOf(claims.sub, memberships, systemAdmin),
    user: { id: claims.sub, name, email },
    sessionId: claims.sid,
    expiresAt: session.expiresAt,
  };
}

/** Of the given session ids, those that are no longer live (for live connections to re-check). */
export async function endedSessionIds(db: Db, sessionIds: string[], now: Date = systemClock.now()): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const live = await db.userSession.findMany({
    where: { id: { in: sessionIds }, endedAt: null, expiresAt: { gt: now }, user: { active: true } },
    select: { id: true },
  });
  const liveIds = new Set(live.map((s) => s.id));
  return new Set(sessionIds.filter((id) => !liveIds.has(id)));
}

/** Sessions over for more than `keepDays` are of no more use: deleted (the audit log keeps logins and logouts). */
export async function pruneUserSessions(db: Db, keepDays = 7, now: Date = systemClock.now()): Promise<number> {
  const before = new Date(now.getTime() - keepDays * 24 * 3600_000);
  const { count } = await db.userSession.deleteMany({ where: { OR: [{ expiresAt: { lt: before } }, { endedAt: { lt: before } }] } });
  return count;
}
