/**
 * Developers: publishers, their members and signing keys, their plugins, and
 * the lifecycle actions a publisher takes — publish (multipart bundle upload),
 * submit for certification, deprecate, and canary bulk migration.
 */
import { createPublicKey } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { keyIdOf } from '@nudgecampaign/plugin-sdk/bundle/publisher-keys';
import { audit } from '../../audit/audit-log.js';
import { publisherKeys, publisherMembers, publishers, users } from '../../db/schema/identity.js';
import { plugins } from '../../db/schema/registry.js';
import { AppError, ERROR_CODES, NotFoundError, ValidationError } from '../../errors.js';
import { bulkMigrate } from '../../installations/migrate-installation.js';
import { runCertification } from '../../registry/certification/run-certification.js';
import { deprecateVersion } from '../../registry/deprecation-policy.js';
import { publishVersion } from '../../registry/publish-version.js';
import { submitVersion } from '../../registry/version-lifecycle.js';
import type { GraphQLContext } from '../context.js';
import type { CertificationRunRow, PublisherRow, UserRow, VersionRow } from '../loaders.js';
import { listingFromPlugin, type ListingParent } from './marketplace.js';
import type { UploadedFile } from './scalars-and-enums.js';

type PublisherKeyRow = typeof publisherKeys.$inferSelect;

/** The largest bundle accepted; the multipart body cap is a little above it. */
export const MAX_BUNDLE_BYTES = 5 * 1024 * 1024;
const SLUG = /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/;

async function publisherFor(ctx: GraphQLContext, id: string): Promise<PublisherRow> {
  const row = await ctx.loaders.publisher.load(id);
  if (!row) throw new NotFoundError('Publisher');
  return row;
}

export const developerResolvers = {
  Query: {
    async publisher(_: unknown, args: { id: string }, ctx: GraphQLContext): Promise<PublisherRow | null> {
      ctx.auth.requireActor('read');
      if (!(await ctx.auth.publisherRole(args.id))) return null;
      return (await ctx.loaders.publisher.load(args.id)) ?? null;
    },
  },
  Publisher: {
    async viewerRole(publisher: PublisherRow, _: unknown, ctx: GraphQLContext) {
      return ctx.auth.publisherRole(publisher.id);
    },
    async members(publisher: PublisherRow, _: unknown, ctx: GraphQLContext) {
      await ctx.auth.requirePublisher(publisher.id, 'developer', 'read');
      return ctx.services.database.db
        .select({ role: publisherMembers.role, createdAt: publisherMembers.createdAt, userId: users.id, email: users.email, name: users.name })
        .from(publisherMembers)
        .innerJoin(users, eq(users.id, publisherMembers.userId))
        .where(eq(publisherMembers.publisherId, publisher.id))
        .then((rows) => rows.map((r) => ({ role: r.role, createdAt: r.createdAt, user: { id: r.userId, email: r.email, name: r.name } })));
    },
    async keys(publisher: PublisherRow, _: unknown, ctx: GraphQLContext): Promise<PublisherKeyRow[]> {
      await ctx.auth.requirePublisher(publisher.id, 'developer', 'read');
      return ctx.services.database.db.select().from(publisherKeys).where(eq(publisherKeys.publisherId, publisher.id));
    },
    async plugins(publisher: PublisherRow, _: unknown, ctx: GraphQLContext): Promise<ListingParent[]> {
      await ctx.auth.requirePublisher(publisher.id, 'developer', 'read');
      const rows = await ctx.services.database.db.select().from(plugins).where(eq(plugins.publisherId, publisher.id)).orderBy(plugins.id);
      return Promise.all(rows.map(async (p) => listingFromPlugin(p, (await ctx.loaders.versionsOf.load(p.id)) ?? [])));
    },
  },
  PublisherKey: {
    publicKey: (key: PublisherKeyRow) => key.publicKey,
  },
  Mutation: {
    async createPublisher(_: unknown, args: { input: { slug: string; name: string; website?: string | null } }, ctx: GraphQLContext): Promise<PublisherRow> {
      const actor = ctx.auth.requireActor('publish');
      const { slug, name, website } = args.input;
      if (!SLUG.test(slug)) throw new ValidationError('slug must be 3–40 characters of lower-case letters, digits and dashes, starting with a letter.', { path: 'input.slug' });
      if (!name.trim()) throw new ValidationError('name is required.', { path: 'input.name' });
      if (website && !/^https:\/\//.test(website)) throw new ValidationError('website must be an https URL.', { path: 'input.website' });
      const now = ctx.services.clock.now();
      return ctx.services.database.db.transaction(async (tx) => {
        const [taken] = await tx.select({ id: publishers.id }).from(publishers).where(eq(publishers.slug, slug));
        if (taken) throw new AppError(ERROR_CODES.CONFLICT, `The publisher slug "${slug}" is taken; choose another.`, { details: { path: 'input.slug' } });
        const [row] = await tx.insert(publishers).values({ slug, name: name.trim(), website: website ?? null, createdAt: now }).returning();
        await tx.insert(publisherMembers).values({ publisherId: row!.id, userId: actor.userId, role: 'owner', createdAt: now });
        await audit(tx, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'publisher.created', targetType: 'publisher', targetId: row!.id, at: now });
        return row!;
      });
    },
    async addPublisherMember(_: unknown, args: { publisherId: string; email: string; role: 'developer' | 'owner' }, ctx: GraphQLContext) {
      const actor = await ctx.auth.requirePublisher(args.publisherId, 'owner', 'publish');
      const db = ctx.services.database.db;
      const [user] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, args.email.trim().toLowerCase()));
      if (!user) throw new NotFoundError(`A user with the email ${args.email}`);
      const now = ctx.services.clock.now();
      await db.transaction(async (tx) => {
        await tx
          .insert(publisherMembers)
          .values({ publisherId: args.publisherId, userId: user.id, role: args.role, createdAt: now })
          .onConflictDoUpdate({ target: [publisherMembers.publisherId, publisherMembers.userId], set: { role: args.role } });
        await audit(tx, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'publisher.member_added', targetType: 'publisher', targetId: args.publisherId, at: now, data: { userId: user.id, role: args.role } });
      });
      return { user, role: args.role, createdAt: now };
    },
    async removePublisherMember(_: unknown, args: { publisherId: string; userId: string }, ctx: GraphQLContext): Promise<boolean> {
      const actor = await ctx.auth.requirePublisher(args.publisherId, 'owner', 'publish');
      const now = ctx.services.clock.now();
      return ctx.services.database.db.transaction(async (tx) => {
        const members = await tx.select().from(publisherMembers).where(eq(publisherMembers.publisherId, args.publisherId)).for('update');
        const target = members.find((m) => m.userId === args.userId);
        if (!target) throw new NotFoundError('Publisher member');
        if (target.role === 'owner' && members.filter((m) => m.role === 'owner').length === 1) {
          throw new AppError(ERROR_CODES.CONFLICT, 'A publisher needs at least one owner; add another owner first.', { details: { reason: 'LAST_OWNER' } });
        }
        await tx.delete(publisherMembers).where(and(eq(publisherMembers.publisherId, args.publisherId), eq(publisherMembers.userId, args.userId)));
        await audit(tx, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'publisher.member_removed', targetType: 'publisher', targetId: args.publisherId, at: now, data: { userId: args.userId } });
        return true;
      });
    },
    async registerPublisherKey(_: unknown, args: { publisherId: string; publicKey: string }, ctx: GraphQLContext): Promise<PublisherKeyRow> {
      const actor = await ctx.auth.requirePublisher(args.publisherId, 'owner', 'publish');
      let pem: string;
      let keyId: string;
      try {
        const key = createPublicKey(args.publicKey);
        if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
        pem = key.export({ type: 'spki', format: 'pem' }).toString();
        keyId = keyIdOf(key);
      } catch {
        throw new ValidationError('publicKey must be an ed25519 public key in PEM (SPKI), as written by `nudge keys generate`.', { path: 'publicKey' });
      }
      const now = ctx.services.clock.now();
      return ctx.services.database.db.transaction(async (tx) => {
        const [existing] = await tx.select().from(publisherKeys).where(eq(publisherKeys.keyId, keyId));
        if (existing) {
          if (existing.publisherId !== args.publisherId) throw new AppError(ERROR_CODES.CONFLICT, 'This key is registered by another publisher; generate a new key pair.', { details: { reason: 'KEY_TAKEN' } });
          return existing;
        }
        const [row] = await tx.insert(publisherKeys).values({ publisherId: args.publisherId, keyId, publicKey: pem, createdAt: now }).returning();
        await audit(tx, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'publisher.key_registered', targetType: 'publisher', targetId: args.publisherId, at: now, data: { keyId } });
        return row!;
      });
    },
    async revokePublisherKey(_: unknown, args: { publisherId: string; keyId: string }, ctx: GraphQLContext): Promise<PublisherKeyRow> {
      const actor = await ctx.auth.requirePublisher(args.publisherId, 'owner', 'publish');
      const now = ctx.services.clock.now();
      return ctx.services.database.db.transaction(async (tx) => {
        const [row] = await tx
          .update(publisherKeys)
          .set({ revokedAt: now })
          .where(and(eq(publisherKeys.publisherId, args.publisherId), eq(publisherKeys.keyId, args.keyId), isNull(publisherKeys.revokedAt)))
          .returning();
        if (!row) throw new NotFoundError('Active publisher key');
        await audit(tx, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'publisher.key_revoked', targetType: 'publisher', targetId: args.publisherId, at: now, data: { keyId: args.keyId } });
        return row;
      });
    },
    async publishVersion(_: unknown, args: { bundle: UploadedFile; changelog: string }, ctx: GraphQLContext) {
      const actor = ctx.auth.requireActor('publish');
      if (args.bundle.size > MAX_BUNDLE_BYTES) throw new AppError(ERROR_CODES.PAYLOAD_TOO_LARGE, `The bundle is ${args.bundle.size} bytes; the limit is ${MAX_BUNDLE_BYTES}.`);
      let bundle: unknown;
      try {
        bundle = JSON.parse(await args.bundle.text());
      } catch {
        throw new ValidationError('The bundle is not JSON; upload the .nudge.json file `nudge build` wrote.', { path: 'bundle' });
      }
      // publishVersion checks that the caller is a member of the publisher owning the signing key.
      const result = await publishVersion(ctx.services.registry, { bundle, changelog: args.changelog, actorUserId: actor.userId });
      return {
        version: await ctx.loaders.version.load(result.versionId),
        digest: result.digest,
        requiresReconsent: result.requiresReconsent,
        compatibility: result.compatibility,
      };
    },
    async submitVersion(_: unknown, args: { versionId: string }, ctx: GraphQLContext) {
      const version = await ctx.auth.requireVersionPublisher(args.versionId, 'publish');
      const actor = ctx.auth.requireActor('publish');
      let row: VersionRow = await submitVersion(ctx.services.registry, version.id, actor.userId);
      const sandbox = ctx.services.certificationSandbox;
      let certification: CertificationRunRow | null = null;
      if (sandbox) {
        await runCertification({ ...ctx.services.registry, sandbox }, version.id);
        const [fresh, run] = await Promise.all([
          ctx.services.database.db.query.pluginVersions.findFirst({ where: (v, { eq: equals }) => equals(v.id, version.id) }),
          ctx.services.database.db.query.certificationRuns.findFirst({ where: (r, { eq: equals }) => equals(r.versionId, version.id), orderBy: (r, { desc }) => [desc(r.startedAt)] }),
        ]);
        row = fresh ?? row;
        certification = run ?? null;
      }
      return { version: row, certificationStarted: Boolean(sandbox), certification };
    },
    async bulkMigrate(_: unknown, args: { pluginId: string; fromMajor: number; targetVersionId: string; canaryPercent: number }, ctx: GraphQLContext) {
      const { actor } = await ctx.auth.requirePluginPublisher(args.pluginId, 'publish');
      const result = await bulkMigrate(ctx.services.installations, { ...args, actorUserId: actor.userId });
      const reasons = new Map<string, number>();
      for (const s of result.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
      return { migrated: result.migrated.length, skipped: result.skipped.length, skippedReasons: [...reasons].map(([reason, count]) => ({ reason, count })) };
    },
    async deprecateVersion(_: unknown, args: { input: { versionId: string; sunsetAt: Date; message: string; securityCritical?: boolean | null } }, ctx: GraphQLContext): Promise<VersionRow> {
      const { versionId, sunsetAt, message, securityCritical } = args.input;
      // Platform admins may deprecate any version; everyone else must be its publisher.
      const actor = ctx.auth.platformRole() === 'admin' && ctx.auth.hasScope('review') ? ctx.auth.requirePlatform('admin') : ctx.auth.requireActor('publish');
      if (actor.platformRole !== 'admin' || !ctx.auth.hasScope('review')) await ctx.auth.requireVersionPublisher(versionId, 'publish');
      else await ctx.auth.requireVersionForReview(versionId, 'admin');
      return deprecateVersion(ctx.services.registry, {
        versionId,
        sunsetAt,
        message,
        securityCritical: Boolean(securityCritical),
        actor: { userId: actor.userId, platformRole: ctx.auth.hasScope('review') ? actor.platformRole : null },
      });
    },
  },
};

export type { UserRow };
