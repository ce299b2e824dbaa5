import type { LiveSession } from './user-sessions';

/**
 * Live sessions kept for a few seconds, so that a page, an API call or a
 * socket.io event does not read the session, the user and their roles from
 * the database every time (three statements through Prisma on each).
 *
 * What keeps it correct is not the short life but the emptying: every change
 * that can make a kept session wrong — a logout, a deactivation, revoked
 * access, a role added, changed or removed — drops it on every node before
 * the change is answered (server/cluster/cluster-control.ts waits for each
 * node's acknowledgement). The time to live only bounds what nothing
 * announces (a system administrator granted from the command line, a change
 * made in the database by hand).
 *
 * A load that started before a drop must not put back what the drop took
 * away: `load` stores its result only when no drop happened meanwhile.
 */
export class SessionCache {
  private readonly sessions = new Map<string, { live: LiveSession; until: number }>();
  /** Counts drops; a load keeps its result only if this did not move while it ran. */
  private drops = 0;
  private enabled = true;

  constructor(private readonly options: { ttlMs: number; maxEntries?: number } = { ttlMs: 5000 }) {}

  /**
   * The kept session for `sessionId` (its user must be `userId`), or the one
   * `read` finds; null is never kept. An ended session is gone from here
   * before its end is answered; an expired one is refused here too.
   */
  async load(sessionId: string, userId: string, now: Date, read: () => Promise<LiveSession | null>): Promise<LiveSession | null> {
    const kept = this.sessions.get(sessionId);
    const at = now.getTime();
    const fresh = kept && kept.until > at && kept.live.expiresAt.getTime() > at;
    if (fresh && kept.live.user.id === userId) return kept.live;
    if (kept && !fresh) this.sessions.delete(sessionId);
    const dropsBefore = this.drops;
    const live = await read();
    if (live && this.enabled && this.drops === dropsBefore) this.keep(sessionId, live, at);
    return live;
  }

  private keep(sessionId: string, live: LiveSession, at: number): void {
    const max = this.options.maxEntries ?? 10_000;
    // A Map iterates in insertion order: the first key is the oldest kept.
    if (this.sessions.size >= max) this.sessions.delete(this.sessions.keys().next().value!);
    this.sessions.set(sessionId, { live, until: at + this.options.ttlMs });
  }

  /** These sessions ended (logout, deactivation, revoked): read from the database next time. */
  dropSessions(sessionIds: readonly string[]): void {
    this.drops += 1;
    for (const id of sessionIds) this.sessions.delete(id);
  }

  /** This user's roles or account changed: every session of theirs is read again. */
  dropUser(userId: string): void {
    this.drops += 1;
    for (const [id, kept] of this.sessions) if (kept.live.user.id === userId) this.sessions.delete(id);
  }

  /**
   * Off while this node may miss a drop (cut off from the other nodes): nothing
   * kept is used and nothing is kept. On again once it hears them again.
   */
  setEnabled(enabled: boolean): void {
    if (!enabled) this.clear();
    this.enabled = enabled;
  }

  clear(): void {
    this.drops += 1;
    this.sessions.clear();
  }

  get size(): number {
    return this.sessions.size;
  }
}
