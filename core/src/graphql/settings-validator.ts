/**
 * Validates an installation's settings against its version's `settings` JSON
 * Schema with ajv; compiled validators are cached per version (versions are
 * immutable). Every problem names its JSON path.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ValidationError } from '../errors.js';

const addFormats = addFormatsModule.default;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const cache = new Map<string, ValidateFunction>();

export function settingsSchemaOf(manifest: unknown): Record<string, unknown> {
  const schema = (manifest as { settings?: unknown }).settings;
  return schema && typeof schema === 'object' ? (schema as Record<string, unknown>) : { type: 'object' };
}

export function validateSettings(versionId: string, manifest: unknown, settings: unknown): Record<string, unknown> {
  let validate = cache.get(versionId);
  if (!validate) {
    validate = ajv.compile(settingsSchemaOf(manifest));
    if (cache.size > 500) cache.clear();
    cache.set(versionId, validate);
  }
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) throw new ValidationError('settings must be a JSON object.', { path: 'settings' });
  if (!validate(settings)) {
    const problems = (validate.errors ?? []).map((e) => ({ path: `settings${e.instancePath.replace(/\//g, '.')}`, message: e.message ?? 'is invalid', keyword: e.keyword }));
    throw new ValidationError(`The settings do not match the integration's schema: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`, { problems });
  }
  return settings as Record<string, unknown>;
}
