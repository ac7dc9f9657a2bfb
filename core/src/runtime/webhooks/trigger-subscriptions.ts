/**
 * REST-hook subscriptions of webhook triggers (Zapier's REST hooks): when the
 * first enabled automation uses a webhook trigger, the plugin's `subscribe`
 * registers our URL with the provider; when the last one is disabled,
 * `unsubscribe` removes it. Both run as jobs (retried), and each re-checks
 * whether it is still wanted, so quick enable/disable flips settle correctly.
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { triggerSubscriptions } from '../../db/schema/runtime-triggers.js';
import { automations } from '../../db/schema/runtime.js';
import { JOB_KINDS, type TriggerSubscriptionPayload } from '../job-kinds.js';
import { PermanentJobError } from '../jobs/job-errors.js';
import { enqueueJob } from '../jobs/job-queue.js';
import type { JobHandler } from '../jobs/job-worker.js';
import { invokePlugin, loadInstallation } from '../plugin-invoker.js';
import type { RuntimeDeps } from '../runtime-deps.js';

/** The URL a provider posts a webhook trigger's events to. */
export function inboundWebhookUrl(publicUrl: string, installationId: string, triggerName: string): string {
  return `${publicUrl.replace(/\/$/, '')}/hooks/${installationId}/${encodeURIComponent(triggerName)}`;
}

async function stillWanted(db: DbOrTx, installationId: string, triggerName: string): Promise<boolean> {
  const [row] = await db
    .select({ id: automations.id })
    .from(automations)
    .where(and(eq(automations.triggerInstallationId, installationId), eq(automations.triggerName, triggerName), eq(automations.enabled, true)))
    .limit(1);
  return Boolean(row);
}

/** Queues the subscribe or unsubscribe the trigger now needs (called when an automation is enabled or disabled). */
export async function reconcileSubscription(db: DbOrTx, input: TriggerSubscriptionPayload & { now: Date }): Promise<void> {
  const wanted = await stillWanted(db, input.installationId, input.triggerName);
  await enqueueJob(
    db,
    {
      kind: wanted ? JOB_KINDS.TRIGGER_SUBSCRIBE : JOB_KINDS.TRIGGER_UNSUBSCRIBE,
      maxAttempts: 6,
      idempotencyKey: `${wanted ? 'subscribe' : 'unsubscribe'}:${input.installationId}:${input.triggerName}:${input.now.getTime()}`,
      payload: { installationId: input.installationId, triggerName: input.triggerName } satisfies TriggerSubscriptionPayload,
    },
    input.now,
  );
}

async function subscribe(deps: RuntimeDeps, payload: TriggerSubscriptionPayload): Promise<void> {
  const { installationId, triggerName } = payload;
  if (!(await stillWanted(deps.db, installationId, triggerName))) return;
  const key = and(eq(triggerSubscriptions.installationId, installationId), eq(triggerSubscriptions.triggerName, triggerName));
  const [existing] = await deps.db.select().from(triggerSubscriptions).where(key);
  if (existing) return;
  const loaded = await loadInstallation(deps.db, installationId);
  if ((loaded.manifest.triggers?.[triggerName] as { type?: string } | undefined)?.type !== 'webhook') {
    throw new PermanentJobError('TRIGGER_NOT_WEBHOOK', `${loaded.installation.pluginId} has no webhook trigger named ${triggerName}.`);
  }
  const webhookUrl = inboundWebhookUrl(deps.publicUrl, installationId, triggerName);
  const subscription = await invokePlugin(deps, loaded, 'trigger', triggerName, { op: 'subscribe', webhookUrl });
  await deps.db.insert(triggerSubscriptions).values({ installationId, triggerName, webhookUrl, subscription: subscription ?? {}, createdAt: deps.clock.now() }).onConflictDoNothing();
}

async function unsubscribe(deps: RuntimeDeps, payload: TriggerSubscriptionPayload): Promise<void> {
  const { installationId, triggerName } = payload;
  if (await stillWanted(deps.db, installationId, triggerName)) return;
  const key = and(eq(triggerSubscriptions.installationId, installationId), eq(triggerSubscriptions.triggerName, triggerName));
  const [existing] = await deps.db.select().from(triggerSubscriptions).where(key);
  if (!existing) return;
  const loaded = await loadInstallation(deps.db, installationId);
  await invokePlugin(deps, loaded, 'trigger', triggerName, { op: 'unsubscribe', subscription: existing.subscription });
  await deps.db.delete(triggerSubscriptions).where(key);
}

export function subscriptionJobHandlers(deps: RuntimeDeps): JobHandler[] {
  return [
    { kind: JOB_KINDS.TRIGGER_SUBSCRIBE, run: (job) => subscribe(deps, job.payload as TriggerSubscriptionPayload) },
    { kind: JOB_KINDS.TRIGGER_UNSUBSCRIBE, run: (job) => unsubscribe(deps, job.payload as TriggerSubscriptionPayload) },
  ];
}
