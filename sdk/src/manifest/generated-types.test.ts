/**
 * The checked-in generated files must equal what `npm run schemas:generate` renders from
 * schemas/plugin-manifest.schema.json; when this fails, run that script and commit the result.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SCHEMA_MODULE_PATH, TYPES_PATH, renderManifestFiles } from '../../scripts/generate-manifest-types.js';
import { PLUGIN_MANIFEST_SCHEMA } from './generated-schema.js';

describe('generated manifest types', () => {
  it('are up to date with the schema (run `npm run schemas:generate` if not)', async () => {
    const { types, schemaModule } = await renderManifestFiles();
    expect(await readFile(TYPES_PATH, 'utf8')).toBe(types);
    expect(await readFile(SCHEMA_MODULE_PATH, 'utf8')).toBe(schemaModule);
  }, 30_000);

  it('carry the do-not-edit banner and the versioned $id', async () => {
    expect(await readFile(TYPES_PATH, 'utf8')).toMatch(/^\/\*\*\n \* Generated from schemas\/plugin-manifest\.schema\.json .* do not edit\./);
    expect(PLUGIN_MANIFEST_SCHEMA.$id).toBe('https://schemas.nudgecampaign.dev/plugin-manifest/v1.json');
  });
});
