/**
 * Turns platform notifications that are also outbound event types
 * (`installation.needs_reauth` from the connections feature,
 * `version.deprecated` from the deprecation policy) into outbound webhook
 * events — an outbox relay, so those features need not know about webhooks.
 * The notification id is the event id, so relaying twice delivers once.
 */
import { and, gte, inArray, isNotNull } from 'drizzle-orm';
import { notifications } from '../../db/schema/notifications.js';
import { JOB_KINDS } from '../job-kinds.js';
import type { JobHandler } from '../jobs/job-worker.js';
import type { RuntimeDeps } from '../runtime-deps.js';
import { emitEvent, type OutboundEventType } from './outbound-events.js';

export const RELAYED_NOTIFICATION_KINDS: readonly OutboundEventType[] = ['installation.needs_reauth', 'version.deprecated'];
/** How far back each relay pass looks; it runs every minute, so a day covers long outages. */
export const RELAY_WINDOW_MS = 86_400_000;

export async function relayNotifications(deps: Pick<RuntimeDeps, 'db' | 'clock'>): Promise<number> {
  const since = new Date(deps.clock.now().getTime() - RELAY_WINDOW_MS);
  const recent = await deps.db
    .select()
    .from(notifications)
    .where(and(inArray(notifications.kind, [...RELAYED_NOTIFICATION_KINDS]), isNotNull(notifications.workspaceId), gte(notifications.createdAt, since)));
  let created = 0;
  for (const n of recent) {
    created += await deps.db.transaction((tx) =>
      emitEvent(tx, { workspaceId: n.workspaceId!, type: n.kind as OutboundEventType, id: `ntf_${n.id}`, data: { title: n.title, body: n.body, link: n.link }, now: n.createdAt }),
    );
  }
  return created;
}

export function relayJobHandler(deps: RuntimeDeps): JobHandler {
  return {
    kind: JOB_KINDS.RELAY_NOTIFICATIONS,
    run: async () => {
      await relayNotifications(deps);
    },
  };
}
