/**
 * The settings-migration hook run when an installation moves to a new major.
 * The default migrator is driven by the new settings schema: it fills declared
 * defaults, drops fields the new schema no longer allows, and keeps the rest.
 * Every change is reported, so the customer sees what moves.
 */

export interface SettingsChange {
  field: string;
  change: 'added_default' | 'removed' | 'kept';
  before?: unknown;
  after?: unknown;
}

export type SettingsMigrator = (input: { settings: Record<string, unknown>; from: Record<string, unknown>; to: Record<string, unknown> }) => Promise<{ settings: Record<string, unknown>; changes: SettingsChange[] }>;

export const schemaSettingsMigrator: SettingsMigrator = async ({ settings, to }) => {
  const schema = ((to.settings ?? {}) as { properties?: Record<string, { default?: unknown }>; additionalProperties?: boolean });
  const properties = schema.properties ?? {};
  const next: Record<string, unknown> = {};
  const changes: SettingsChange[] = [];
  for (const [field, value] of Object.entries(settings)) {
    if (field in properties || schema.additionalProperties !== false) {
      next[field] = value;
      changes.push({ field, change: 'kept', before: value, after: value });
    } else {
      changes.push({ field, change: 'removed', before: value });
    }
  }
  for (const [field, property] of Object.entries(properties)) {
    if (!(field in next) && property.default !== undefined) {
      next[field] = property.default;
      changes.push({ field, change: 'added_default', after: property.default });
    }
  }
  return { settings: next, changes };
};
