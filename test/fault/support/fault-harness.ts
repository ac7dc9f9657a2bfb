/**
 * Shared pieces of the fault tests: a Shopify-style sync installation, the
 * exact record set the fixture should end up as, a TCP relay on loopback in
 * front of PostgreSQL that a test can cut and restore (the real server keeps
 * running for everyone else), and a bounded wait.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../core/src/db/database.js';
import { syncedRecords } from '../../../core/src/db/schema/runtime.js';
import { insertActiveInstallation, insertRunnablePlugin } from '../../../core/src/runtime/testing/plugin-fixtures.js';
import { expectedRecord, SHOPIFY_MANIFEST, SHOPIFY_SYNC_CODE, type ShopifyFixture } from '../../../core/src/runtime/testing/shopify-fixture.js';

export async function installShopifySync(db: Db): Promise<string> {
  const plugin = await insertRunnablePlugin(db, { manifest: SHOPIFY_MANIFEST, code: SHOPIFY_SYNC_CODE });
  return (await insertActiveInstallation(db, plugin)).id;
}

export async function storedRecords(db: Db, installationId: string) {
  const rows = await db
    .select({ id: syncedRecords.externalId, data: syncedRecords.data })
    .from(syncedRecords)
    .where(and(eq(syncedRecords.installationId, installationId), isNull(syncedRecords.deletedAt)));
  return rows.sort((a, b) => Number(a.id) - Number(b.id));
}

export function expectedRecords(fixture: ShopifyFixture) {
  return fixture.ids().map((id) => ({ id: String(id), data: expectedRecord(fixture.customer(id)!) }));
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** A TCP relay on loopback in front of PostgreSQL that a test cuts and restores. */
export { tcpRelay as postgresRelay } from '../../support/tcp-relay.js';
