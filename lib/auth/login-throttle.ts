import { optionalRuntimeService, registerRuntimeServices } from '../runtime/services';

/**
 * Limits failed logins per account and per client address in a sliding
 * window. The failures are kept in a `ThrottleStore`: in memory on one node,
 * or — registered by the server when several nodes run — in Redis, so the
 * limit holds for the installation and not per node.
 */
export type ThrottleOptions = { windowMs: number; maxPerAccount: number; maxPerAddress: number };

export const defaultThrottle: ThrottleOptions = { windowMs: 15 * 60_000, maxPerAccount: 5, maxPerAddress: 30 };

export interface ThrottleStore {
  /** How many failures were recorded under `key` after `since` (ms since the epoch). */
  count(key: string, since: number): Promise<number>;
  /** Records a failure under each key; entries may be forgotten `windowMs` after `at`. */
  add(keys: string[], at: number, windowMs: number): Promise<void>;
  clear(key: string): Promise<void>;
}

export class MemoryThrottleStore implements ThrottleStore {
  private readonly failures = new Map<string, number[]>();

  async count(key: string, since: number): Promise<number> {
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept.length;
  }

  async add(keys: string[], at: number, windowMs: number): Promise<void> {
    for (const key of keys) this.failures.set(key, [...(this.failures.get(key) ?? []).filter((t) => t > at - windowMs), at]);
  }

  async clear(key: string): Promise<void> {
    this.failures.delete(key);
  }
}

/** The server registers the shared store when several nodes run (server/cluster); Next's bundled code finds it there. */
export function registerThrottleStore(store: ThrottleStore): void {
  registerRuntimeServices({ throttleStore: store });
}

export class LoginThrottle {
  private readonly local = new MemoryThrottleStore();

  constructor(
    private readonly options: ThrottleOptions = defaultThrottle,
    private readonly now: () => number = Date.now,
    private readonly store?: ThrottleStore,
  ) {}

  async isBlocked(account: string, address: string): Promise<boolean> {
    const since = this.now() - this.options.windowMs;
    const [byAccount, byAddress] = await this.use((store) =>
      Promise.all([store.count(`a:${account}`, since), store.count(`ip:${address}`, since)]),
    );
    return byAccount >= this.options.maxPerAccount || byAddress >= this.options.maxPerAddress;
  }

  async recordFailure(account: string, address: string): Promise<void> {
    await this.use((store) => store.add([`a:${account}`, `ip:${address}`], this.now(), this.options.windowMs));
  }

  async recordSuccess(account: string): Promise<void> {
    await this.use((store) => store.clear(`a:${account}`));
  }

  /** The shared store if there is one; this node's memory if there is none or it fails (Redis away): never no limit. */
  private async use<T>(work: (store: ThrottleStore) => Promise<T>): Promise<T> {
    const shared = this.store ?? optionalRuntimeService('throttleStore');
    if (shared) {
      try {
        return await work(shared);
      } catch {
        // fall through to this node's own count
      }
    }
    return work(this.local);
  }
}
