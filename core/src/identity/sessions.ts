/**
 * Browser sessions for the UI: the cookie carries a random id, the row only its
 * hash and the CSRF token that cookie-authenticated mutations must echo in a
 * header. Created by the GraphQL login; resolved by `actorFromSession`.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { audit } from '../audit/audit-log.js';
import { sessions } from '../db/schema/identity.js';
import { hashSecret, SESSION_COOKIE } from './actor.js';

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

export interface CreatedSession {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Db, userId: string, now: Date): Promise<CreatedSession> {
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.insert(sessions).values({ idHash: hashSecret(sessionId), userId, csrfToken, createdAt: now, expiresAt });
  return { sessionId, csrfToken, expiresAt };
}

/** The Set-Cookie value that carries a session (an empty value with max-age 0 clears it). */
export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

/** Signs a user in, whatever proved who they are (password, demo, single sign-on): a new session, audited, and its cookie. */
export async function openSession(db: Db, userId: string, options: { now: Date; secure: boolean; data?: Record<string, unknown> }): Promise<CreatedSession & { cookie: string }> {
  const session = await createSession(db, userId, options.now);
  await audit(db, { actorUserId: userId, action: 'session.created', targetType: 'user', targetId: userId, at: options.now, ...(options.data ? { data: options.data } : {}) });
  return { ...session, cookie: sessionCookie(session.sessionId, Math.floor(SESSION_TTL_MS / 1000), options.secure) };
}

/** The CSRF token of a live session, or undefined. */
export async function sessionCsrfToken(db: Db, sessionId: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .select({ csrfToken: sessions.csrfToken })
    .from(sessions)
    .where(and(eq(sessions.idHash, hashSecret(sessionId)), gt(sessions.expiresAt, now)));
  return row?.csrfToken;
}

/** Constant-time comparison of a sent CSRF header with the session's token. */
export function csrfMatches(expected: string | undefined, sent: string | undefined): boolean {
  if (!expected || !sent) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, hashSecret(sessionId)));
}
