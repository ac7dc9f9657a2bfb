/**
 * The connector runtime as one startable thing: a queue worker with every
 * runtime handler (plus any extra ones, such as the platform's maintenance
 * tasks), and a recurring-job ticker that enqueues the scheduler, the
 * notification relay and maintenance once per slot. Every process may run
 * one; idempotency keys and SKIP LOCKED keep them from doing work twice.
 */
import { systemClock } from '../clock.js';
import { automationJobHandler } from './automations/automation-runner.js';
import { JOB_KINDS } from './job-kinds.js';
import { enqueueJob, pruneJobs } from './jobs/job-queue.js';
import { JobWorker, type JobHandler } from './jobs/job-worker.js';
import { relayJobHandler } from './outbound/notification-relay.js';
import { webhookDeliveryJobHandler } from './outbound/webhook-delivery.js';
import type { RuntimeDeps } from './runtime-deps.js';
import { syncJobHandler } from './syncs/sync-runner.js';
import { pollJobHandler } from './triggers/poll-runner.js';
import { scheduleJobHandler } from './triggers/runtime-schedule.js';
import { triggerEventsJobHandler } from './triggers/trigger-events.js';
import { pruneInboundWebhooks } from './webhooks/inbound-webhook-route.js';
import { subscriptionJobHandlers } from './webhooks/trigger-subscriptions.js';

export interface RecurringJob {
  kind: string;
  everyMs: number;
}

/** Succeeded jobs and inbound message ids are kept this long. */
export const RETENTION_MS = 7 * 86_400_000;

export const RUNTIME_RECURRING_JOBS: readonly RecurringJob[] = [
  { kind: JOB_KINDS.SCHEDULE, everyMs: 30_000 },
  { kind: JOB_KINDS.RELAY_NOTIFICATIONS, everyMs: 60_000 },
  { kind: JOB_KINDS.PRUNE_JOBS, everyMs: 3_600_000 },
];

export function runtimeJobHandlers(deps: RuntimeDeps): JobHandler[] {
  return [
    syncJobHandler(deps),
    pollJobHandler(deps),
    triggerEventsJobHandler(deps),
    ...subscriptionJobHandlers(deps),
    automationJobHandler(deps),
    webhookDeliveryJobHandler(deps),
    scheduleJobHandler(deps),
    relayJobHandler(deps),
    {
      kind: JOB_KINDS.PRUNE_JOBS,
      run: async () => {
        const before = new Date(deps.clock.now().getTime() - RETENTION_MS);
        await pruneJobs(deps.db, before);
        await pruneInboundWebhooks(deps.db, before);
      },
    },
  ];
}

export interface ConnectorRuntimeOptions {
  deps: RuntimeDeps;
  /** Handlers besides the runtime's (e.g. maintenance tasks), with their schedules. */
  extraHandlers?: JobHandler[];
  extraRecurring?: RecurringJob[];
  concurrency?: number;
  leaseMs?: number;
  pollMs?: number;
  /** How often the ticker checks whether a recurring job's slot has started. */
  tickMs?: number;
  workerId?: string;
}

export class ConnectorRuntime {
  readonly worker: JobWorker;
  private readonly recurring: RecurringJob[];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ConnectorRuntimeOptions) {
    this.worker = new JobWorker({
      db: options.deps.db,
      handlers: [...runtimeJobHandlers(options.deps), ...(options.extraHandlers ?? [])],
      clock: options.deps.clock ?? systemClock,
      logger: options.deps.logger,
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
      ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
      ...(options.workerId !== undefined ? { workerId: options.workerId } : {}),
    });
    this.recurring = [...RUNTIME_RECURRING_JOBS, ...(options.extraRecurring ?? [])];
  }

  /** Enqueues each recurring job whose current slot has no job yet. */
  async tick(): Promise<number> {
    const now = this.options.deps.clock.now();
    let created = 0;
    for (const r of this.recurring) {
      const slot = Math.floor(now.getTime() / r.everyMs);
      const result = await enqueueJob(this.options.deps.db, { kind: r.kind, maxAttempts: 3, idempotencyKey: `recurring:${r.kind}:${slot}`, runAt: new Date(slot * r.everyMs) }, now);
      if (result.created) created += 1;
    }
    if (created) this.worker.wake();
    return created;
  }

  start(): void {
    this.worker.start();
    const tick = () => void this.tick().catch((err) => this.options.deps.logger.warn({ err: (err as Error).message }, 'recurring job tick failed'));
    tick();
    this.timer = setInterval(tick, this.options.tickMs ?? 5_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.worker.stop();
  }
}
