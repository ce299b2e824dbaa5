import { describe, expect, it } from 'vitest';
import { retryWhenBusy } from './retry-when-busy';

const busy = () => new Error('Invalid `tx.case.updateManyAndReturn()` invocation: database is locked');

describe('retryWhenBusy', () => {
  it('runs the transaction again after SQLite says the database is locked, pausing longer each time', async () => {
    const pauses: number[] = [];
    let calls = 0;
    const result = await retryWhenBusy(
      () => {
        calls += 1;
        return calls < 3 ? Promise.reject(busy()) : Promise.resolve('done');
      },
      { pause: (ms) => (pauses.push(ms), Promise.resolve()) },
    );
    expect([result, calls, pauses]).toEqual(['done', 3, [50, 100]]);
  });

  it('gives up after the last attempt, and never retries another error', async () => {
    let calls = 0;
    const always = () => ((calls += 1), Promise.reject(busy()));
    await expect(retryWhenBusy(always, { attempts: 3, pause: () => Promise.resolve() })).rejects.toThrow('database is locked');
    expect(calls).toBe(3);
    calls = 0;
    const other = () => ((calls += 1), Promise.reject(new Error('unique constraint')));
    await expect(retryWhenBusy(other, { pause: () => Promise.resolve() })).rejects.toThrow('unique constraint');
    expect(calls).toBe(1);
  });
});
