import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './limits';

describe('createRateLimiter', () => {
  it('allows a burst, then the sustained rate, and refuses beyond it', () => {
    let now = 0;
    const limiter = createRateLimiter(10, 5, () => now);
    expect(Array.from({ length: 5 }, () => limiter.take())).toEqual([true, true, true, true, true]);
    expect(limiter.take()).toBe(false);
    now += 100; // 0.1 s at 10/s: one more
    expect(limiter.take()).toBe(true);
    expect(limiter.take()).toBe(false);
    now += 10_000; // refills to the burst, not beyond
    expect(Array.from({ length: 6 }, () => limiter.take()).filter(Boolean)).toHaveLength(5);
  });
});
