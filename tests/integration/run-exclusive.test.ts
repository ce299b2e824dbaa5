import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterBus } from '../../server/cluster/cluster-bus';
import { exclusiveOnCluster } from '../../server/cluster/run-exclusive';
import { createLogger } from '../../server/logger';

const redisUrl = process.env.SAMLET_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('daily jobs with several nodes (real Redis)', () => {
  const prefix = `samlet-test-${randomBytes(4).toString('hex')}:`;
  const log = createLogger('silent');
  const nodeA = new ClusterBus({ url: redisUrl, prefix, log });
  const nodeB = new ClusterBus({ url: redisUrl, prefix, log });
  beforeAll(async () => {
    await Promise.all([nodeA.connect(), nodeB.connect()]);
  });
  afterAll(async () => {
    await nodeA.commands.del(`${prefix}job:retention`);
    await Promise.all([nodeA.close(), nodeB.close()]);
  });

  it('runs a job on one node at a time, for as long as it runs, and again once its key has expired', async () => {
    const ttlMs = 300;
    const onA = exclusiveOnCluster(nodeA, ttlMs);
    const onB = exclusiveOnCluster(nodeB, ttlMs);
    let runs = 0;
    const longRun = onA('retention', async () => {
      runs += 1;
      await sleep(1000); // more than three TTLs: the key must be renewed meanwhile
      return 'done on A';
    });
    await sleep(50);
    for (const at of [0, 400, 800]) {
      await sleep(at === 0 ? 0 : 400);
      expect(await onB('retention', async () => (runs += 1)), `B at ~${at} ms`).toBeNull();
    }
    expect(await longRun).toBe('done on A');
    // Still taken just after the run (no node starts the same job straight after another)…
    expect(await onB('retention', async () => (runs += 1))).toBeNull();
    // …but free once the TTL has passed.
    await sleep(ttlMs + 100);
    expect(await onB('retention', async () => 'done on B')).toBe('done on B');
    expect(runs).toBe(1);
  });
});
