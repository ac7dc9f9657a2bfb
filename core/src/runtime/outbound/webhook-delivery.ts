/**
 * Delivering one outbound webhook: signed per Standard Webhooks with the
 * `standardwebhooks` package (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`), sent through the SSRF guard (re-checked at send time:
 * DNS may have changed since the endpoint was saved). 2xx delivers; 410 Gone
 * disables the endpoint; anything else retries on the delivery schedule (or
 * after the receiver's Retry-After) until the job is dead-lettered.
 */
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { SandboxBridgeError } from '@nudgecampaign/plugin-sdk/runtime/types';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema/runtime.js';
import { requireVault } from '../../connections/deps.js';
import { parseRetryAfter } from '../jobs/backoff.js';
import { PermanentJobError, RetryableJobError } from '../jobs/job-errors.js';
import type { JobRow } from '../jobs/job-queue.js';
import type { JobHandler } from '../jobs/job-worker.js';
import { JOB_KINDS, type WebhookDeliverPayload } from '../job-kinds.js';
import type { RuntimeDeps } from '../runtime-deps.js';
import { DELIVERY_SCHEDULE_MS } from './outbound-events.js';
import { outboundGuard } from './webhook-endpoints.js';
import type { EgressGuard } from '../../sandbox/egress-guard.js';

const DELIVERY_TIMEOUT_MS = 15_000;

export async function deliverWebhook(deps: RuntimeDeps, guard: EgressGuard, job: JobRow): Promise<void> {
  const { deliveryId } = job.payload as WebhookDeliverPayload;
  const [row] = await deps.db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row) return; // the endpoint was deleted with its deliveries
  const { delivery, endpoint } = row;
  if (delivery.status === 'delivered' || delivery.status === 'abandoned') return;
  const now = deps.clock.now();
  if (!endpoint.enabled) {
    await deps.db.update(webhookDeliveries).set({ status: 'abandoned', lastError: `endpoint disabled: ${endpoint.disabledReason ?? 'by the customer'}` }).where(eq(webhookDeliveries.id, deliveryId));
    return;
  }
  const secret = requireVault({ vault: deps.vault }).decrypt<string>(endpoint.secret, endpoint.id);
  const body = JSON.stringify(delivery.payload);
  const signature = new Webhook(secret).sign(delivery.eventId, now, body);
  const attempt = delivery.attempts + 1;
  const host = new URL(endpoint.url).hostname.replace(/^\[|\]$/g, '');
  let status = 0;
  let retryAfterMs: number | undefined;
  let error: string | null = null;
  try {
    const res = await guard.fetch(
      {
        url: endpoint.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'NudgeCampaign-Webhooks/1', 'webhook-id': delivery.eventId, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': signature },
        body,
      },
      { allowlist: [host], deadline: Date.now() + DELIVERY_TIMEOUT_MS },
    );
    status = res.status;
    retryAfterMs = parseRetryAfter(res.headers['retry-after'], now);
    if (status < 200 || status >= 300) error = `HTTP ${status}`;
  } catch (err) {
    error = err instanceof SandboxBridgeError ? `${err.code}: ${err.message}` : `${(err as { code?: string }).code ?? 'NETWORK_ERROR'}: ${(err as Error).message}`;
    if (err instanceof SandboxBridgeError) {
      // The URL now points somewhere we may not reach (e.g. DNS rebinding to a private address): stop.
      await deps.db.update(webhookDeliveries).set({ status: 'failed', attempts: attempt, lastError: error }).where(eq(webhookDeliveries.id, deliveryId));
      throw new PermanentJobError(err.code, error);
    }
  }

  if (error === null) {
    await deps.db.update(webhookDeliveries).set({ status: 'delivered', attempts: attempt, responseStatus: status, lastError: null, deliveredAt: now }).where(eq(webhookDeliveries.id, deliveryId));
    return;
  }
  if (status === 410) {
    await deps.db.transaction(async (tx) => {
      await tx.update(webhookEndpoints).set({ enabled: false, disabledReason: 'The endpoint answered 410 Gone.' }).where(eq(webhookEndpoints.id, endpoint.id));
      await tx.update(webhookDeliveries).set({ status: 'abandoned', attempts: attempt, responseStatus: status, lastError: error }).where(eq(webhookDeliveries.id, deliveryId));
    });
    return;
  }
  const last = job.attempts >= job.maxAttempts;
  await deps.db
    .update(webhookDeliveries)
    .set({ status: last ? 'failed' : 'pending', attempts: attempt, responseStatus: status || null, lastError: error, nextAttemptAt: last ? null : new Date(now.getTime() + (retryAfterMs ?? DELIVERY_SCHEDULE_MS[Math.min(attempt, DELIVERY_SCHEDULE_MS.length) - 1]!)) })
    .where(eq(webhookDeliveries.id, deliveryId));
  throw new RetryableJobError(`Delivery to ${host} failed: ${error}`, { ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
}

/** Waits between delivery attempts: the Standard Webhooks-style schedule, with ±10 % jitter. */
export function deliveryBackoff(attempt: number, random: () => number = Math.random): number {
  const base = DELIVERY_SCHEDULE_MS[Math.min(attempt, DELIVERY_SCHEDULE_MS.length) - 1]!;
  return Math.round(base * (0.9 + random() * 0.2));
}

export function webhookDeliveryJobHandler(deps: RuntimeDeps): JobHandler {
  const guard = outboundGuard(deps.outboundEgress);
  return { kind: JOB_KINDS.WEBHOOK_DELIVER, run: (job) => deliverWebhook(deps, guard, job), backoff: (attempt) => deliveryBackoff(attempt) };
}
