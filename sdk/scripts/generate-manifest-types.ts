/**
 * Codegen for the manifest contract: reads schemas/plugin-manifest.schema.json and writes the checked-in
 * sdk/src/manifest/generated-types.ts (json-schema-to-typescript) and generated-schema.ts (the schema as a
 * module, so the published SDK needs no file outside its package). `npm run schemas:generate` runs it;
 * generated-types.test.ts fails when the checked-in files differ from what this renders.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCHEMA_PATH = path.join(repoRoot, 'schemas/plugin-manifest.schema.json');
export const TYPES_PATH = path.join(repoRoot, 'sdk/src/manifest/generated-types.ts');
export const SCHEMA_MODULE_PATH = path.join(repoRoot, 'sdk/src/manifest/generated-schema.ts');

const BANNER = `/**
 * Generated from schemas/plugin-manifest.schema.json by \`npm run schemas:generate\` — do not edit.
 * A test fails when this file differs from what the generator produces.
 */
`;

/** Renders both generated files from the schema on disk. */
export async function renderManifestFiles(): Promise<{ types: string; schemaModule: string }> {
  const schema = JSON.parse(await readFile(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  const body = await compile(structuredClone(schema) as never, 'PluginManifest', {
    bannerComment: '',
    additionalProperties: false,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
    unreachableDefinitions: false,
    ignoreMinAndMaxItems: true,
  });
  const types = `${BANNER}/* eslint-disable */\n\n${body.trim()}\n`;
  const schemaModule = `${BANNER}\n/** The plugin manifest JSON Schema, \`$id\` ${String(schema.$id)}. */\nexport const PLUGIN_MANIFEST_SCHEMA = ${JSON.stringify(schema, null, 2)} as const;\n`;
  return { types, schemaModule };
}

async function main(): Promise<void> {
  const { types, schemaModule } = await renderManifestFiles();
  await writeFile(TYPES_PATH, types);
  await writeFile(SCHEMA_MODULE_PATH, schemaModule);
  process.stdout.write(`wrote ${path.relative(repoRoot, TYPES_PATH)} and ${path.relative(repoRoot, SCHEMA_MODULE_PATH)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
