import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { FastifyInstance } from 'fastify';

/** One registry per server instance, so several servers in one process (tests) never clash. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'storelink_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const changesWritten = new Counter({
    name: 'storelink_changes_written_total',
    help: 'Master-data changes appended to the change log',
    registers: [registry],
  });
  const movements = new Counter({
    name: 'storelink_movements_total',
    help: 'Movements received from stations, by outcome (accepted, quarantined, pending_reference, duplicate)',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  return { registry, httpDuration, changesWritten, movements };
}

/**
 * `storelink_integration_errors_open`: open integration errors, counted by `count()` each time
 * `/metrics` is scraped (one indexed query). A failed count leaves the last value.
 */
export function registerOpenErrorsGauge(metrics: Metrics, count: () => Promise<number>): void {
  new Gauge({
    name: 'storelink_integration_errors_open',
    help: 'Integration errors waiting for an operator (status open)',
    registers: [metrics.registry],
    async collect() {
      try {
        this.set(await count());
      } catch {
        // The scrape still answers; the database's own health is /readyz's business.
      }
    },
  });
}

export type Metrics = ReturnType<typeof createMetrics>;

export function instrumentRequests(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration
      .labels(request.method, request.routeOptions.url ?? 'unknown', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });
}
