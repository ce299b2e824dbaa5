/**
 * Before the chair's lock freezes an item, the edits people have typed must be
 * stored — or the minutes would miss them (docs/realtime.md, "Lock waits for
 * unsaved edits"). This waits, re-checking every `everyMs`, until nobody who
 * may write the item has edits the server has not confirmed as stored and
 * this node has written all it holds, or until `timeoutMs` have passed. Time
 * comes from `waiter`, so a test drives it without waiting.
 */
export type UnsavedWriters = {
  /** Names of the people whose presence says they have unconfirmed edits (sorted, each once). */
  names: string[];
  /** This node still holds edits of the document it has not written. */
  unwritten: boolean;
};

export type Waiter = { now(): number; sleep(ms: number): Promise<void> };

/** Real time, for the running server (monotonic: a moved wall clock does not shorten the wait). */
export const realWaiter: Waiter = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const lockWait = { timeoutMs: 3000, everyMs: 25 } as const;

export async function awaitSavedWriters(
  check: () => UnsavedWriters | Promise<UnsavedWriters>,
  waiter: Waiter = realWaiter,
  limits: { timeoutMs: number; everyMs: number } = lockWait,
): Promise<UnsavedWriters> {
  const start = waiter.now();
  for (;;) {
    const state = await check();
    if (state.names.length === 0 && !state.unwritten) return state;
    if (waiter.now() - start >= limits.timeoutMs) return state;
    await waiter.sleep(limits.everyMs);
  }
}
