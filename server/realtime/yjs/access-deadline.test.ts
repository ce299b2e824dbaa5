import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../lib/time/clock';
import { editAllowedAt, runAt } from './access-deadline';

describe('runAt', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  // A clock the test moves by hand, independent of the fake timers.
  const movable = (start: number) => {
    let now = start;
    const clock: Clock = { now: () => new Date(now) };
    return { clock, set: (ms: number) => (now = ms) };
  };

  it('runs at the instant, not before, by the given clock', () => {
    const { clock, set } = movable(0);
    const run = vi.fn();
    runAt(clock, new Date(1000), run);
    set(999);
    vi.advanceTimersByTime(1000); // the timer fires, but the clock says 999: armed again
    expect(run).not.toHaveBeenCalled();
    set(1000);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs at once for an instant already passed, never when cancelled', () => {
    const { clock } = movable(5000);
    const past = vi.fn();
    runAt(clock, new Date(4000), past);
    expect(past).toHaveBeenCalledTimes(1);
    const cancelled = vi.fn();
    const cancel = runAt(clock, new Date(6000), cancelled);
    cancel();
    vi.advanceTimersByTime(10_000);
    expect(cancelled).not.toHaveBeenCalled();
  });

  it('waits for an instant beyond setTimeout’s range in steps', () => {
    const { clock, set } = movable(0);
    const run = vi.fn();
    const fortyDays = 40 * 24 * 3600_000;
    runAt(clock, new Date(fortyDays), run);
    set(2 ** 31 - 1);
    vi.advanceTimersByTime(2 ** 31 - 1);
    expect(run).not.toHaveBeenCalled();
    set(fortyDays);
    vi.advanceTimersByTime(fortyDays - (2 ** 31 - 1));
    expect(run).toHaveBeenCalledTimes(1);
  });
});

describe('editAllowedAt', () => {
  it('allows edits before the instant and refuses them from it on', () => {
    expect(editAllowedAt(null, new Date(10))).toBe(true);
    expect(editAllowedAt(1000, new Date(999))).toBe(true);
    expect(editAllowedAt(1000, new Date(1000))).toBe(false);
  });
});
