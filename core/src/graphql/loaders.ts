/**
 * Per-request batch loaders for the rows resolvers reach through relations
 * (a listing's publisher, an installation's version …), so a page of N
 * listings costs one query per relation instead of N.
 */
import { desc, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { publishers, users } from '../db/schema/identity.js';
import { installations } from '../db/schema/installations.js';
import { certificationChecks, certificationRuns, pluginVersions, plugins } from '../db/schema/registry.js';
import { BatchLoader } from './batch-loader.js';

export type PluginRow = typeof plugins.$inferSelect;
export type PublisherRow = typeof publishers.$inferSelect;
export type VersionRow = typeof pluginVersions.$inferSelect;
export type CertificationRunRow = typeof certificationRuns.$inferSelect;
export type CertificationCheckRow = typeof certificationChecks.$inferSelect;
export type InstallationRow = typeof installations.$inferSelect;
export type UserRow = Pick<typeof users.$inferSelect, 'id' | 'email' | 'name'>;

function byKey<K, V>(rows: V[], key: (row: V) => K): Map<K, V> {
  return new Map(rows.map((row) => [key(row), row]));
}

export function createLoaders(db: Db) {
  return {
    plugin: new BatchLoader<string, PluginRow>(async (ids) => byKey(await db.select().from(plugins).where(inArray(plugins.id, ids)), (r) => r.id)),
    publisher: new BatchLoader<string, PublisherRow>(async (ids) => byKey(await db.select().from(publishers).where(inArray(publishers.id, ids)), (r) => r.id)),
    version: new BatchLoader<string, VersionRow>(async (ids) => byKey(await db.select().from(pluginVersions).where(inArray(pluginVersions.id, ids)), (r) => r.id)),
    user: new BatchLoader<string, UserRow>(async (ids) =>
      byKey(await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(inArray(users.id, ids)), (r) => r.id),
    ),
    /** Installations by id; callers reach them only through rows the Authorizer already allowed (e.g. an automation's). */
    installation: new BatchLoader<string, InstallationRow>(async (ids) => byKey(await db.select().from(installations).where(inArray(installations.id, ids)), (r) => r.id)),
    /** The newest certification run of each version. */
    latestRun: new BatchLoader<string, CertificationRunRow>(async (versionIds) => {
      const rows = await db.select().from(certificationRuns).where(inArray(certificationRuns.versionId, versionIds)).orderBy(desc(certificationRuns.startedAt));
      const latest = new Map<string, CertificationRunRow>();
      for (const row of rows) if (!latest.has(row.versionId)) latest.set(row.versionId, row);
      return latest;
    }),
    checks: new BatchLoader<string, CertificationCheckRow[]>(async (runIds) => {
      const rows = await db.select().from(certificationChecks).where(inArray(certificationChecks.runId, runIds));
      const grouped = new Map<string, CertificationCheckRow[]>();
      for (const row of rows) grouped.set(row.runId, [...(grouped.get(row.runId) ?? []), row]);
      return grouped;
    }),
    /** Versions of a plugin, newest first. */
    versionsOf: new BatchLoader<string, VersionRow[]>(async (pluginIds) => {
      const rows = await db
        .select()
        .from(pluginVersions)
        .where(inArray(pluginVersions.pluginId, pluginIds))
        .orderBy(desc(pluginVersions.major), desc(pluginVersions.minor), desc(pluginVersions.patch), desc(pluginVersions.createdAt));
      const grouped = new Map<string, VersionRow[]>();
      for (const row of rows) grouped.set(row.pluginId, [...(grouped.get(row.pluginId) ?? []), row]);
      return grouped;
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

