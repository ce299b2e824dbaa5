import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ThrottleStore } from '../../lib/auth/login-throttle';

/**
 * Failed logins in Redis (a sorted set per account or address, scored by
 * time), so the login limit holds for the installation, not per node.
 * Keys expire with the window; nothing else is kept.
 */
export class RedisThrottleStore implements ThrottleStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async count(key: string, since: number): Promise<number> {
    const name = this.key(key);
    const [, counted] = (await this.redis.multi().zremrangebyscore(name, '-inf', since).zcard(name).exec()) ?? [];
    if (!counted || counted[0]) throw counted?.[0] ?? new Error('redis: no reply');
    return Number(counted[1]);
  }

  async add(keys: string[], at: number, windowMs: number): Promise<void> {
    const multi = this.redis.multi();
    for (const key of keys) {
      multi.zadd(this.key(key), at, `${at}:${randomBytes(4).toString('hex')}`).pexpire(this.key(key), windowMs);
    }
    const replies = await multi.exec();
    const failed = replies?.find(([error]) => error);
    if (failed) throw failed[0];
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.key(key));
  }

  private key(key: string): string {
    return `${this.prefix}throttle:${key}`;
  }
}
