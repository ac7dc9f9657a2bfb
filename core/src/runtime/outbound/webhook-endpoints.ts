/**
 * Customers' outbound webhook endpoints. The URL is checked by the same SSRF
 * guard as plugin egress before it is saved (https only, every resolved
 * address public); the signing secret is a Standard Webhooks `whsec_` key,
 * stored only as vault ciphertext bound to the endpoint id.
 * @see https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#signature-scheme
 */
import { randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import { eq } from 'drizzle-orm';
import { SandboxBridgeError } from '@nudgecampaign/plugin-sdk/runtime/types';
import type { DbOrTx } from '../../db/database.js';
import { webhookEndpoints } from '../../db/schema/runtime.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { classifyAddress } from '../../sandbox/address-classifier.js';
import { EgressGuard, type EgressOptions } from '../../sandbox/egress-guard.js';
import type { TokenVault } from '../../vault/token-vault.js';
import { OUTBOUND_EVENT_TYPES, type OutboundEventType } from './outbound-events.js';

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

export function outboundGuard(egress: EgressOptions | EgressGuard | undefined): EgressGuard {
  return egress instanceof EgressGuard ? egress : new EgressGuard(egress);
}

/** Throws a ValidationError naming why the URL may not receive webhooks. */
export async function checkEndpointUrl(guard: EgressGuard, raw: string): Promise<URL> {
  let host: string;
  try {
    host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
  } catch {
    throw new ValidationError('The endpoint URL is not a valid absolute URL.', { field: 'url', reason: 'URL_INVALID' });
  }
  // Literal addresses are judged directly (the host allowlist does not take IPv6 literals as patterns).
  if (net.isIP(host) && classifyAddress(host) !== 'public') {
    throw new ValidationError(`The endpoint URL is refused: ${host} is a ${classifyAddress(host)} address, which webhooks may not reach.`, { field: 'url', reason: 'ADDRESS_NOT_ALLOWED' });
  }
  try {
    const checked = await guard.check(raw, [host]);
    return checked.url;
  } catch (err) {
    if (err instanceof SandboxBridgeError) throw new ValidationError(`The endpoint URL is refused: ${err.message}`, { field: 'url', reason: err.code });
    throw new ValidationError(`The endpoint URL could not be checked: ${(err as Error).message}`, { field: 'url', reason: (err as { code?: string }).code ?? 'URL_UNCHECKED' });
  }
}

export interface CreatedEndpoint {
  endpoint: WebhookEndpointRow;
  /** Shown once to the customer, who verifies signatures with it. */
  secret: string;
}

export async function createWebhookEndpoint(
  db: DbOrTx,
  deps: { vault: TokenVault; guard: EgressGuard },
  input: { workspaceId: string; url: string; events?: OutboundEventType[]; now: Date },
): Promise<CreatedEndpoint> {
  const unknown = (input.events ?? []).filter((e) => !OUTBOUND_EVENT_TYPES.includes(e));
  if (unknown.length) throw new ValidationError(`Unknown event types: ${unknown.join(', ')}.`, { field: 'events' });
  const url = await checkEndpointUrl(deps.guard, input.url);
  const id = randomUUID();
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({ id, workspaceId: input.workspaceId, url: url.toString(), secret: deps.vault.encrypt(secret, id), keyId: deps.vault.activeKeyId, events: input.events ?? [], enabled: true, createdAt: input.now })
    .returning();
  return { endpoint: endpoint!, secret };
}

export async function endpointSecret(db: DbOrTx, vault: TokenVault, endpointId: string): Promise<string> {
  const [row] = await db.select({ secret: webhookEndpoints.secret }).from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  if (!row) throw new NotFoundError('Webhook endpoint');
  return vault.decrypt<string>(row.secret, endpointId);
}
