/**
 * Creating and switching automations (zaps): a trigger of one installation
 * linked to an action of another in the same workspace, with a field mapping
 * and filters. Enabling or disabling one that uses a webhook trigger queues
 * the REST-hook subscribe or unsubscribe.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { installations } from '../../db/schema/installations.js';
import { pluginVersions } from '../../db/schema/registry.js';
import { automations } from '../../db/schema/runtime.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { reconcileSubscription } from '../webhooks/trigger-subscriptions.js';
import { validateFilters, type FilterCondition } from './automation-filters.js';

export type AutomationRow = typeof automations.$inferSelect;

export interface NewAutomation {
  workspaceId: string;
  name: string;
  trigger: { installationId: string; name: string };
  action: { installationId: string; name: string };
  mapping?: Record<string, unknown>;
  filters?: FilterCondition[];
  enabled?: boolean;
  autoReplay?: boolean;
}

async function manifestOf(db: Db, installationId: string, workspaceId: string) {
  const [row] = await db
    .select({ workspaceId: installations.workspaceId, manifest: pluginVersions.manifest })
    .from(installations)
    .innerJoin(pluginVersions, eq(pluginVersions.id, installations.versionId))
    .where(eq(installations.id, installationId));
  if (!row || row.workspaceId !== workspaceId) throw new NotFoundError(`Installation ${installationId}`);
  return row.manifest as { triggers?: Record<string, { type?: string }>; actions?: Record<string, unknown> };
}

export async function createAutomation(db: Db, input: NewAutomation, now: Date): Promise<AutomationRow> {
  const triggerManifest = await manifestOf(db, input.trigger.installationId, input.workspaceId);
  const actionManifest = await manifestOf(db, input.action.installationId, input.workspaceId);
  const trigger = triggerManifest.triggers?.[input.trigger.name];
  if (!trigger) throw new ValidationError(`The trigger installation has no trigger named ${input.trigger.name}.`, { field: 'trigger.name' });
  if (!actionManifest.actions?.[input.action.name]) throw new ValidationError(`The action installation has no action named ${input.action.name}.`, { field: 'action.name' });
  const problems = validateFilters(input.filters ?? []);
  if (problems.length) throw new ValidationError(problems.join(' '), { field: 'filters' });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(automations)
      .values({
        workspaceId: input.workspaceId,
        name: input.name,
        triggerInstallationId: input.trigger.installationId,
        triggerName: input.trigger.name,
        actionInstallationId: input.action.installationId,
        actionName: input.action.name,
        mapping: input.mapping ?? {},
        filters: input.filters ?? [],
        enabled: input.enabled ?? true,
        autoReplay: input.autoReplay ?? true,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (trigger.type === 'webhook' && row!.enabled) await reconcileSubscription(tx, { installationId: row!.triggerInstallationId, triggerName: row!.triggerName, now });
    return row!;
  });
}

export async function setAutomationEnabled(db: Db, automationId: string, enabled: boolean, now: Date): Promise<AutomationRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(automations).set({ enabled, updatedAt: now }).where(eq(automations.id, automationId)).returning();
    if (!row) throw new NotFoundError('Automation');
    const [version] = await tx
      .select({ manifest: pluginVersions.manifest })
      .from(installations)
      .innerJoin(pluginVersions, eq(pluginVersions.id, installations.versionId))
      .where(eq(installations.id, row.triggerInstallationId));
    const type = (version?.manifest as { triggers?: Record<string, { type?: string }> } | undefined)?.triggers?.[row.triggerName]?.type;
    if (type === 'webhook') await reconcileSubscription(tx, { installationId: row.triggerInstallationId, triggerName: row.triggerName, now });
    return row;
  });
}
