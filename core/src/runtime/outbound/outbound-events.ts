/**
 * Emitting an outbound webhook event: one delivery row per enabled endpoint of
 * the workspace that subscribed to the event type, plus a delivery job — in
 * the caller's transaction, so an event exists exactly when what it reports
 * committed. Payloads follow the Standard Webhooks shape `{ type, timestamp, data }`.
 * @see https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema/runtime.js';
import { JOB_KINDS } from '../job-kinds.js';
import { enqueueJob } from '../jobs/job-queue.js';

export const OUTBOUND_EVENT_TYPES = ['installation.needs_reauth', 'sync.completed', 'run.failed', 'version.deprecated'] as const;
export type OutboundEventType = (typeof OUTBOUND_EVENT_TYPES)[number];

/** Standard Webhooks suggest retrying over about three days; these are the waits after each failed attempt. */
export const DELIVERY_SCHEDULE_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000] as const;
export const DELIVERY_MAX_ATTEMPTS = DELIVERY_SCHEDULE_MS.length + 1;

export interface OutboundEvent {
  workspaceId: string;
  type: OutboundEventType;
  data: Record<string, unknown>;
  /** Stable id (becomes `webhook-id`); emitting the same id twice delivers once. Default: a new id. */
  id?: string;
  now: Date;
}

/** Returns how many deliveries were created. */
export async function emitEvent(db: DbOrTx, event: OutboundEvent): Promise<number> {
  const endpoints = await db
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events, createdAt: webhookEndpoints.createdAt })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workspaceId, event.workspaceId), eq(webhookEndpoints.enabled, true)));
  const eventId = event.id ?? `evt_${randomUUID().replace(/-/g, '')}`;
  const payload = { type: event.type, timestamp: event.now.toISOString(), data: event.data };
  let created = 0;
  for (const endpoint of endpoints) {
    if (endpoint.events.length > 0 && !endpoint.events.includes(event.type)) continue;
    // An endpoint hears only of what happened after it was added.
    if (endpoint.createdAt.getTime() > event.now.getTime()) continue;
    const [delivery] = await db
      .insert(webhookDeliveries)
      .values({ endpointId: endpoint.id, eventType: event.type, eventId, payload, status: 'pending', nextAttemptAt: event.now, createdAt: event.now })
      .onConflictDoNothing()
      .returning({ id: webhookDeliveries.id });
    if (!delivery) continue;
    await enqueueJob(db, { kind: JOB_KINDS.WEBHOOK_DELIVER, payload: { deliveryId: delivery.id }, maxAttempts: DELIVERY_MAX_ATTEMPTS, idempotencyKey: `webhook:${delivery.id}`, runAt: event.now }, event.now);
    created += 1;
  }
  return created;
}
