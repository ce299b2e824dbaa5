import { describe, expect, it } from 'vitest';
import { awaitSavedWriters, type UnsavedWriters, type Waiter } from './await-saved-writers';

/** A waiter whose time moves only when the code under test sleeps. */
function fakeWaiter(): Waiter & { slept: number } {
  let at = 0;
  return {
    slept: 0,
    now: () => at,
    async sleep(ms) {
      at += ms;
      this.slept += ms;
    },
  };
}

const clean: UnsavedWriters = { names: [], unwritten: false };
const limits = { timeoutMs: 3000, everyMs: 25 };

describe('awaitSavedWriters', () => {
  it('does not wait when nobody has unsaved edits', async () => {
    const waiter = fakeWaiter();
    expect(await awaitSavedWriters(() => clean, waiter, limits)).toEqual(clean);
    expect(waiter.slept).toBe(0);
  });

  it('waits until the writers’ edits are confirmed and the node has written them', async () => {
    const waiter = fakeWaiter();
    const states: UnsavedWriters[] = [
      { names: ['Sara Saksbehandler'], unwritten: true },
      { names: ['Sara Saksbehandler'], unwritten: false },
      { names: [], unwritten: true },
      clean,
    ];
    expect(await awaitSavedWriters(() => states.shift()!, waiter, limits)).toEqual(clean);
    expect(waiter.slept).toBe(75);
  });

  it('gives up after the timeout and says who is still pending', async () => {
    const waiter = fakeWaiter();
    const state = { names: ['Lars Leder'], unwritten: false };
    expect(await awaitSavedWriters(() => state, waiter, limits)).toEqual(state);
    expect(waiter.slept).toBe(3000);
  });
});
