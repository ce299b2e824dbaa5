/**
 * A unit's comparable past items, kept between requests with the token they
 * were loaded under. Loading a unit's 2,000 most recent decisions and
 * splitting their texts into words was most of the meeting room's time
 * (docs/performance.md). The caller computes a cheap token from the database
 * on every use, so a change made on any node (a meeting closed, retention)
 * loads again. Only the `maxUnits` most recently used units are kept, and
 * `sweep` drops those not used for a while: the items hold health text (as
 * words), which should not outlive its use — an anonymised case's words
 * included.
 */
export class ComparableItemsCache<T> {
  private readonly units = new Map<string, { token: string; items: readonly T[]; usedAt: number }>();

  constructor(
    private readonly maxUnits = 4,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(unitId: string, token: string, load: () => Promise<readonly T[]>): Promise<readonly T[]> {
    const kept = this.units.get(unitId);
    this.units.delete(unitId); // re-inserted below: a Map keeps insertion order, so the first key is the least recently used
    if (kept && kept.token === token) {
      this.units.set(unitId, { ...kept, usedAt: this.clock() });
      return kept.items;
    }
    const items = await load();
    this.units.set(unitId, { token, items, usedAt: this.clock() });
    for (const oldest of this.units.keys()) {
      if (this.units.size <= this.maxUnits) break;
      this.units.delete(oldest);
    }
    return items;
  }

  /** Drops the units not used for `idleMs`. */
  sweep(idleMs: number): void {
    const before = this.clock() - idleMs;
    for (const [unitId, kept] of this.units) if (kept.usedAt < before) this.units.delete(unitId);
  }

  get size(): number {
    return this.units.size;
  }
}
