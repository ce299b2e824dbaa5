/**
 * What one Yjs client may do (docs/realtime.md, "Limits"). Sized from rates
 * measured through the page in Chromium (bench/client-message-rate.ts): the
 * app's client coalesces its updates (50 ms) and awareness (100 ms), so it
 * sends at most ~30 messages a second however fast anyone types or pastes —
 * a third of the sustained rate, a tenth of the burst. A client that does
 * exceed it (the stock client under a script) is paused and closed with 1013,
 * reconnects and re-sends; far below what would let one client slow a node.
 */
export const yjsLimits = {
  /** Largest frame; the ws library closes with 1009 above it. */
  maxMessageBytes: 2 * 1024 * 1024,
  /** Sustained messages a second per connection (updates, awareness, sync). */
  messagesPerSecond: 100,
  /** Messages a connection may send at once before the sustained rate applies. */
  messageBurst: 300,
  /** Over the limit: the connection is not read for this long, then closed with 1013 (the client reconnects). */
  overLimitPauseMs: 1000,
  /** Open Yjs connections per user on one node; the next upgrade is refused with 429. */
  connectionsPerUser: 50,
} as const;

/**
 * A token bucket: `take()` answers false once a client sends faster than
 * `perSecond` for longer than `burst` allows.
 */
export function createRateLimiter(perSecond: number, burst: number, now: () => number = () => performance.now()) {
  let tokens = burst;
  let last = now();
  return {
    take(): boolean {
      const at = now();
      tokens = Math.min(burst, tokens + ((at - last) / 1000) * perSecond);
      last = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
