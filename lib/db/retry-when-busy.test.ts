import { describe, expect, it } from 'vitest';
import { isBusyError, retryWhenBusy } from './retry-when-busy';

const busy = () => new Error('Invalid `tx.case.updateManyAndReturn()` invocation: database is locked');

/** Prisma's P1008 as its SQLite driver adapter gives it: the message says nothing of the lock, the meta does. */
const busyAsTimeout = () =>
  Object.assign(new Error('Invalid `db.concludedDecision.deleteMany()` invocation: Operation has timed out'), {
    code: 'P1008',
    meta: { driverAdapterError: { cause: { originalCode: 'SQLITE_BUSY', originalMessage: 'database is locked', kind: 'SocketTimeout' } } },
  });

describe('retryWhenBusy', () => {
  it('knows the lock by its message and by the driver adapter’s SQLite code under a P1008, and nothing else as it', () => {
    expect([busy(), busyAsTimeout()].map(isBusyError)).toEqual([true, true]);
    const otherTimeout = Object.assign(new Error('Operation has timed out'), { code: 'P1008', meta: {} });
    expect([otherTimeout, new Error('unique constraint'), 'database is locked'].map(isBusyError)).toEqual([false, false, false]);
  });

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
