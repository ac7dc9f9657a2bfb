/**
 * Who is calling: resolved once per request from an API token (Authorization:
 * Bearer nk_…) or a session cookie. Only hashes are stored; a token is shown
 * once at creation.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { apiTokens, sessions, users, workspaceMembers } from '../db/schema/identity.js';
import { AppError, ERROR_CODES } from '../errors.js';

export interface Actor {
  userId: string;
  email: string;
  platformRole: 'reviewer' | 'admin' | null;
  via: 'token' | 'session';
  tokenId?: string;
  scopes?: string[];
}

export const SESSION_COOKIE = 'nudge_session';
const TOKEN_PREFIX = 'nk_';

export const hashSecret = (value: string) => createHash('sha256').update(value).digest('hex');

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in, or send an API token as "Authorization: Bearer nk_…".') {
    super(ERROR_CODES.UNAUTHENTICATED, message);
    this.name = 'UnauthenticatedError';
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have access to this resource.') {
    super(ERROR_CODES.FORBIDDEN, message);
    this.name = 'ForbiddenError';
  }
}

export async function createApiToken(db: Db, userId: string, name: string, scopes: string[] = [], now = new Date()): Promise<{ id: string; token: string }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: hashSecret(token), prefix: token.slice(0, 10), scopes, createdAt: now })
    .returning({ id: apiTokens.id });
  return { id: row!.id, token };
}

export async function actorFromToken(db: Db, token: string, now = new Date()): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const [row] = await db
    .select({ tokenId: apiTokens.id, scopes: apiTokens.scopes, userId: users.id, email: users.email, platformRole: users.platformRole })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashSecret(token)), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))));
  if (!row) return undefined;
  return { userId: row.userId, email: row.email, platformRole: row.platformRole, via: 'token', tokenId: row.tokenId, scopes: row.scopes };
}

export async function actorFromSession(db: Db, sessionId: string, now = new Date()): Promise<Actor | undefined> {
  const [row] = await db
    .select({ userId: users.id, email: users.email, platformRole: users.platformRole })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, hashSecret(sessionId)), gt(sessions.expiresAt, now)));
  return row ? { ...row, via: 'session' } : undefined;
}

export async function workspaceRole(db: Db, actor: Actor, workspaceId: string): Promise<'member' | 'admin' | undefined> {
  const [row] = await db
    .select({ role: workspaceMembers.role })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, actor.userId)));
  return row?.role;
}

/** Throws unless the actor belongs to the workspace (with `admin` when required). */
export async function assertWorkspaceAccess(db: Db, actor: Actor | undefined, workspaceId: string, need: 'member' | 'admin' = 'member'): Promise<void> {
  if (!actor) throw new UnauthenticatedError();
  const role = await workspaceRole(db, actor, workspaceId);
  if (!role || (need === 'admin' && role !== 'admin')) throw new ForbiddenError();
}
