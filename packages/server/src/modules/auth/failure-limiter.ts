/**
 * Counts failures per key in a sliding window (SPEC §12.1: login allows 10 failures a minute per
 * address and username). @fastify/rate-limit counts every request, which would lock out a busy
 * back office that logs in successfully; here only failures count. Memory is bounded: stale keys
 * are dropped as the window passes.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  isBlocked(key: string): boolean {
    return this.recent(key).length >= this.maxFailures;
  }

  recordFailure(key: string): void {
    const list = this.recent(key);
    list.push(this.now());
    this.failures.set(key, list);
    if (this.failures.size > 10_000) this.prune();
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) {
      const list = this.recent(key);
      if (list.length === 0) this.failures.delete(key);
      else this.failures.set(key, list);
    }
  }
}
