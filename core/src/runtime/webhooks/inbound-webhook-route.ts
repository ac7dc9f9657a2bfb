/**
 * `POST /hooks/:installationId/:trigger`: where providers deliver webhook
 * trigger events. In order: the body is capped; the plugin's `verify` runs
 * first (e.g. Shopify's X-Shopify-Hmac-Sha256) with `handle` turning the body
 * into items; only a verified request is checked for replay (its message id
 * is stored once) and queued; the answer is a fast 202 and the automations
 * run from the queue.
 */
import { createHash } from 'node:crypto';
import { lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { inboundWebhooks } from '../../db/schema/runtime.js';
import { AppError, ERROR_CODES, NotFoundError, toProblem } from '../../errors.js';
import { JOB_KINDS, type TriggerEventsPayload } from '../job-kinds.js';
import { PermanentJobError, RetryableJobError } from '../jobs/job-errors.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { invokePlugin, loadInstallation } from '../plugin-invoker.js';
import type { RuntimeDeps } from '../runtime-deps.js';

export const INBOUND_WEBHOOK_CODES = {
  WEBHOOK_SIGNATURE_INVALID: 'WEBHOOK_SIGNATURE_INVALID',
  WEBHOOK_REPLAYED: 'WEBHOOK_REPLAYED',
  WEBHOOK_TIMESTAMP_OUT_OF_RANGE: 'WEBHOOK_TIMESTAMP_OUT_OF_RANGE',
  WEBHOOK_NOT_PROCESSED: 'WEBHOOK_NOT_PROCESSED',
} as const;

export const DEFAULT_MAX_WEBHOOK_BYTES = 1024 * 1024;
/** A signed timestamp older or newer than this is refused (Standard Webhooks: 5 minutes). */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60_000;
const VERIFY_DEADLINE_MS = 10_000;

/** Provider delivery ids, in preference order; without one, the body's hash is the id. */
const MESSAGE_ID_HEADERS = ['webhook-id', 'x-shopify-webhook-id', 'x-github-delivery', 'stripe-webhook-id', 'x-hubspot-request-id', 'x-request-id'];

export interface InboundWebhookOptions {
  maxBodyBytes?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function inboundWebhookRoutes(deps: RuntimeDeps, options: InboundWebhookOptions = {}): Hono {
  const app = new Hono();
  // Same problem+json mapping as the main app, so the route answers correctly wherever it is mounted.
  app.onError((err, c) => {
    const problem = toProblem(err);
    if (problem.status >= 500) deps.logger.error({ err, path: c.req.path }, 'inbound webhook failed');
    return c.json(problem, problem.status as 500, { 'content-type': 'application/problem+json' });
  });
  const maxSize = options.maxBodyBytes ?? DEFAULT_MAX_WEBHOOK_BYTES;
  app.post(
    '/hooks/:installationId/:trigger',
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError(ERROR_CODES.PAYLOAD_TOO_LARGE, `Webhook bodies are limited to ${maxSize} bytes.`);
      },
    }),
    async function receiveWebhook(c) {
      const installationId = c.req.param('installationId');
      const triggerName = c.req.param('trigger');
      if (!UUID.test(installationId)) throw new NotFoundError('Webhook endpoint');
      const rawBody = await c.req.text();
      const headers: Record<string, string> = {};
      c.req.raw.headers.forEach((value, name) => void (headers[name.toLowerCase()] = value));
      let body: unknown = null;
      try {
        body = rawBody ? JSON.parse(rawBody) : null;
      } catch {
        body = null;
      }
      let loaded;
      try {
        loaded = await loadInstallation(deps.db, installationId);
      } catch (err) {
        if (err instanceof PermanentJobError) throw new NotFoundError('Webhook endpoint');
        throw err;
      }
      if ((loaded.manifest.triggers?.[triggerName] as { type?: string } | undefined)?.type !== 'webhook') throw new NotFoundError('Webhook endpoint');

      const url = new URL(c.req.url);
      const request = { method: 'POST', path: url.pathname, headers, query: Object.fromEntries(url.searchParams), body, rawBody };
      let result: { verified?: boolean; items?: unknown[] };
      try {
        result = (await invokePlugin(deps, loaded, 'webhook', triggerName, { request }, deps.clock.now().getTime() + VERIFY_DEADLINE_MS)) as typeof result;
      } catch (err) {
        const retryable = err instanceof RetryableJobError;
        deps.logger.warn({ installationId, triggerName, code: (err as { code?: string }).code }, 'inbound webhook could not be verified');
        // 503 asks the provider to retry later; a plugin bug is a 500 it may also retry.
        throw new AppError(retryable ? ERROR_CODES.DATABASE_UNAVAILABLE : ERROR_CODES.INTERNAL, 'The webhook could not be processed now; retry later.', { details: { reason: INBOUND_WEBHOOK_CODES.WEBHOOK_NOT_PROCESSED } });
      }
      if (result?.verified !== true) {
        throw new AppError(ERROR_CODES.UNAUTHENTICATED, 'The webhook signature did not verify.', { details: { reason: INBOUND_WEBHOOK_CODES.WEBHOOK_SIGNATURE_INVALID } });
      }
      const signedAt = headers['webhook-timestamp'];
      if (signedAt !== undefined && (!/^\d+$/.test(signedAt) || Math.abs(deps.clock.now().getTime() - Number(signedAt) * 1000) > TIMESTAMP_TOLERANCE_MS)) {
        throw new AppError(ERROR_CODES.UNAUTHENTICATED, 'The webhook timestamp is too old or too far in the future.', { details: { reason: INBOUND_WEBHOOK_CODES.WEBHOOK_TIMESTAMP_OUT_OF_RANGE } });
      }
      const idHeader = MESSAGE_ID_HEADERS.find((h) => headers[h]);
      const messageId = idHeader ? `${idHeader}:${headers[idHeader]}` : `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
      const items = Array.isArray(result.items) ? result.items : [];
      const now = deps.clock.now();
      const accepted = await deps.db.transaction(async (tx) => {
        const fresh = await tx.insert(inboundWebhooks).values({ installationId, messageId, receivedAt: now }).onConflictDoNothing().returning({ id: inboundWebhooks.messageId });
        if (fresh.length === 0) return false;
        if (items.length > 0) {
          await enqueueJob(
            tx,
            { kind: JOB_KINDS.TRIGGER_EVENTS, maxAttempts: 10, idempotencyKey: `inbound:${installationId}:${messageId}`, payload: { installationId, triggerName, items, batchKey: `wh:${messageId}` } satisfies TriggerEventsPayload },
            now,
          );
        }
        return true;
      });
      if (!accepted) {
        throw new AppError(ERROR_CODES.CONFLICT, 'This webhook delivery was already received; replays are refused.', { details: { reason: INBOUND_WEBHOOK_CODES.WEBHOOK_REPLAYED } });
      }
      return c.json({ accepted: true, events: items.length }, 202);
    },
  );
  return app;
}

/** Forgets inbound message ids received before `before`: past the providers' retry windows a replay check is moot. */
export async function pruneInboundWebhooks(db: DbOrTx, before: Date): Promise<number> {
  const rows = await db.delete(inboundWebhooks).where(lt(inboundWebhooks.receivedAt, before)).returning({ id: inboundWebhooks.messageId });
  return rows.length;
}
