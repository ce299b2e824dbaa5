import { randomBytes } from 'node:crypto';
import type { ClusterBus } from './cluster-bus';

/** Runs `work` unless another node is running the same job; resolves with its result, or null when skipped. */
export type RunExclusive = <T>(job: string, work: () => Promise<T>) => Promise<T | null>;

/** One node on its own: always runs. */
export const alone: RunExclusive = (_job, work) => work();

export type ExclusiveOptions = {
  ttlMs?: number;
  /** Told when this node found its key held by another run (it expired meanwhile): the job may now run twice. */
  onLost?: (job: string) => void;
};

// Compare-and-extend in one step: a GET then a PEXPIRE from here could extend a key that another node
// took between the two. Returns 1 when the key was still ours and is extended, else 0.
const extendIfOwner = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/**
 * Several nodes: the periodic jobs (retention, meeting generation) are
 * idempotent, but two nodes running one at the same moment would do the work
 * twice. A Redis key taken with NX marks the run, holding a token of this run
 * alone. The running node renews it every third of the TTL (retention over a
 * large backlog rests between batches and may take longer than the TTL) — only
 * while the key still holds its token: after a pause longer than the TTL
 * another node may have taken the key, and extending it would keep that
 * node's run alive on our clock. When the run ends the key is extended once
 * more, not deleted, so no node starts the same job straight after another; it
 * expires the TTL after the run ends, or after the node died mid-run.
 */
export function exclusiveOnCluster(bus: ClusterBus, options: ExclusiveOptions = {}): RunExclusive {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  return async (job, work) => {
    const key = bus.channel(`job:${job}`);
    const token = `${bus.nodeId}:${randomBytes(6).toString('base64url')}`;
    const taken = await bus.commands.set(key, token, 'PX', ttlMs, 'NX');
    if (taken !== 'OK') return null;
    let held = true;
    const renew = async () => {
      if (!held) return;
      const extended = await bus.commands.eval(extendIfOwner, 1, key, token, ttlMs).catch(() => null);
      // A failed call (Redis away) says nothing about the owner: try again at the next tick. Two renewals
      // can be under way at once (a tick while Redis is slow, the last one at the end): the loss is told once.
      if (extended === 0 && held) {
        held = false;
        options.onLost?.(job);
      }
    };
    const renewal = setInterval(() => void renew(), ttlMs / 3);
    renewal.unref();
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      await renew();
    }
  };
}
