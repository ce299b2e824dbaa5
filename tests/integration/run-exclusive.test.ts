import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterBus } from '../../server/cluster/cluster-bus';
import { exclusiveOnCluster } from '../../server/cluster/run-exclusive';
import { createLogger } from '../../server/logger';

const redisUrl = process.env.SAMLET_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A promise the test settles when it chooses: a job that runs until told to end. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('daily jobs with several nodes (real Redis)', () => {
  const prefix = `samlet-test-${randomBytes(4).toString('hex')}:`;
  const log = createLogger('silent');
  const nodeA = new ClusterBus({ url: redisUrl, prefix, log });
  const nodeB = new ClusterBus({ url: redisUrl, prefix, log });
  const heldBy = (node: ClusterBus) => new RegExp(`^${node.nodeId}:`);
  beforeAll(async () => {
    await Promise.all([nodeA.connect(), nodeB.connect()]);
  });
  afterAll(async () => {
    await nodeA.commands.del(`${prefix}job:retention`, `${prefix}job:meeting-generation`);
    await Promise.all([nodeA.close(), nodeB.close()]);
  });

  it('runs a job on one node at a time, for as long as it runs, and again once its key has expired', async () => {
    const ttlMs = 300;
    const onA = exclusiveOnCluster(nodeA, { ttlMs });
    const onB = exclusiveOnCluster(nodeB, { ttlMs });
    let runs = 0;
    const endA = gate();
    const longRun = onA('retention', async () => {
      runs += 1;
      await endA.opened; // runs until the test has seen the key outlive several TTLs
      return 'done on A';
    });
    const key = `${prefix}job:retention`;
    await expect.poll(() => nodeB.commands.get(key)).toMatch(heldBy(nodeA));
    // Wait until A has renewed its key three times (its time to live rose again each time), trying B
    // at every look: the key outlives three TTLs only if it is renewed, and B never gets the job meanwhile.
    let renewals = 0;
    let lastTtl = Number.POSITIVE_INFINITY;
    const answersToB: unknown[] = [];
    await expect
      .poll(
        async () => {
          answersToB.push(await onB('retention', async () => (runs += 1)));
          const ttl = await nodeB.commands.pttl(key);
          if (ttl > lastTtl) renewals += 1;
          lastTtl = ttl;
          return renewals;
        },
        { timeout: 5000, interval: 20 },
      )
      .toBeGreaterThanOrEqual(3);
    // (Checked after the poll: an assertion inside it would only be retried.)
    expect(answersToB.length).toBeGreaterThan(3);
    expect(answersToB.every((answer) => answer === null)).toBe(true);
    expect(await nodeB.commands.get(key)).toMatch(heldBy(nodeA));
    endA.open();
    expect(await longRun).toBe('done on A');
    // Still taken just after the run (no node starts the same job straight after another)…
    expect(await onB('retention', async () => (runs += 1))).toBeNull();
    // …but free once the TTL has passed (each try that is refused runs nothing).
    await expect.poll(() => onB('retention', async () => 'done on B'), { timeout: 2000 }).toBe('done on B');
    expect(runs).toBe(1);
  });

  it('renews only its own key: once another node has taken the job, the first neither extends nor removes its key', async () => {
    const job = 'meeting-generation';
    const key = `${prefix}job:${job}`;
    const lost: string[] = [];
    const onA = exclusiveOnCluster(nodeA, { ttlMs: 300, onLost: (name) => lost.push(name) });
    const onB = exclusiveOnCluster(nodeB, { ttlMs: 60_000 });
    const endA = gate();
    const endB = gate();
    const runA = onA(job, () => endA.opened.then(() => 'done on A'));
    await expect.poll(() => nodeB.commands.get(key)).toMatch(heldBy(nodeA));
    // As if A had stalled past its TTL (a long pause, a Redis failover): its key is gone, and B takes the job.
    await nodeB.commands.del(key);
    const runB = onB(job, () => endB.opened.then(() => 'done on B'));
    await expect.poll(() => nodeB.commands.get(key)).toMatch(heldBy(nodeB));

    // A's next renewal (every 100 ms) finds B's token and stops, leaving B's 60 s untouched…
    await expect.poll(() => lost).toEqual([job]);
    expect(await nodeB.commands.pttl(key)).toBeGreaterThan(30_000);
    // …and so does the end of A's run.
    endA.open();
    expect(await runA).toBe('done on A');
    expect(await nodeB.commands.get(key)).toMatch(heldBy(nodeB));
    expect(await nodeB.commands.pttl(key)).toBeGreaterThan(30_000);

    endB.open();
    expect(await runB).toBe('done on B');
    expect(lost).toEqual([job]);
  });
});
