/**
 * Customers' outbound webhook endpoints: list, create (the signing secret is
 * returned once), disable. The runtime's endpoint service (runtime/outbound/)
 * checks the URL with the SSRF guard and stores the secret in the vault.
 */
import { desc, eq } from 'drizzle-orm';
import { audit } from '../../audit/audit-log.js';
import { webhookEndpoints } from '../../db/schema/runtime.js';
import { VaultUnconfiguredError } from '../../vault/key-ring.js';
import type { OutboundEventType } from '../../runtime/outbound/outbound-events.js';
import { createWebhookEndpoint, outboundGuard } from '../../runtime/outbound/webhook-endpoints.js';
import type { WebhookEndpointRow } from '../authorization.js';
import type { GraphQLContext } from '../context.js';
import { offsetConnection, type Connection } from '../pagination.js';
import type { PageArgs } from './marketplace.js';

type EndpointView = Omit<WebhookEndpointRow, 'secret' | 'keyId'>;

function visible(row: WebhookEndpointRow): EndpointView {
  const { secret: _secret, keyId: _key, ...rest } = row;
  return rest;
}

export const webhookResolvers = {
  Workspace: {
    async webhookEndpoints(ws: { id: string }, args: PageArgs, ctx: GraphQLContext): Promise<Connection<EndpointView>> {
      await ctx.auth.requireWorkspace(ws.id, 'member', 'read');
      return offsetConnection(args, async (limit, offset) =>
        (await ctx.services.database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.workspaceId, ws.id)).orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id)).limit(limit).offset(offset)).map(visible),
      );
    },
  },
  Mutation: {
    async createWebhookEndpoint(_: unknown, args: { workspaceId: string; url: string; events?: string[] | null }, ctx: GraphQLContext) {
      const actor = await ctx.auth.requireWorkspace(args.workspaceId, 'admin', 'workspace_write');
      const vault = ctx.services.connections.vault;
      if (!vault) throw new VaultUnconfiguredError();
      const now = ctx.services.clock.now();
      const { endpoint, secret } = await createWebhookEndpoint(
        ctx.services.database.db,
        { vault, guard: outboundGuard(undefined) },
        { workspaceId: args.workspaceId, url: args.url, events: (args.events ?? []) as OutboundEventType[], now },
      );
      await audit(ctx.services.database.db, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'webhook_endpoint.created', targetType: 'webhook_endpoint', targetId: endpoint.id, workspaceId: endpoint.workspaceId, at: now, data: { url: endpoint.url, events: endpoint.events } });
      return { endpoint: visible(endpoint), secret };
    },
    async disableWebhookEndpoint(_: unknown, args: { id: string }, ctx: GraphQLContext): Promise<EndpointView> {
      const endpoint = await ctx.auth.requireWebhookEndpoint(args.id, 'admin', 'workspace_write');
      const actor = ctx.auth.requireActor('workspace_write');
      if (!endpoint.enabled) return visible(endpoint);
      const now = ctx.services.clock.now();
      return ctx.services.database.db.transaction(async (tx) => {
        const [row] = await tx.update(webhookEndpoints).set({ enabled: false, disabledReason: 'Disabled by a workspace admin.' }).where(eq(webhookEndpoints.id, endpoint.id)).returning();
        await audit(tx, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'webhook_endpoint.disabled', targetType: 'webhook_endpoint', targetId: endpoint.id, workspaceId: endpoint.workspaceId, at: now });
        return visible(row!);
      });
    },
  },
};
