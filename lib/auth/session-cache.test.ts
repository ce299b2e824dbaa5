import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache';
import type { LiveSession } from './user-sessions';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 8, 9, 0, seconds));
const session = (userId: string, expiresAt = at(3600)): LiveSession => ({
  actor: { userId, memberships: [{ unitId: 'u1', role: 'saksbehandler' }] },
  user: { id: userId, name: 'Sara', email: 'sara@demo.test' },
  sessionId: `s-${userId}`,
  expiresAt,
});

/** A read that counts how often the database would be asked. */
function reader(result: LiveSession | null) {
  const read = async () => {
    read.calls += 1;
    return result;
  };
  read.calls = 0;
  return read;
}

describe('SessionCache', () => {
  it('answers from memory within its time to live, from the database after it', async () => {
    const cache = new SessionCache({ ttlMs: 5000 });
    const read = reader(session('a'));
    await cache.load('s1', 'a', at(0), read);
    await cache.load('s1', 'a', at(4), read);
    expect(read.calls).toBe(1);
    await cache.load('s1', 'a', at(5), read);
    expect(read.calls).toBe(2);
  });

  it('never keeps a refusal, nor answers for another user, nor past the session’s own expiry', async () => {
    const cache = new SessionCache({ ttlMs: 60_000 });
    const none = reader(null);
    await cache.load('s1', 'a', at(0), none);
    await cache.load('s1', 'a', at(1), none);
    expect(none.calls).toBe(2);
    const read = reader(session('a', at(10)));
    await cache.load('s2', 'a', at(0), read);
    // A cookie claiming someone else with this session id is checked again (and refused by the database).
    expect(await cache.load('s2', 'b', at(1), reader(null))).toBeNull();
    await cache.load('s2', 'a', at(9), read);
    expect(read.calls).toBe(1);
    expect(await cache.load('s2', 'a', at(10), reader(null))).toBeNull();
  });

  it('drops ended sessions and a changed user’s sessions at once', async () => {
    const cache = new SessionCache({ ttlMs: 60_000 });
    const [a, b] = [reader(session('a')), reader(session('b'))];
    await cache.load('s1', 'a', at(0), a);
    await cache.load('s2', 'a', at(0), a);
    await cache.load('s3', 'b', at(0), b);
    cache.dropSessions(['s1']);
    expect(await cache.load('s1', 'a', at(1), reader(null))).toBeNull();
    cache.dropUser('a');
    expect(await cache.load('s2', 'a', at(1), reader(null))).toBeNull();
    await cache.load('s3', 'b', at(1), b);
    expect(b.calls).toBe(1);
  });

  it('a read that began before a drop does not put its (now stale) answer back', async () => {
    const cache = new SessionCache({ ttlMs: 60_000 });
    let finish: (value: LiveSession) => void = () => undefined;
    const slow = cache.load('s1', 'a', at(0), () => new Promise<LiveSession>((resolve) => (finish = resolve)));
    cache.dropSessions(['s1']); // the logout commits and is announced while the read is on its way
    finish(session('a'));
    expect(await slow).not.toBeNull(); // that request saw the session as it was when it asked
    const after = reader(null);
    expect(await cache.load('s1', 'a', at(1), after)).toBeNull();
    expect(after.calls).toBe(1);
  });

  it('switched off (cut off from the other nodes), it keeps nothing and forgets what it had', async () => {
    const cache = new SessionCache({ ttlMs: 60_000 });
    const read = reader(session('a'));
    await cache.load('s1', 'a', at(0), read);
    cache.setEnabled(false);
    await cache.load('s1', 'a', at(1), read);
    await cache.load('s1', 'a', at(2), read);
    expect(read.calls).toBe(3);
    expect(cache.size).toBe(0);
    cache.setEnabled(true);
    await cache.load('s1', 'a', at(3), read);
    await cache.load('s1', 'a', at(4), read);
    expect(read.calls).toBe(4);
  });

  it('holds at most maxEntries sessions, dropping the oldest', async () => {
    const cache = new SessionCache({ ttlMs: 60_000, maxEntries: 2 });
    for (const id of ['s1', 's2', 's3']) await cache.load(id, 'a', at(0), reader(session('a')));
    expect(cache.size).toBe(2);
    const again = reader(session('a'));
    await cache.load('s1', 'a', at(1), again);
    expect(again.calls).toBe(1);
  });
});
