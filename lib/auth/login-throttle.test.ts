import { describe, expect, it } from 'vitest';
import { LoginThrottle, MemoryThrottleStore, type ThrottleStore } from './login-throttle';

describe('LoginThrottle', async () => {
  it('blocks an account after the allowed failures and lets it in again after the window', async () => {
    let now = 0;
    const throttle = new LoginThrottle({ windowMs: 1000, maxPerAccount: 3, maxPerAddress: 100 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(await throttle.isBlocked('a@x.test', '1.1.1.1')).toBe(false);
      await throttle.recordFailure('a@x.test', '1.1.1.1');
    }
    expect(await throttle.isBlocked('a@x.test', '1.1.1.1')).toBe(true);
    expect(await throttle.isBlocked('b@x.test', '1.1.1.1')).toBe(false);
    now = 1001;
    expect(await throttle.isBlocked('a@x.test', '1.1.1.1')).toBe(false);
  });

  it('blocks an address that tries many accounts', async () => {
    const throttle = new LoginThrottle({ windowMs: 1000, maxPerAccount: 100, maxPerAddress: 2 }, () => 0);
    await throttle.recordFailure('a@x.test', '2.2.2.2');
    await throttle.recordFailure('b@x.test', '2.2.2.2');
    expect(await throttle.isBlocked('c@x.test', '2.2.2.2')).toBe(true);
    expect(await throttle.isBlocked('c@x.test', '3.3.3.3')).toBe(false);
  });

  it('forgets an account’s failures after a success', async () => {
    const throttle = new LoginThrottle({ windowMs: 1000, maxPerAccount: 2, maxPerAddress: 100 }, () => 0);
    await throttle.recordFailure('a@x.test', '1.1.1.1');
    await throttle.recordSuccess('a@x.test');
    await throttle.recordFailure('a@x.test', '1.1.1.1');
    expect(await throttle.isBlocked('a@x.test', '1.1.1.1')).toBe(false);
  });
});

describe('LoginThrottle with a shared store', () => {
  it('counts in the shared store, and in its own memory when that store fails', async () => {
    const shared = new MemoryThrottleStore();
    const nodeA = new LoginThrottle({ windowMs: 1000, maxPerAccount: 2, maxPerAddress: 100 }, () => 0, shared);
    const nodeB = new LoginThrottle({ windowMs: 1000, maxPerAccount: 2, maxPerAddress: 100 }, () => 0, shared);
    await nodeA.recordFailure('a@x.test', '1.1.1.1');
    await nodeB.recordFailure('a@x.test', '2.2.2.2');
    expect(await nodeA.isBlocked('a@x.test', '3.3.3.3')).toBe(true);

    const broken: ThrottleStore = {
      count: () => Promise.reject(new Error('down')),
      add: () => Promise.reject(new Error('down')),
      clear: () => Promise.reject(new Error('down')),
    };
    const alone = new LoginThrottle({ windowMs: 1000, maxPerAccount: 2, maxPerAddress: 100 }, () => 0, broken);
    await alone.recordFailure('b@x.test', '1.1.1.1');
    await alone.recordFailure('b@x.test', '1.1.1.1');
    expect(await alone.isBlocked('b@x.test', '1.1.1.1')).toBe(true);
  });
});
