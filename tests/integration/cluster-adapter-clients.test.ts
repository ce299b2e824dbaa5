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
    // The failure depends on how the subscriptions fall against the connection's handshake, so try a range.
    for (let delayMs = 0; delayMs < 12; delayMs += 1) {
      const { pub, sub } = await bus.connectedDuplicates();
      sub.on('error', (error: Error) => errors.push(`${delayMs} ms: ${error.message}`));
      pub.on('error', (error: Error) => errors.push(`${delayMs} ms: ${error.message}`));
      expect([pub.status, sub.status]).toEqual(['ready', 'ready']);
      const channel = `adapter-${delayMs}-${randomBytes(3).toString('hex')}`;
      const received = new Promise<string>((resolve) => sub.on('message', (_channel: string, message: string) => resolve(message)));
      // What the adapter does: a pattern and channels now, more for the next namespace a moment later.
      // Not awaited, as the adapter does not: the timing between the two batches is the point.
      const first = [sub.psubscribe(`${channel}#*`), sub.subscribe(`${channel}-request`, `${channel}-response`)];
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await Promise.all([...first, sub.psubscribe(`${channel}-ns#*`), sub.subscribe(channel)]);
      await pub.publish(channel, 'hei');
      await expect(Promise.race([received, new Promise((resolve) => setTimeout(() => resolve('nothing within 5 s'), 5000))])).resolves.toBe(
        'hei',
      );
      pub.disconnect();
      sub.disconnect();
    }
    expect(errors).toEqual([]);
  });
});
