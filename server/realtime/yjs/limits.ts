/**
 * What one Yjs client may do (docs/realtime.md). Generous for people — fast
 * typing sends tens of updates a second, a meeting room holds a few documents
 * open — and far below what would let one client slow a node for everyone.
 */
export const yjsLimits = {
  /** Largest frame; the ws library closes with 1009 above it. */
  maxMessageBytes: 2 * 1024 * 1024,
  /** Sustained messages a second per connection (updates, awareness, sync). */
  messagesPerSecond: 100,
  /** Messages a connection may send at once before the sustained rate applies. */
  messageBurst: 300,
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
