/**
 * Who is calling and how they sign in: the viewer, password and demo login
 * (session cookie + CSRF token), logout, and API tokens (shown once, stored
 * hashed, scoped, revocable).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../audit/audit-log.js';
import { apiTokens, publisherMembers, publishers, users, workspaceMembers, workspaces } from '../../db/schema/identity.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { createApiToken, UnauthenticatedError } from '../../identity/actor.js';
import { verifyPassword } from '../../identity/passwords.js';
import { deleteSession, openSession, sessionCookie, sessionCsrfToken } from '../../identity/sessions.js';
import { demoLogins } from '../../seed/demo-seed.js';
import { TOKEN_SCOPES, type TokenScope } from '../authorization.js';
import type { GraphQLContext } from '../context.js';
import { apiError, GRAPHQL_ERROR_CODES } from '../graphql-errors.js';

type ApiTokenRow = typeof apiTokens.$inferSelect;

// A fixed hash so an unknown email costs the same scrypt time as a wrong password.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

async function startSession(ctx: GraphQLContext, user: { id: string; email: string; name: string }) {
  const session = await openSession(ctx.services.database.db, user.id, { now: ctx.services.clock.now(), secure: ctx.secureCookies });
  ctx.setCookies.push(session.cookie);
  return { user: { id: user.id, email: user.email, name: user.name }, csrfToken: session.csrfToken };
}

export const identityResolvers = {
  Query: {
    viewer(_: unknown, __: unknown, ctx: GraphQLContext) {
      if (!ctx.actor || !ctx.auth.hasScope('read')) return null;
      return { userId: ctx.actor.userId };
    },
  },
  Viewer: {
    user: async (v: { userId: string }, _: unknown, ctx: GraphQLContext) => ctx.loaders.user.load(v.userId),
    platformRole: (_: unknown, __: unknown, ctx: GraphQLContext) => ctx.actor?.platformRole ?? null,
    authenticatedVia: (_: unknown, __: unknown, ctx: GraphQLContext) => (ctx.actor?.via === 'token' ? 'TOKEN' : 'SESSION'),
    tokenScopes: (_: unknown, __: unknown, ctx: GraphQLContext) => (ctx.actor?.via === 'token' ? (ctx.actor.scopes?.length ? ctx.actor.scopes : [...TOKEN_SCOPES]) : null),
    async workspaces(v: { userId: string }, _: unknown, ctx: GraphQLContext) {
      const rows = await ctx.services.database.db
        .select({ role: workspaceMembers.role, workspace: workspaces })
        .from(workspaceMembers)
        .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
        .where(eq(workspaceMembers.userId, v.userId))
        .orderBy(workspaces.name);
      return rows;
    },
    async publishers(v: { userId: string }, _: unknown, ctx: GraphQLContext) {
      return ctx.services.database.db
        .select({ role: publisherMembers.role, publisher: publishers })
        .from(publisherMembers)
        .innerJoin(publishers, eq(publishers.id, publisherMembers.publisherId))
        .where(eq(publisherMembers.userId, v.userId))
        .orderBy(publishers.name);
    },
    async csrfToken(_: unknown, __: unknown, ctx: GraphQLContext): Promise<string | null> {
      if (!ctx.auth.mayReadSessionCsrf() || !ctx.sessionId) return null;
      return (await sessionCsrfToken(ctx.services.database.db, ctx.sessionId, ctx.services.clock.now())) ?? null;
    },
    apiTokens(v: { userId: string }, _: unknown, ctx: GraphQLContext): Promise<ApiTokenRow[]> {
      return ctx.services.database.db.select().from(apiTokens).where(eq(apiTokens.userId, v.userId)).orderBy(apiTokens.createdAt);
    },
  },
  ApiToken: {
    scopes: (t: ApiTokenRow) => (t.scopes.length ? t.scopes : [...TOKEN_SCOPES]),
  },
  Mutation: {
    async login(_: unknown, args: { email: string; password: string }, ctx: GraphQLContext) {
      const [user] = await ctx.services.database.db.select().from(users).where(eq(users.email, args.email.trim().toLowerCase()));
      const ok = await verifyPassword(args.password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !user.passwordHash || !ok) throw new UnauthenticatedError('The email or password is wrong.');
      return startSession(ctx, user);
    },
    async demoLogin(_: unknown, args: { role: string }, ctx: GraphQLContext) {
      if (!ctx.services.demo) throw apiError(GRAPHQL_ERROR_CODES.DEMO_DISABLED, 'Demo logins exist only in embedded demo mode.');
      const login = demoLogins().find((l) => l.role === args.role);
      const [user] = login ? await ctx.services.database.db.select().from(users).where(eq(users.email, login.email)) : [];
      if (!user) throw new NotFoundError('The demo user');
      return startSession(ctx, user);
    },
    async logout(_: unknown, __: unknown, ctx: GraphQLContext): Promise<boolean> {
      if (ctx.sessionId) await deleteSession(ctx.services.database.db, ctx.sessionId);
      ctx.setCookies.push(sessionCookie('', 0, ctx.secureCookies));
      return Boolean(ctx.sessionId);
    },
    async createApiToken(_: unknown, args: { input: { name: string; scopes?: TokenScope[] | null; expiresAt?: Date | null } }, ctx: GraphQLContext) {
      const actor = ctx.auth.requireActor('read');
      const name = args.input.name.trim();
      if (!name || name.length > 100) throw new ValidationError('name must be 1–100 characters.', { path: 'input.name' });
      const now = ctx.services.clock.now();
      if (args.input.expiresAt && args.input.expiresAt <= now) throw new ValidationError('expiresAt must be in the future.', { path: 'input.expiresAt' });
      // A token can only mint tokens with scopes it has itself.
      const callerScopes: readonly TokenScope[] = actor.via === 'token' && actor.scopes?.length ? (actor.scopes as TokenScope[]) : TOKEN_SCOPES;
      const requested = args.input.scopes?.length ? [...new Set(args.input.scopes)] : [...callerScopes];
      const excess = requested.filter((s) => !callerScopes.includes(s));
      if (excess.length) throw apiError(GRAPHQL_ERROR_CODES.INSUFFICIENT_SCOPE, `This token cannot create a token with ${excess.map((s) => s.toUpperCase()).join(', ')}.`);
      const stored = requested.length === TOKEN_SCOPES.length ? [] : requested;
      const created = await createApiToken(ctx.services.database.db, actor.userId, name, stored, now);
      const [row] = await ctx.services.database.db
        .update(apiTokens)
        .set({ expiresAt: args.input.expiresAt ?? null })
        .where(eq(apiTokens.id, created.id))
        .returning();
      await audit(ctx.services.database.db, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'api_token.created', targetType: 'api_token', targetId: created.id, at: now, data: { name, scopes: requested } });
      return { token: created.token, apiToken: row! };
    },
    async revokeApiToken(_: unknown, args: { id: string }, ctx: GraphQLContext): Promise<ApiTokenRow> {
      const actor = ctx.auth.requireActor('read');
      const now = ctx.services.clock.now();
      const [row] = /^[0-9a-f-]{36}$/i.test(args.id)
        ? await ctx.services.database.db
            .update(apiTokens)
            .set({ revokedAt: now })
            .where(and(eq(apiTokens.id, args.id), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
            .returning()
        : [];
      if (!row) throw new NotFoundError('Active API token');
      await audit(ctx.services.database.db, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'api_token.revoked', targetType: 'api_token', targetId: row.id, at: now });
      return row;
    },
  },
};
