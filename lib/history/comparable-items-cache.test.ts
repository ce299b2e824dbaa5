import { describe, expect, it } from 'vitest';
import { ComparableItemsCache } from './comparable-items-cache';

describe('ComparableItemsCache', () => {
  it('loads once per unit and token, and again when the token changes', async () => {
    const cache = new ComparableItemsCache<string>(4);
    let loads = 0;
    const load = (value: string) => async () => {
      loads += 1;
      return [value];
    };
    expect(await cache.get('u1', 't1', load('a'))).toEqual(['a']);
    expect(await cache.get('u1', 't1', load('b'))).toEqual(['a']);
    expect(loads).toBe(1);
    expect(await cache.get('u1', 't2', load('c'))).toEqual(['c']);
    expect(await cache.get('u2', 't2', load('d'))).toEqual(['d']);
    expect(loads).toBe(3);
  });

  it('keeps only the most recently used units', async () => {
    const cache = new ComparableItemsCache<string>(2);
    let loads = 0;
    const load = async () => {
      loads += 1;
      return [];
    };
    await cache.get('u1', 't', load);
    await cache.get('u2', 't', load);
    await cache.get('u1', 't', load); // u1 used again: u2 is now the oldest
    await cache.get('u3', 't', load); // pushes out u2
    expect(cache.size).toBe(2);
    expect(loads).toBe(3);
    await cache.get('u1', 't', load);
    expect(loads).toBe(3);
    await cache.get('u2', 't', load);
    expect(loads).toBe(4);
  });

  it('keeps nothing when loading fails', async () => {
    const cache = new ComparableItemsCache<string>(2);
    await expect(cache.get('u1', 't', async () => Promise.reject(new Error('database away')))).rejects.toThrow('database away');
    expect(cache.size).toBe(0);
    expect(await cache.get('u1', 't', async () => ['x'])).toEqual(['x']);
  });

  it('drops the units not used for a while', async () => {
    let now = 0;
    const cache = new ComparableItemsCache<string>(4, () => now);
    await cache.get('u1', 't', async () => ['a']);
    now = 5 * 60_000;
    await cache.get('u2', 't', async () => ['b']);
    now = 11 * 60_000;
    cache.sweep(10 * 60_000);
    expect(cache.size).toBe(1);
    let loads = 0;
    await cache.get('u2', 't', async () => ((loads += 1), ['b']));
    await cache.get('u1', 't', async () => ((loads += 1), ['a']));
    expect(loads).toBe(1); // u2 was kept, u1 loaded again
  });
});
