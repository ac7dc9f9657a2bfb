/**
 * Prometheus metrics (prom-client) with standard names: HTTP request
 * durations, sandbox invocations by outcome, job queue depth and age, sync
 * throughput and token refresh outcomes. Gauges that live in the database are
 * read when Prometheus scrapes.
 */
import type { MiddlewareHandler } from 'hono';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export class PlatformMetrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly invocations = new Counter({ name: 'nudge_plugin_invocations_total', help: 'Sandbox invocations by kind and outcome.', labelNames: ['kind', 'outcome'], registers: [this.registry] });
  readonly invocationDuration = new Histogram({
    name: 'nudge_plugin_invocation_duration_seconds',
    help: 'Sandbox invocation wall time.',
    labelNames: ['kind'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [this.registry],
  });
  readonly recordsSynced = new Counter({ name: 'nudge_sync_records_total', help: 'Records synced.', labelNames: ['plugin'], registers: [this.registry] });
  readonly tokenRefreshes = new Counter({ name: 'nudge_token_refresh_total', help: 'Token refresh outcomes.', labelNames: ['outcome'], registers: [this.registry] });
  readonly jobQueueDepth = new Gauge({ name: 'nudge_job_queue_depth', help: 'Jobs waiting, by state.', labelNames: ['state'], registers: [this.registry] });
  readonly jobQueueAge = new Gauge({ name: 'nudge_job_queue_oldest_age_seconds', help: 'Age of the oldest runnable job.', registers: [this.registry] });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** Times every request under its matched route pattern (never the raw path, to bound label cardinality). */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const end = this.httpDuration.startTimer();
      try {
        await next();
      } finally {
        end({ method: c.req.method, route: c.req.routePath || 'unmatched', status: String(c.res.status) });
      }
    };
  }
}
