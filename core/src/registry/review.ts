/**
 * The reviewer's decision and what follows a certification: a new major
 * triggers the support window (older majors deprecated under the policy) and
 * a minor or patch rolls out to opted-in installations of its major.
 */
import { and, eq, ne } from 'drizzle-orm';
import { pluginVersions } from '../db/schema/registry.js';
import { applyMinorUpdates } from '../installations/migrate-installation.js';
import { enforceSupportWindow } from './deprecation-policy.js';
import type { RegistryDeps } from './registry-deps.js';
import { reviewVersion, type ReviewDecision, type VersionRow } from './version-lifecycle.js';

export interface ReviewOutcome {
  version: VersionRow;
  deprecatedByPolicy: string[];
  autoUpdated: number;
  awaitingConsent: number;
}

export async function reviewAndApply(deps: RegistryDeps, decision: ReviewDecision): Promise<ReviewOutcome> {
  const version = await reviewVersion(deps, decision);
  if (version.state !== 'certified') return { version, deprecatedByPolicy: [], autoUpdated: 0, awaitingConsent: 0 };
  const earlierInMajor = await deps.db
    .select({ id: pluginVersions.id })
    .from(pluginVersions)
    .where(and(eq(pluginVersions.pluginId, version.pluginId), eq(pluginVersions.major, version.major), eq(pluginVersions.state, 'certified'), ne(pluginVersions.id, version.id)));
  const deprecatedByPolicy = earlierInMajor.length === 0 ? await enforceSupportWindow(deps, version.pluginId) : [];
  const updates = await applyMinorUpdates(deps, version.id);
  return { version, deprecatedByPolicy, autoUpdated: updates.updated, awaitingConsent: updates.needConsent };
}
