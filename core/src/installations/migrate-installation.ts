/**
 * Moving installations between versions. Minor and patch releases apply
 * automatically unless the workspace turned that off or the release needs
 * re-consent; a new major is explicit — one installation, or in bulk with a
 * canary percentage — runs the settings-migration hook, shows its changes and
 * can be rolled back.
 */
import { createHash } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { audit } from '../audit/audit-log.js';
import type { DbOrTx } from '../db/database.js';
import { installations } from '../db/schema/installations.js';
import { pluginVersions } from '../db/schema/registry.js';
import { AppError, ERROR_CODES, NotFoundError } from '../errors.js';
import { notifyWorkspace } from '../notifications/notify.js';
import { compareManifests, type CompatibilityReport } from '../registry/compatibility.js';
import type { InstallationRow, InstallationsDeps } from './install-plugin.js';
import { schemaSettingsMigrator, type SettingsChange, type SettingsMigrator } from './settings-migration.js';

export class ReconsentRequiredError extends AppError {
  constructor(report: CompatibilityReport['reconsent']) {
    super(ERROR_CODES.CONFLICT, `This version needs your consent first: ${[...report.addedScopes.map((s) => `scope ${s}`), ...report.addedHosts.map((h) => `host ${h}`)].join(', ')}.`, {
      details: { reason: 'RECONSENT_REQUIRED', ...report },
    });
    this.name = 'ReconsentRequiredError';
  }
}

export interface MigrationPlan {
  installationId: string;
  fromVersion: string;
  toVersion: string;
  compatibility: CompatibilityReport;
  settings: { before: Record<string, unknown>; after: Record<string, unknown>; changes: SettingsChange[] };
  needsReconsent: boolean;
}

async function load(db: DbOrTx, installationId: string) {
  const [inst] = await db.select().from(installations).where(eq(installations.id, installationId));
  if (!inst) throw new NotFoundError('Installation');
  const [current] = await db.select().from(pluginVersions).where(eq(pluginVersions.id, inst.versionId));
  return { inst, current: current! };
}

export async function planMigration(deps: InstallationsDeps, installationId: string, targetVersionId: string, migrator: SettingsMigrator = schemaSettingsMigrator): Promise<MigrationPlan> {
  const { inst, current } = await load(deps.db, installationId);
  const [target] = await deps.db.select().from(pluginVersions).where(eq(pluginVersions.id, targetVersionId));
  if (!target || target.pluginId !== inst.pluginId) throw new NotFoundError('Target version of this plugin');
  if (target.state !== 'certified') throw new AppError(ERROR_CODES.CONFLICT, `Version ${target.version} is ${target.state}; only certified versions can be migrated to.`);
  const compatibility = compareManifests(current.manifest as Record<string, unknown>, target.manifest as Record<string, unknown>);
  const consentedScopes = new Set(inst.consentedScopes);
  const consentedHosts = new Set(inst.consentedHosts);
  const reconsent = {
    addedScopes: (((target.manifest as { auth?: { scopes?: string[] } }).auth?.scopes) ?? []).filter((s) => !consentedScopes.has(s)),
    addedHosts: (((target.manifest as { permissions?: { hosts?: string[] } }).permissions?.hosts) ?? []).filter((h) => !consentedHosts.has(h)),
  };
  const migrated = await migrator({ settings: inst.settings as Record<string, unknown>, from: current.manifest as Record<string, unknown>, to: target.manifest as Record<string, unknown> });
  return {
    installationId,
    fromVersion: current.version,
    toVersion: target.version,
    compatibility: { ...compatibility, reconsent },
    settings: { before: inst.settings as Record<string, unknown>, after: migrated.settings, changes: migrated.changes },
    needsReconsent: reconsent.addedScopes.length + reconsent.addedHosts.length > 0,
  };
}

export async function migrateInstallation(
  deps: InstallationsDeps,
  input: { installationId: string; targetVersionId: string; actorUserId: string | null; consent?: boolean; migrator?: SettingsMigrator },
): Promise<MigrationPlan> {
  const plan = await planMigration(deps, input.installationId, input.targetVersionId, input.migrator);
  if (plan.needsReconsent && !input.consent) throw new ReconsentRequiredError(plan.compatibility.reconsent);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const { inst } = await load(tx, input.installationId);
    const [target] = await tx.select().from(pluginVersions).where(eq(pluginVersions.id, input.targetVersionId));
    const manifest = target!.manifest as { auth?: { scopes?: string[] }; permissions?: { hosts?: string[] } };
    await tx
      .update(installations)
      .set({
        previousVersionId: inst.versionId,
        previousSettings: inst.settings,
        versionId: target!.id,
        pinnedMajor: target!.major,
        settings: plan.settings.after,
        consentedScopes: [...new Set([...inst.consentedScopes, ...(manifest.auth?.scopes ?? [])])],
        consentedHosts: [...new Set([...inst.consentedHosts, ...(manifest.permissions?.hosts ?? [])])],
        // A paused installation (its version retired) resumes on the new version.
        ...(inst.state === 'paused' ? { state: 'active' as const, stateReason: null } : {}),
        updatedAt: now,
      })
      .where(eq(installations.id, inst.id));
    await audit(tx, { actorUserId: input.actorUserId, action: 'installation.migrated', targetType: 'installation', targetId: inst.id, workspaceId: inst.workspaceId, at: now, data: { from: plan.fromVersion, to: plan.toVersion, settings: plan.settings.changes } });
  });
  return plan;
}

export async function rollbackInstallation(deps: InstallationsDeps, installationId: string, actorUserId: string | null): Promise<InstallationRow> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { inst, current } = await load(tx, installationId);
    if (!inst.previousVersionId) throw new AppError(ERROR_CODES.CONFLICT, 'There is no earlier version to roll back to.');
    const [previous] = await tx.select().from(pluginVersions).where(eq(pluginVersions.id, inst.previousVersionId));
    const [row] = await tx
      .update(installations)
      .set({ versionId: previous!.id, pinnedMajor: previous!.major, settings: inst.previousSettings ?? inst.settings, previousVersionId: inst.versionId, previousSettings: inst.settings, updatedAt: now })
      .where(eq(installations.id, inst.id))
      .returning();
    await audit(tx, { actorUserId, action: 'installation.rolled_back', targetType: 'installation', targetId: inst.id, workspaceId: inst.workspaceId, at: now, data: { from: current.version, to: previous!.version } });
    return row!;
  });
}

/** Deterministic canary membership: the same installations are chosen for the same percentage. */
export function inCanary(installationId: string, percent: number): boolean {
  const bucket = createHash('sha256').update(installationId).digest().readUInt32BE(0) % 100;
  return bucket < percent;
}

export async function bulkMigrate(
  deps: InstallationsDeps,
  input: { pluginId: string; fromMajor: number; targetVersionId: string; canaryPercent: number; actorUserId: string | null },
): Promise<{ migrated: string[]; skipped: Array<{ id: string; reason: string }> }> {
  if (!(input.canaryPercent > 0 && input.canaryPercent <= 100)) throw new AppError(ERROR_CODES.VALIDATION_FAILED, 'canaryPercent must be between 1 and 100.');
  const candidates = await deps.db
    .select()
    .from(installations)
    .where(and(eq(installations.pluginId, input.pluginId), eq(installations.pinnedMajor, input.fromMajor), ne(installations.state, 'uninstalled')));
  const migrated: string[] = [];
  const skipped: Array<{ id: string; reason: string }> = [];
  for (const inst of candidates) {
    if (!inCanary(inst.id, input.canaryPercent)) continue;
    try {
      await migrateInstallation(deps, { installationId: inst.id, targetVersionId: input.targetVersionId, actorUserId: input.actorUserId });
      migrated.push(inst.id);
    } catch (err) {
      skipped.push({ id: inst.id, reason: (err as AppError).code ?? 'ERROR' });
      if (err instanceof ReconsentRequiredError) {
        await notifyWorkspace(deps.db, {
          workspaceId: inst.workspaceId,
          kind: 'installation.reconsent_required',
          title: `${input.pluginId} needs your consent to update`,
          body: err.message,
          link: `/installations/${inst.id}`,
          dedupeKey: `reconsent:${inst.id}:${input.targetVersionId}`,
          now: deps.clock.now(),
        });
      }
    }
  }
  return { migrated, skipped };
}

/** After a minor/patch is certified: move opted-in installations of that major to it, unless it needs re-consent. */
export async function applyMinorUpdates(deps: InstallationsDeps, versionId: string): Promise<{ updated: number; needConsent: number }> {
  const [version] = await deps.db.select().from(pluginVersions).where(eq(pluginVersions.id, versionId));
  if (!version || version.state !== 'certified') return { updated: 0, needConsent: 0 };
  const candidates = await deps.db
    .select()
    .from(installations)
    .where(and(eq(installations.pluginId, version.pluginId), eq(installations.pinnedMajor, version.major), eq(installations.autoUpdate, true), ne(installations.state, 'uninstalled'), ne(installations.versionId, version.id)));
  let updated = 0;
  let needConsent = 0;
  for (const inst of candidates) {
    const [current] = await deps.db.select().from(pluginVersions).where(eq(pluginVersions.id, inst.versionId));
    if (current && (current.minor > version.minor || (current.minor === version.minor && current.patch >= version.patch))) continue;
    try {
      await migrateInstallation(deps, { installationId: inst.id, targetVersionId: version.id, actorUserId: null });
      updated += 1;
    } catch (err) {
      if (!(err instanceof ReconsentRequiredError)) throw err;
      needConsent += 1;
      await notifyWorkspace(deps.db, {
        workspaceId: inst.workspaceId,
        kind: 'installation.reconsent_required',
        title: `${version.pluginId} ${version.version} needs your consent`,
        body: err.message,
        link: `/installations/${inst.id}`,
        dedupeKey: `reconsent:${inst.id}:${version.id}`,
        now: deps.clock.now(),
      });
    }
  }
  return { updated, needConsent };
}
