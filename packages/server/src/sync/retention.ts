import type { FastifyBaseLogger } from 'fastify';

export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

export interface RetentionJob {
  stop(): void;
}

/**
 * Prunes the change log past `settings.changeRetentionDays` shortly after start and then hourly.
 * Several nodes may run it at once: each prune is one transaction that deletes a prefix and
 * raises the floor monotonically, so concurrent runs only repeat work. Failures are logged and
 * retried at the next tick.
 */
export function startRetentionJob(
  prune: () => Promise<number>,
  log: FastifyBaseLogger,
  intervalMs = RETENTION_INTERVAL_MS,
): RetentionJob {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const deleted = await prune();
      if (deleted > 0) log.info({ deleted }, 'pruned changes past the retention window');
    } catch (error) {
      log.warn({ err: error }, 'change-log retention failed; retrying at the next tick');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), Math.min(5_000, intervalMs));
  const timer = setInterval(() => void run(), intervalMs);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
