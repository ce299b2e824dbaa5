import { describe, expect, it } from 'vitest';
import { LiveConnections, type LiveConnection } from './live-connections';

const farFuture = new Date(Date.UTC(2100, 0, 1));

function connection(userId = 'u1') {
  const calls: string[] = [];
  const entry: LiveConnection = { userId, close: () => calls.push('close'), recheck: () => calls.push('recheck') };
  return { entry, calls };
}

/** Lets queued microtasks (a deferred close) run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('LiveConnections', () => {
  it('closes every connection of an ended session, and only those', () => {
    const live = new LiveConnections(() => 0);
    const a = connection();
    const b = connection();
    const other = connection();
    live.add('s1', farFuture, a.entry);
    live.add('s1', farFuture, b.entry);
    live.add('s2', farFuture, other.entry);
    expect(live.end(['s1'])).toBe(2);
    expect([a.calls, b.calls, other.calls]).toEqual([['close'], ['close'], []]);
  });

  it('closes a connection added after its session ended (opened, checked, then logged out before it was tracked)', async () => {
    const live = new LiveConnections(() => 0);
    live.end(['s1']);
    const late = connection();
    const remove = live.add('s1', farFuture, late.entry);
    // Not inside add: the caller finishes setting the connection up first.
    expect(late.calls).toEqual([]);
    await settle();
    expect(late.calls).toEqual(['close']);
    expect(live.sessionIds()).toEqual([]);
    remove();
  });

  it('forgets an ended session after ten minutes', async () => {
    let now = 0;
    const live = new LiveConnections(() => now);
    live.end(['s1']);
    now = 10 * 60_000 + 1;
    live.end(['s2']); // prunes what is old
    const late = connection();
    live.add('s1', farFuture, late.entry);
    await settle();
    expect(late.calls).toEqual([]);
    expect(live.sessionIds()).toEqual(['s1']);
  });

  it('rechecks every connection of a user, across sessions', () => {
    const live = new LiveConnections(() => 0);
    const a = connection('u1');
    const b = connection('u1');
    const c = connection('u2');
    live.add('s1', farFuture, a.entry);
    live.add('s2', farFuture, b.entry);
    live.add('s3', farFuture, c.entry);
    expect(live.recheckUser('u1')).toBe(2);
    expect([a.calls, b.calls, c.calls]).toEqual([['recheck'], ['recheck'], []]);
  });
});
