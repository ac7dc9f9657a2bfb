/**
 * Codegen for core's contracts: every schemas/*.schema.json except the plugin
 * manifest (generated into the SDK) becomes core/src/contracts/<name>.generated.ts
 * with json-schema-to-typescript. `npm run schemas:generate` runs it; a test
 * fails when a checked-in file differs from what this renders.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCHEMAS = path.join(repoRoot, 'schemas');
const OUT = path.join(repoRoot, 'core/src/contracts');
const SDK_OWNED = new Set(['plugin-manifest.schema.json']);

export async function renderContracts(): Promise<Map<string, string>> {
  const files = (await readdir(SCHEMAS)).filter((f) => f.endsWith('.schema.json') && !SDK_OWNED.has(f)).sort();
  const out = new Map<string, string>();
  for (const file of files) {
    const schema = JSON.parse(await readFile(path.join(SCHEMAS, file), 'utf8')) as { title: string; $id: string };
    const body = await compile(structuredClone(schema) as never, schema.title, {
      bannerComment: '',
      additionalProperties: false,
      format: true,
      style: { singleQuote: true, printWidth: 120 },
      unreachableDefinitions: false,
    });
    const banner = `/**\n * Generated from schemas/${file} by \`npm run schemas:generate\` — do not edit.\n * A test fails when this file differs from what the generator produces.\n */\n`;
    out.set(path.join(OUT, file.replace('.schema.json', '.generated.ts')), `${banner}/* eslint-disable */\n\n${body.trim()}\n`);
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [file, text] of await renderContracts()) {
    await writeFile(file, text);
    process.stdout.write(`wrote ${path.relative(repoRoot, file)}\n`);
  }
}
