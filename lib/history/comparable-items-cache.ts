/**
 * A unit's comparable past items, kept between requests with the token they
 * were loaded under. Loading a unit's 2,000 most recent decisions and
 * splitting their texts into words was most of the meeting room's time
 * (docs/performance.md). The caller computes a cheap token from the database
 * on every use, so a change made on any node (a meeting closed, retention)
 * loads again. Only the `maxUnits` most recently used units are kept.
 */
export class ComparableItemsCache<T> {
  private readonly units = new Map<string, { token: string; items: readonly T[] }>();

  constructor(private readonly maxUnits = 4) {}

  async get(unitId: string, token: string, load: () => Promise<readonly T[]>): Promise<readonly T[]> {
    const kept = this.units.get(unitId);
    this.units.delete(unitId); // re-inserted below: a Map keeps insertion order, so the first key is the least recently used
    if (kept && kept.token === token) {
      this.units.set(unitId, kept);
      return kept.items;
    }
    const items = await load();
    this.units.set(unitId, { token, items });
    for (const oldest of this.units.keys()) {
      if (this.units.size <= this.maxUnits) break;
      this.units.delete(oldest);
    }
    return items;
  }

  get size(): number {
    return this.units.size;
  }
}
