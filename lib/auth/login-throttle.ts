/**
 * Limits failed logins per account and per client address in a sliding
 * window. In memory, per node: with several nodes each node limits on its own
 * (documented in docs/security.md once issue 7 lands).
 */
export type ThrottleOptions = { windowMs: number; maxPerAccount: number; maxPerAddress: number };

export const defaultThrottle: ThrottleOptions = { windowMs: 15 * 60_000, maxPerAccount: 5, maxPerAddress: 30 };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly options: ThrottleOptions = defaultThrottle,
    private readonly now: () => number = Date.now,
  ) {}

  isBlocked(account: string, address: string): boolean {
    return (
      this.recent(`a:${account}`).length >= this.options.maxPerAccount ||
      this.recent(`ip:${address}`).length >= this.options.maxPerAddress
    );
  }

  recordFailure(account: string, address: string): void {
    for (const key of [`a:${account}`, `ip:${address}`]) {
      this.failures.set(key, [...this.recent(key), this.now()]);
    }
  }

  recordSuccess(account: string): void {
    this.failures.delete(`a:${account}`);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.options.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }
}
