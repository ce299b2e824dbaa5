import type { ClusterBus } from './cluster-bus';

/** Runs `work` unless another node is running the same job; resolves with its result, or null when skipped. */
export type RunExclusive = <T>(job: string, work: () => Promise<T>) => Promise<T | null>;

/** One node on its own: always runs. */
export const alone: RunExclusive = (_job, work) => work();

/**
 * Several nodes: the periodic jobs (retention, meeting generation) are
 * idempotent, but two nodes running one at the same moment would do the work
 * twice. A Redis key taken with NX marks the run. The running node renews it
 * every third of `ttlMs` (retention over a large backlog rests between batches
 * and may take longer than the TTL); it expires `ttlMs` after the run ends, or
 * after the node died mid-run, so a dead node does not block the job for long.
 */
export function exclusiveOnCluster(bus: ClusterBus, ttlMs = 10 * 60_000): RunExclusive {
  return async (job, work) => {
    const key = bus.channel(`job:${job}`);
    const taken = await bus.commands.set(key, bus.nodeId, 'PX', ttlMs, 'NX');
    if (taken !== 'OK') return null;
    const renew = setInterval(() => void bus.commands.pexpire(key, ttlMs).catch(() => undefined), ttlMs / 3);
    renew.unref();
    try {
      return await work();
    } finally {
      clearInterval(renew);
    }
  };
}
