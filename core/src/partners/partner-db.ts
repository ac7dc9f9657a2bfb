/** Small database helpers the partner modules share. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';

/** PostgreSQL's unique_violation (23505), through drizzle's wrapper and either driver. */
export function isUniqueViolation(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i += 1) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Serialises transactions that decide on the same key (released at commit). */
export async function lockKey(tx: DbOrTx, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}
