export interface BackoffOptions {
  /** First delay (default 500 ms). */
  baseMs?: number;
  /** Cap of the delay (default 30 s): after any outage, however long, retries keep coming this often. */
  maxMs?: number;
}

/**
 * Exponential back-off with "equal jitter": attempt n waits between half and all of
 * min(max, base × 2^(n-1)). The jitter spreads a fleet of stations that lost the server at the
 * same moment, so they do not all knock again in the same instant.
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions = {}, random = Math.random): number {
  const base = options.baseMs ?? 500;
  const max = options.maxMs ?? 30_000;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Sleeps `ms`, or less if `signal` aborts (it then resolves, never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
