import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  it('blocks an account after the allowed failures and lets it in again after the window', () => {
    let now = 0;
    const throttle = new LoginThrottle({ windowMs: 1000, maxPerAccount: 3, maxPerAddress: 100 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(throttle.isBlocked('a@x.test', '1.1.1.1')).toBe(false);
      throttle.recordFailure('a@x.test', '1.1.1.1');
    }
    expect(throttle.isBlocked('a@x.test', '1.1.1.1')).toBe(true);
    expect(throttle.isBlocked('b@x.test', '1.1.1.1')).toBe(false);
    now = 1001;
    expect(throttle.isBlocked('a@x.test', '1.1.1.1')).toBe(false);
  });

  it('blocks an address that tries many accounts', () => {
    const throttle = new LoginThrottle({ windowMs: 1000, maxPerAccount: 100, maxPerAddress: 2 }, () => 0);
    throttle.recordFailure('a@x.test', '2.2.2.2');
    throttle.recordFailure('b@x.test', '2.2.2.2');
    expect(throttle.isBlocked('c@x.test', '2.2.2.2')).toBe(true);
    expect(throttle.isBlocked('c@x.test', '3.3.3.3')).toBe(false);
  });

  it('forgets an account’s failures after a success', () => {
    const throttle = new LoginThrottle({ windowMs: 1000, maxPerAccount: 2, maxPerAddress: 100 }, () => 0);
    throttle.recordFailure('a@x.test', '1.1.1.1');
    throttle.recordSuccess('a@x.test');
    throttle.recordFailure('a@x.test', '1.1.1.1');
    expect(throttle.isBlocked('a@x.test', '1.1.1.1')).toBe(false);
  });
});
