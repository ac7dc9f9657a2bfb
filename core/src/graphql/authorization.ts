/**
 * Authorization, in one place. Every resolver asks this module before it reads
 * or changes anything; nothing else decides who may do what.
 *
 * Roles: workspace member/admin, publisher developer/owner, platform
 * reviewer/admin (admin includes reviewer; together the internal team),
 * partner member/owner, and agency access (a partner's members in a client
 * workspace with the role the client granted; every act audited). An API token also carries scopes
 * and never exceeds its user's roles. Someone else's resource answers
 * NOT_FOUND (its existence is not revealed); a resource the caller can see but
 * not change answers FORBIDDEN.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { publisherMembers, workspaceMembers } from '../db/schema/identity.js';
import { partnerMembers, partnerOrgs } from '../db/schema/partners.js';
import { installations } from '../db/schema/installations.js';
import { pluginVersions, plugins } from '../db/schema/registry.js';
import { automations, runs, webhookEndpoints } from '../db/schema/runtime.js';
import type { ROLLUP_DIMENSIONS } from '../db/schema/usage.js';
import { NotFoundError } from '../errors.js';
import { agencyRole, auditAgencyAct } from '../partners/agency/agency-access.js';
import { assertUsageAccess } from '../usage/usage-access.js';
import { ForbiddenError, UnauthenticatedError, type Actor } from '../identity/actor.js';
import { apiError, GRAPHQL_ERROR_CODES } from './graphql-errors.js';

export const TOKEN_SCOPES = ['read', 'workspace_write', 'publish', 'review'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export type WorkspaceRole = 'member' | 'admin';
export type PublisherRole = 'developer' | 'owner';
export type PlatformRole = 'reviewer' | 'admin';
/** A member of a partner organisation (technology partner, agency, reseller, referrer). */
export type PartnerRole = 'member' | 'owner';

/** Version states anyone may see (the marketplace lists them). */
export const LISTED_STATES = ['certified', 'deprecated', 'draft', 'submitted', 'in_review'] as const;
/** Version states a customer may get without opting in to community plugins. */
export const PUBLIC_STATES = new Set<string>(['certified', 'deprecated']);

export type InstallationRow = typeof installations.$inferSelect;
export type VersionRow = typeof pluginVersions.$inferSelect;
export type AutomationRow = typeof automations.$inferSelect;
export type RunRow = typeof runs.$inferSelect;
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type UsageDimension = (typeof ROLLUP_DIMENSIONS)[number];

export class Authorizer {
  private readonly workspaceRoles = new Map<string, Promise<WorkspaceRole | undefined>>();
  private readonly publisherRoles = new Map<string, Promise<PublisherRole | undefined>>();
  private readonly partnerRoles = new Map<string, Promise<PartnerRole | undefined>>();

  constructor(
    private readonly db: Db,
    readonly actor: Actor | undefined,
  ) {}

  /** The signed-in caller with `scope`; throws UNAUTHENTICATED or INSUFFICIENT_SCOPE. */
  requireActor(scope: TokenScope): Actor {
    if (!this.actor) throw new UnauthenticatedError();
    if (!this.hasScope(scope)) {
      throw apiError(GRAPHQL_ERROR_CODES.INSUFFICIENT_SCOPE, `This API token lacks the "${scope.toUpperCase()}" scope; create a token with it.`, { requiredScope: scope.toUpperCase() });
    }
    return this.actor;
  }

  hasScope(scope: TokenScope): boolean {
    const scopes = this.actor?.via === 'token' ? (this.actor.scopes ?? []) : [];
    return scopes.length === 0 || scopes.includes(scope);
  }

  /** Viewer.csrfToken: only a session caller reads its own session's token (an API token has none and needs none). */
  mayReadSessionCsrf(): boolean {
    return this.actor?.via === 'session' && this.hasScope('read');
  }

  platformRole(): PlatformRole | null {
    return this.actor?.platformRole ?? null;
  }

  isReviewer(): boolean {
    const role = this.platformRole();
    return (role === 'reviewer' || role === 'admin') && this.hasScope('review');
  }

  requirePlatform(role: PlatformRole, scope: TokenScope = 'review'): Actor {
    const actor = this.requireActor(scope);
    const ok = role === 'admin' ? actor.platformRole === 'admin' : actor.platformRole === 'reviewer' || actor.platformRole === 'admin';
    if (!ok) throw new ForbiddenError(`Only platform ${role}s can do this.`);
    return actor;
  }

  workspaceRole(workspaceId: string): Promise<WorkspaceRole | undefined> {
    const actor = this.actor;
    if (!actor) return Promise.resolve(undefined);
    let cached = this.workspaceRoles.get(workspaceId);
    if (!cached) {
      cached = this.db
        .select({ role: workspaceMembers.role })
        .from(workspaceMembers)
        .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, actor.userId)))
        .then(async (rows) => {
          if (rows[0]) return rows[0].role;
          // Agency members act in a client's workspace with the role the client granted (partners/agency).
          // Audited once per request and workspace, whichever resolver asked.
          const agency = await agencyRole(this.db, actor.userId, workspaceId);
          if (agency) await auditAgencyAct(this.db, { userId: actor.userId, tokenId: actor.tokenId ?? null, workspaceId, access: agency, at: new Date() });
          return agency?.role;
        });
      this.workspaceRoles.set(workspaceId, cached);
    }
    return cached;
  }

  /** Reads need membership and READ; changes need the role and WORKSPACE_WRITE. */
  async requireWorkspace(workspaceId: string, need: WorkspaceRole, scope: TokenScope): Promise<Actor> {
    const actor = this.requireActor(scope);
    const role = isUuid(workspaceId) ? await this.workspaceRole(workspaceId) : undefined;
    if (!role) throw new NotFoundError('Workspace');
    if (need === 'admin' && role !== 'admin') throw new ForbiddenError('Only workspace admins can do this.');
    return actor;
  }

  /**
   * The client's own workspace admin (a direct member), as required to grant
   * or revoke agency access: an agency never widens or extends its own access.
   */
  async requireClientAdmin(workspaceId: string): Promise<Actor> {
    const actor = await this.requireWorkspace(workspaceId, 'admin', 'workspace_write');
    const [direct] = await this.db
      .select({ role: workspaceMembers.role })
      .from(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, actor.userId)));
    if (direct?.role !== 'admin') throw new ForbiddenError("Only the workspace's own admins grant or revoke agency access.");
    return actor;
  }

  partnerRole(partnerId: string): Promise<PartnerRole | undefined> {
    const actor = this.actor;
    if (!actor || !isUuid(partnerId)) return Promise.resolve(undefined);
    let cached = this.partnerRoles.get(partnerId);
    if (!cached) {
      cached = this.db
        .select({ role: partnerMembers.role })
        .from(partnerMembers)
        .where(and(eq(partnerMembers.partnerId, partnerId), eq(partnerMembers.userId, actor.userId)))
        .then((rows) => rows[0]?.role);
      this.partnerRoles.set(partnerId, cached);
    }
    return cached;
  }

  /**
   * A partner organisation: its members read it (READ) and act for it
   * (WORKSPACE_WRITE; `owner` for membership and tier requests). The internal
   * team (platform reviewers and admins) reads every partner but does not act
   * as one (FORBIDDEN). Anyone else gets NOT_FOUND.
   */
  async requirePartner(partnerId: string, need: PartnerRole, scope: TokenScope): Promise<Actor> {
    const actor = this.requireActor(scope);
    const role = await this.partnerRole(partnerId);
    if (role) {
      if (need === 'owner' && role !== 'owner') throw new ForbiddenError('Only partner owners can do this.');
      return actor;
    }
    const internal = actor.platformRole === 'reviewer' || actor.platformRole === 'admin';
    const exists = internal && isUuid(partnerId) && (await this.db.select({ id: partnerOrgs.id }).from(partnerOrgs).where(eq(partnerOrgs.id, partnerId))).length > 0;
    if (!exists) throw new NotFoundError('Partner');
    if (scope === 'read') return actor;
    throw new ForbiddenError("Only the partner's members can do this.");
  }

  /** Partner organisations the caller belongs to. */
  async memberPartnerIds(): Promise<string[]> {
    if (!this.actor) return [];
    const rows = await this.db.select({ id: partnerMembers.partnerId }).from(partnerMembers).where(eq(partnerMembers.userId, this.actor.userId));
    return rows.map((r) => r.id);
  }

  async requireInstallation(installationId: string, need: WorkspaceRole, scope: TokenScope): Promise<InstallationRow> {
    this.requireActor(scope);
    const [row] = isUuid(installationId) ? await this.db.select().from(installations).where(eq(installations.id, installationId)) : [];
    if (!row) throw new NotFoundError('Installation');
    try {
      await this.requireWorkspace(row.workspaceId, need, scope);
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError('Installation');
      throw err;
    }
    return row;
  }

  publisherRole(publisherId: string): Promise<PublisherRole | undefined> {
    const actor = this.actor;
    if (!actor || !isUuid(publisherId)) return Promise.resolve(undefined);
    let cached = this.publisherRoles.get(publisherId);
    if (!cached) {
      cached = this.db
        .select({ role: publisherMembers.role })
        .from(publisherMembers)
        .where(and(eq(publisherMembers.publisherId, publisherId), eq(publisherMembers.userId, actor.userId)))
        .then((rows) => rows[0]?.role);
      this.publisherRoles.set(publisherId, cached);
    }
    return cached;
  }

  async requirePublisher(publisherId: string, need: PublisherRole, scope: TokenScope): Promise<Actor> {
    const actor = this.requireActor(scope);
    const role = await this.publisherRole(publisherId);
    if (!role) throw new NotFoundError('Publisher');
    if (need === 'owner' && role !== 'owner') throw new ForbiddenError('Only publisher owners can do this.');
    return actor;
  }

  async requirePluginPublisher(pluginId: string, scope: TokenScope): Promise<{ actor: Actor; publisherId: string }> {
    const actor = this.requireActor(scope);
    const [plugin] = await this.db.select({ publisherId: plugins.publisherId }).from(plugins).where(eq(plugins.id, pluginId));
    if (!plugin || !(await this.publisherRole(plugin.publisherId))) throw new NotFoundError(`Plugin ${pluginId}`);
    return { actor, publisherId: plugin.publisherId };
  }

  /** Whether the caller may see a version's private parts: its publisher's members and platform reviewers. */
  async canSeeVersionInternals(version: Pick<VersionRow, 'pluginId'>, publisherId?: string): Promise<boolean> {
    if (!this.actor || !this.hasScope('read')) return false;
    if (this.isReviewer() || this.actor.platformRole === 'admin') return true;
    const owner = publisherId ?? (await this.db.select({ publisherId: plugins.publisherId }).from(plugins).where(eq(plugins.id, version.pluginId)))[0]?.publisherId;
    return owner ? Boolean(await this.publisherRole(owner)) : false;
  }

  async canSeeVersion(version: Pick<VersionRow, 'pluginId' | 'state'>, publisherId?: string): Promise<boolean> {
    if ((LISTED_STATES as readonly string[]).includes(version.state)) return true;
    return this.canSeeVersionInternals(version, publisherId);
  }

  /** A version the caller may change as its publisher (developer or owner). */
  async requireVersionPublisher(versionId: string, scope: TokenScope): Promise<VersionRow> {
    this.requireActor(scope);
    const [row] = isUuid(versionId) ? await this.db.select().from(pluginVersions).where(eq(pluginVersions.id, versionId)) : [];
    if (!row) throw new NotFoundError('Plugin version');
    const [plugin] = await this.db.select({ publisherId: plugins.publisherId }).from(plugins).where(eq(plugins.id, row.pluginId));
    if (!plugin || !(await this.publisherRole(plugin.publisherId))) {
      if (await this.canSeeVersion(row, plugin?.publisherId)) throw new ForbiddenError('Only members of this plugin\'s publisher can do this.');
      throw new NotFoundError('Plugin version');
    }
    return row;
  }

  /** A version a platform reviewer acts on; invisible versions answer NOT_FOUND to non-reviewers. */
  async requireVersionForReview(versionId: string, role: PlatformRole): Promise<VersionRow> {
    this.requirePlatform(role);
    const [row] = isUuid(versionId) ? await this.db.select().from(pluginVersions).where(eq(pluginVersions.id, versionId)) : [];
    if (!row) throw new NotFoundError('Plugin version');
    return row;
  }

  /** A workspace-owned row (automation, run, webhook endpoint): someone else's answers NOT_FOUND under `what`. */
  private async requireWorkspaceRow<T extends { workspaceId: string }>(what: string, row: T | undefined, need: WorkspaceRole, scope: TokenScope): Promise<T> {
    if (!row) throw new NotFoundError(what);
    try {
      await this.requireWorkspace(row.workspaceId, need, scope);
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError(what);
      throw err;
    }
    return row;
  }

  /** An automation in a workspace of the caller: reads need membership, changes and test runs the admin role. */
  async requireAutomation(automationId: string, need: WorkspaceRole, scope: TokenScope): Promise<AutomationRow> {
    this.requireActor(scope);
    const [row] = isUuid(automationId) ? await this.db.select().from(automations).where(eq(automations.id, automationId)) : [];
    return this.requireWorkspaceRow('Automation', row, need, scope);
  }

  /** A run in a workspace of the caller (replaying one needs the admin role). */
  async requireRun(runId: string, need: WorkspaceRole, scope: TokenScope): Promise<RunRow> {
    this.requireActor(scope);
    const [row] = isUuid(runId) ? await this.db.select().from(runs).where(eq(runs.id, runId)) : [];
    return this.requireWorkspaceRow('Run', row, need, scope);
  }

  /** An outbound webhook endpoint of a workspace of the caller. */
  async requireWebhookEndpoint(endpointId: string, need: WorkspaceRole, scope: TokenScope): Promise<WebhookEndpointRow> {
    this.requireActor(scope);
    const [row] = isUuid(endpointId) ? await this.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId)) : [];
    return this.requireWorkspaceRow('Webhook endpoint', row, need, scope);
  }

  /**
   * Usage numbers for one scope, by the usage module's own rules
   * (usage/usage-access.ts: customers their workspace and installations,
   * publishers their plugins, versions and organisation, the internal team
   * everything), plus the token's READ scope. A scope the caller may not read
   * answers NOT_FOUND (its existence is not revealed); the platform-wide
   * scope answers FORBIDDEN.
   */
  async requireUsage(dimension: UsageDimension, id: string): Promise<Actor> {
    const actor = this.requireActor('read');
    if (dimension !== 'platform' && dimension !== 'plugin' && !isUuid(id)) throw new NotFoundError('Usage scope');
    try {
      await assertUsageAccess(this.db, actor, dimension, id);
    } catch (err) {
      if (err instanceof ForbiddenError && dimension !== 'platform') throw new NotFoundError('Usage scope');
      throw err;
    }
    return actor;
  }

  /** The internal team (platform reviewers and admins) reading platform-wide numbers with a READ token. */
  requireInternalTeam(): Actor {
    return this.requirePlatform('reviewer', 'read');
  }

  /** Workspaces the caller belongs to, for notification and list filters. */
  async memberWorkspaceIds(): Promise<string[]> {
    if (!this.actor) return [];
    const rows = await this.db.select({ id: workspaceMembers.workspaceId }).from(workspaceMembers).where(eq(workspaceMembers.userId, this.actor.userId));
    return rows.map((r) => r.id);
  }

  async memberPublisherIds(): Promise<string[]> {
    if (!this.actor) return [];
    const rows = await this.db.select({ id: publisherMembers.publisherId }).from(publisherMembers).where(eq(publisherMembers.userId, this.actor.userId));
    return rows.map((r) => r.id);
  }

  /** Filters version rows to those the caller may see. */
  async visibleVersions<T extends Pick<VersionRow, 'pluginId' | 'state'>>(rows: T[], publisherId: string): Promise<T[]> {
    const internal = rows.some((r) => !(LISTED_STATES as readonly string[]).includes(r.state)) ? await this.canSeeVersionInternals(rows[0]!, publisherId) : true;
    return internal ? rows : rows.filter((r) => (LISTED_STATES as readonly string[]).includes(r.state));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids that are not UUIDs cannot exist; checking first keeps PostgreSQL from raising a cast error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

