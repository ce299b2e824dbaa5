import { describe, expect, it } from 'vitest';
import { fixedClock, systemClock } from './clock';

describe('clock', () => {
  it('a fixed clock stands still at its instant and hands out copies', () => {
    const clock = fixedClock('2026-12-07T15:00:00Z');
    const first = clock.now();
    first.setFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-12-07T15:00:00.000Z');
  });

  it('refuses a value that is not an instant', () => {
    expect(() => fixedClock('mandag')).toThrow(/not an instant/);
  });

  it('the system clock follows the process clock', () => {
    const before = Date.now();
    const read = systemClock.now().getTime();
    expect(read).toBeGreaterThanOrEqual(before);
    expect(read).toBeLessThanOrEqual(Date.now());
  });
});
