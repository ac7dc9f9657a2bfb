/**
 * The deprecation policy engine: at least 180 days' notice (a platform
 * setting) unless an admin marks the deprecation security-critical, the two
 * newest majors supported, reminders at 90/30/7 days, and at sunset the
 * version retires and installations still on it are paused — never deleted.
 */
import { and, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { audit } from '../audit/audit-log.js';
import type { DbOrTx } from '../db/database.js';
import { platformSettings } from '../db/schema/audit.js';
import { installations } from '../db/schema/installations.js';
import { pluginVersions } from '../db/schema/registry.js';
import { ForbiddenError } from '../identity/actor.js';
import { notifyWorkspace } from '../notifications/notify.js';
import { PolicyViolationError } from './registry-errors.js';
import type { RegistryActor, RegistryDeps } from './registry-deps.js';
import { lockVersion, publisherRole, transitionVersion, type VersionRow } from './version-lifecycle.js';

export interface DeprecationPolicy {
  minNoticeDays: number;
  supportedMajors: number;
  reminderDays: number[];
}

export const DEFAULT_POLICY: DeprecationPolicy = { minNoticeDays: 180, supportedMajors: 2, reminderDays: [90, 30, 7] };
const POLICY_KEY = 'deprecation_policy';
const DAY = 86_400_000;

export async function getPolicy(db: DbOrTx): Promise<DeprecationPolicy> {
  const [row] = await db.select().from(platformSettings).where(eq(platformSettings.key, POLICY_KEY));
  return { ...DEFAULT_POLICY, ...((row?.value as Partial<DeprecationPolicy>) ?? {}) };
}

export async function setPolicy(deps: RegistryDeps, policy: DeprecationPolicy, actor: RegistryActor): Promise<void> {
  if (actor.platformRole !== 'admin') throw new ForbiddenError('Only platform admins can change the deprecation policy.');
  if (policy.minNoticeDays < 1 || policy.supportedMajors < 1 || policy.reminderDays.some((d) => d < 1)) {
    throw new PolicyViolationError('Policy values must be positive.', { policy });
  }
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.insert(platformSettings).values({ key: POLICY_KEY, value: policy, updatedAt: now }).onConflictDoUpdate({ target: platformSettings.key, set: { value: policy, updatedAt: now } });
    await audit(tx, { actorUserId: actor.userId, action: 'policy.updated', targetType: 'platform_setting', targetId: POLICY_KEY, at: now, data: policy });
  });
}

export function earliestSunset(policy: DeprecationPolicy, now: Date): Date {
  return new Date(now.getTime() + policy.minNoticeDays * DAY);
}

async function affectedWorkspaces(db: DbOrTx, versionId: string): Promise<Array<{ id: string; workspaceId: string }>> {
  return db
    .select({ id: installations.id, workspaceId: installations.workspaceId })
    .from(installations)
    .where(and(eq(installations.versionId, versionId), ne(installations.state, 'uninstalled')));
}

async function successor(db: DbOrTx, version: VersionRow): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(pluginVersions)
    .where(and(eq(pluginVersions.pluginId, version.pluginId), eq(pluginVersions.state, 'certified')))
    .orderBy(desc(pluginVersions.major), desc(pluginVersions.minor), desc(pluginVersions.patch))
    .limit(1);
  return row && row.id !== version.id ? row : undefined;
}

export interface DeprecateInput {
  versionId: string;
  sunsetAt: Date;
  message: string;
  securityCritical?: boolean;
  actor: RegistryActor;
}

export async function deprecateVersion(deps: RegistryDeps, input: DeprecateInput, tx?: DbOrTx): Promise<VersionRow> {
  const work = async (db: DbOrTx) => {
    const now = deps.clock.now();
    const policy = await getPolicy(db);
    const version = await lockVersion(db, input.versionId);
    const isAdmin = input.actor.platformRole === 'admin';
    if (input.actor.userId && !isAdmin && !(await publisherRole(db, version.pluginId, input.actor.userId))) {
      throw new ForbiddenError('Only the publisher or a platform admin can deprecate this version.');
    }
    if (input.securityCritical && !isAdmin) throw new ForbiddenError('Only a platform admin can mark a deprecation security-critical.');
    if (!input.message.trim()) throw new PolicyViolationError('A deprecation needs a message telling customers what to do.', { path: 'message' });
    const earliest = earliestSunset(policy, now);
    if (input.sunsetAt < earliest && !input.securityCritical) {
      throw new PolicyViolationError(
        `The sunset date must be at least ${policy.minNoticeDays} days away: ${earliest.toISOString().slice(0, 10)} or later. Only a security-critical deprecation by an admin may be sooner.`,
        { earliestSunset: earliest.toISOString(), minNoticeDays: policy.minNoticeDays },
      );
    }
    const updated = await transitionVersion(db, {
      versionId: version.id,
      to: 'deprecated',
      actorUserId: input.actor.userId,
      reason: `${input.securityCritical ? '[security-critical] ' : ''}${input.message}`,
      now,
      set: { deprecatedAt: now, sunsetAt: input.sunsetAt, deprecationMessage: input.message, securityCritical: Boolean(input.securityCritical) },
    });
    const next = await successor(db, version);
    for (const inst of await affectedWorkspaces(db, version.id)) {
      await notifyWorkspace(db, {
        workspaceId: inst.workspaceId,
        kind: 'version.deprecated',
        title: `${version.pluginId} ${version.version} is deprecated`,
        body: `${input.message} It stops working on ${input.sunsetAt.toISOString().slice(0, 10)}.${next ? ` Migrate to ${next.version}.` : ''}`,
        link: `/installations/${inst.id}`,
        dedupeKey: `deprecated:${version.id}:${inst.id}`,
        now,
      });
    }
    return updated;
  };
  return tx ? work(tx) : deps.db.transaction(work);
}

/** After a new major is certified: every major older than the newest `supportedMajors` gets deprecated under the policy. */
export async function enforceSupportWindow(deps: RegistryDeps, pluginId: string): Promise<string[]> {
  return deps.db.transaction(async (tx) => {
    const policy = await getPolicy(tx);
    const certified = await tx.select().from(pluginVersions).where(and(eq(pluginVersions.pluginId, pluginId), inArray(pluginVersions.state, ['certified', 'deprecated'])));
    const majors = [...new Set(certified.map((v) => v.major))].sort((a, b) => b - a);
    const supported = new Set(majors.slice(0, policy.supportedMajors));
    const sunsetAt = earliestSunset(policy, deps.clock.now());
    const deprecated: string[] = [];
    for (const version of certified) {
      if (supported.has(version.major) || version.state !== 'certified') continue;
      await deprecateVersion(
        deps,
        { versionId: version.id, sunsetAt, message: `Major version ${version.major} is no longer supported: the platform supports the ${policy.supportedMajors} newest majors (${[...supported].join(', ')}).`, actor: { userId: null, platformRole: 'admin' } },
        tx,
      );
      deprecated.push(version.version);
    }
    return deprecated;
  });
}

export interface SweepResult {
  reminders: number;
  retired: string[];
  paused: number;
}

/** Sends due reminders and retires versions at sunset. Idempotent: safe to run every hour. */
export async function runDeprecationSweep(deps: RegistryDeps): Promise<SweepResult> {
  const now = deps.clock.now();
  const policy = await getPolicy(deps.db);
  const result: SweepResult = { reminders: 0, retired: [], paused: 0 };
  const due = await deps.db.select().from(pluginVersions).where(and(eq(pluginVersions.state, 'deprecated'), isNotNull(pluginVersions.sunsetAt)));
  for (const version of due) {
    const sunset = version.sunsetAt!;
    await deps.db.transaction(async (tx) => {
      const next = await successor(tx, version);
      const migrate = next ? `Migrate to ${next.version}` : 'Uninstall it or contact the publisher';
      if (now >= sunset) {
        await transitionVersion(tx, { versionId: version.id, to: 'retired', actorUserId: null, reason: 'sunset date reached', now, set: { retiredAt: now } });
        result.retired.push(`${version.pluginId}@${version.version}`);
        for (const inst of await affectedWorkspaces(tx, version.id)) {
          await tx
            .update(installations)
            .set({ state: 'paused', stateReason: `${version.pluginId} ${version.version} was retired on ${sunset.toISOString().slice(0, 10)}. ${migrate} to resume; your data is kept.`, updatedAt: now })
            .where(eq(installations.id, inst.id));
          result.paused += 1;
          await notifyWorkspace(tx, {
            workspaceId: inst.workspaceId,
            kind: 'installation.paused',
            title: `${version.pluginId} is paused: version ${version.version} was retired`,
            body: `${version.deprecationMessage ?? ''} ${migrate} to resume it. Nothing was deleted.`.trim(),
            link: `/installations/${inst.id}`,
            dedupeKey: `sunset:${version.id}:${inst.id}`,
            now,
          });
        }
        return;
      }
      const daysLeft = (sunset.getTime() - now.getTime()) / DAY;
      const threshold = [...policy.reminderDays].sort((a, b) => a - b).find((d) => daysLeft <= d);
      if (threshold === undefined) return;
      for (const inst of await affectedWorkspaces(tx, version.id)) {
        const sent = await notifyWorkspace(tx, {
          workspaceId: inst.workspaceId,
          kind: 'version.sunset_reminder',
          title: `${threshold} days left: ${version.pluginId} ${version.version} stops on ${sunset.toISOString().slice(0, 10)}`,
          body: `${version.deprecationMessage ?? ''} ${migrate} before ${sunset.toISOString().slice(0, 10)}; after that the installation is paused.`.trim(),
          link: `/installations/${inst.id}`,
          dedupeKey: `reminder:${version.id}:${threshold}:${inst.id}`,
          now,
        });
        if (sent) result.reminders += 1;
      }
    });
  }
  return result;
}
