import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterBus } from '../../server/cluster/cluster-bus';
import { createLogger } from '../../server/logger';

const redisUrl = process.env.SAMLET_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The socket.io Redis adapter subscribes as soon as it is created, and again
 * for every namespace a moment later. On an ioredis connection that is still
 * connecting, such a SUBSCRIBE can go out before ioredis's INFO ready check,
 * which Redis then refuses ("Connection in subscriber mode"): the node started
 * without the adapter's subscriptions and missed the other node's room events
 * (a multi-node test failed on CI that way). The pair handed to the adapter
 * must therefore be connected already.
 */
describe('the Redis clients handed to the socket.io adapter (real Redis)', () => {
  const bus = new ClusterBus({ url: redisUrl, prefix: `samlet-test-${randomBytes(4).toString('hex')}:`, log: createLogger('silent') });
  beforeAll(() => bus.connect());
  afterAll(() => bus.close());

  it('are ready when handed over, so subscribing at once and a moment later raises no error and delivers', async () => {
    const errors: string[] = [];
    // The status check is what fails for a pair handed over while connecting (the old code, every time);
    // the rest checks that the adapter's way of subscribing — a batch now, another after 0, 1, 2, … round
    // trips of the other connection — raises no error and delivers.
    for (let turns = 0; turns < 12; turns += 1) {
      const { pub, sub } = await bus.connectedDuplicates();
      sub.on('error', (error: Error) => errors.push(`${turns} turns: ${error.message}`));
      pub.on('error', (error: Error) => errors.push(`${turns} turns: ${error.message}`));
      expect([pub.status, sub.status]).toEqual(['ready', 'ready']);
      const channel = `adapter-${turns}-${randomBytes(3).toString('hex')}`;
      const received: string[] = [];
      sub.on('message', (_channel: string, message: string) => received.push(message));
      // What the adapter does: a pattern and channels now, more for the next namespace a moment later.
      // Not awaited, as the adapter does not: the timing between the two batches is the point.
      const first = [sub.psubscribe(`${channel}#*`), sub.subscribe(`${channel}-request`, `${channel}-response`)];
      for (let turn = 0; turn < turns; turn += 1) await pub.ping();
      await Promise.all([...first, sub.psubscribe(`${channel}-ns#*`), sub.subscribe(channel)]);
      await pub.publish(channel, 'hei');
      await expect.poll(() => received, { timeout: 5000 }).toEqual(['hei']);
      pub.disconnect();
      sub.disconnect();
    }
    expect(errors).toEqual([]);
  });
});
