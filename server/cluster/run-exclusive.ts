import type { ClusterBus } from './cluster-bus';

/** Runs `work` unless another node is running the same job; resolves with its result, or null when skipped. */
export type RunExclusive = <T>(job: string, work: () => Promise<T>) => Promise<T | null>;

/** One node on its own: always runs. */
export const alone: RunExclusive = (_job, work) => work();

/**
 * Several nodes: the periodic jobs (retention, meeting generation) are
 * idempotent, but two nodes running one at the same moment would do the work
 * twice. A Redis key taken with NX marks the run; it expires after `ttlMs`, so
 * a node that dies mid-run does not block the job for long.
 */
export function exclusiveOnCluster(bus: ClusterBus, ttlMs = 10 * 60_000): RunExclusive {
  return async (job, work) => {
    const taken = await bus.commands.set(bus.channel(`job:${job}`), bus.nodeId, 'PX', ttlMs, 'NX');
    if (taken !== 'OK') return null;
    return work();
  };
}
