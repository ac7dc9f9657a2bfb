/**
 * Every kind of job the connector runtime puts on the queue, with its payload.
 * Handlers are registered by kind in `runtime-jobs.ts`; nothing enqueues a
 * kind that is not listed here.
 */

export const JOB_KINDS = {
  /** Runs (or resumes) one sync of an installation until its last page. */
  SYNC_RUN: 'sync.run',
  /** Polls one polling trigger of an installation. */
  TRIGGER_POLL: 'trigger.poll',
  /** Fans trigger items (from a poll or an inbound webhook) out to the automations that use the trigger. */
  TRIGGER_EVENTS: 'trigger.events',
  /** REST-hook subscribe / unsubscribe of a webhook trigger. */
  TRIGGER_SUBSCRIBE: 'trigger.subscribe',
  TRIGGER_UNSUBSCRIBE: 'trigger.unsubscribe',
  /** One automation run for one trigger event (or a replay of a failed run). */
  AUTOMATION_RUN: 'automation.run',
  /** One signed delivery attempt of an outbound webhook. */
  WEBHOOK_DELIVER: 'webhook.deliver',
  /** Recurring: enqueues due polls and scheduled syncs. */
  SCHEDULE: 'runtime.schedule',
  /** Recurring: turns platform notifications (needs_reauth, deprecation) into outbound webhook events. */
  RELAY_NOTIFICATIONS: 'outbound.relay-notifications',
  /** Recurring maintenance that used to run on process timers. */
  TOKEN_REFRESH: 'maintenance.token-refresh',
  DEPRECATION_SWEEP: 'maintenance.deprecation-sweep',
  EMAIL_OUTBOX: 'maintenance.email-outbox',
  PRUNE_JOBS: 'maintenance.prune-jobs',
  USAGE_RETENTION: 'maintenance.usage-retention',
  /** Recurring: the partner program's monthly statements and scorecards and quarterly MDF accruals (core/src/partners/jobs). */
  PARTNER_PERIOD_CLOSE: 'partners.period-close',
  /** Recurring: expires lapsed training certificates and deal protections. */
  PARTNER_EXPIRY: 'partners.expiry',
} as const;

export type JobKind = (typeof JOB_KINDS)[keyof typeof JOB_KINDS];

export interface SyncRunPayload {
  installationId: string;
  syncName: string;
  /** Start over from an empty cursor (and, if enabled, detect deletions). */
  full?: boolean;
}

export interface TriggerPollPayload {
  installationId: string;
  triggerName: string;
}

export interface TriggerEventsPayload {
  installationId: string;
  triggerName: string;
  items: unknown[];
  /** Unique per batch (poll slot, inbound message id); with the index it names each event. */
  batchKey: string;
}

export interface TriggerSubscriptionPayload {
  installationId: string;
  triggerName: string;
}

export interface AutomationRunPayload {
  automationId: string;
  event: unknown;
  eventKey: string;
  /** The failed run this one replays. */
  replayOf?: string;
  /** 1 for the first run, 2.. for replays. */
  attempt?: number;
  manual?: boolean;
}

export interface WebhookDeliverPayload {
  deliveryId: string;
}
