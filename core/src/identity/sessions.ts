/**
 * Browser sessions for the UI: the cookie carries a random id, the row only its
 * hash and the CSRF token that cookie-authenticated mutations must echo in a
 * header. Created by the GraphQL login; resolved by `actorFromSession`.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { sessions } from '../db/schema/identity.js';
import { hashSecret } from './actor.js';

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
