/**
 * The websockets this node holds per login session, so that a session that
 * ends (logout, expiry, deactivation) closes them all at once, and a user
 * whose roles change has theirs checked again. Each entry
 * knows how to close itself (a Yjs websocket and a socket.io socket differ),
 * and each is closed by a timer at its session's absolute expiry.
 */
export type LiveConnection = {
  /** The user's session ended: close for good (Yjs 4401, socket.io `session:ended`). */
  close: () => void;
  /** The user's roles changed: close so the client reconnects and is checked again (Yjs 4100, socket.io `access:changed`). */
  recheck: () => void;
  userId: string;
};

const maxTimerMs = 2 ** 31 - 1;
/**
 * How long an ended session is remembered. A connection is checked against the
 * database as it opens and only then added here; a logout in between would
 * otherwise miss it and leave it open. Minutes cover that window many times over.
 */
const rememberEndedMs = 10 * 60_000;

export class LiveConnections {
  private readonly bySession = new Map<string, Map<LiveConnection, NodeJS.Timeout | null>>();
  /** Session id → when to forget that it ended. Ids are random and never reused. */
  private readonly ended = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Tracks a connection until `remove`; closes it when its session expires, and at
   * once (after the caller has set it up) when its session has ended meanwhile.
   * Returns `remove`.
   */
  add(sessionId: string, expiresAt: Date, connection: LiveConnection): () => void {
    if (this.hasEnded(sessionId)) {
      queueMicrotask(() => connection.close());
      return () => undefined;
    }
    const delay = expiresAt.getTime() - this.now();
    // Beyond setTimeout's range (≈ 24.8 days) the periodic re-check ends it instead.
    const timer = delay < maxTimerMs ? setTimeout(() => connection.close(), Math.max(0, delay)) : null;
    timer?.unref();
    let entries = this.bySession.get(sessionId);
    if (!entries) this.bySession.set(sessionId, (entries = new Map()));
    entries.set(connection, timer);
    return () => this.remove(sessionId, connection);
  }

  /** Closes every connection of these sessions. */
  end(sessionIds: Iterable<string>): number {
    let closed = 0;
    this.forgetOldEnded();
    for (const id of sessionIds) {
      this.ended.set(id, this.now() + rememberEndedMs);
      for (const connection of [...(this.bySession.get(id)?.keys() ?? [])]) {
        connection.close();
        closed += 1;
      }
    }
    return closed;
  }

  /** Closes every connection of a user so that each reconnects and is checked against their new roles. */
  recheckUser(userId: string): number {
    let closed = 0;
    for (const entries of [...this.bySession.values()]) {
      for (const connection of [...entries.keys()]) {
        if (connection.userId !== userId) continue;
        connection.recheck();
        closed += 1;
      }
    }
    return closed;
  }

  sessionIds(): string[] {
    return [...this.bySession.keys()];
  }

  private hasEnded(sessionId: string): boolean {
    const forgetAt = this.ended.get(sessionId);
    return forgetAt !== undefined && forgetAt > this.now();
  }

  private forgetOldEnded(): void {
    const now = this.now();
    for (const [id, forgetAt] of this.ended) if (forgetAt <= now) this.ended.delete(id);
  }

  private remove(sessionId: string, connection: LiveConnection): void {
    const entries = this.bySession.get(sessionId);
    const timer = entries?.get(connection);
    if (timer) clearTimeout(timer);
    entries?.delete(connection);
    if (entries?.size === 0) this.bySession.delete(sessionId);
  }
}
