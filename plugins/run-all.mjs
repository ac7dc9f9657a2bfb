#!/usr/bin/env node
/**
 * `npm run plugins:test`: runs `nudge test` in every plugin folder under plugins/ (a folder with a
 * package.json and src/index.ts), one after another, and exits 1 when any plugin fails.
 * The folders are discovered, never listed by hand, so a new plugin is picked up as soon as it exists.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const pluginsDir = path.dirname(new URL(import.meta.url).pathname);
const nudge = path.resolve(pluginsDir, '../sdk/bin/nudge.js');
const only = process.argv.slice(2);

const folders = fs
  .readdirSync(pluginsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
  .map((d) => d.name)
  .filter((name) => fs.existsSync(path.join(pluginsDir, name, 'package.json')) && fs.existsSync(path.join(pluginsDir, name, 'src', 'index.ts')))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

const failed = [];
for (const name of folders) {
  process.stdout.write(`\n── ${name}\n`);
  const result = spawnSync(process.execPath, [nudge, 'test'], { cwd: path.join(pluginsDir, name), stdio: 'inherit' });
  if (result.status !== 0) failed.push(name);
}
process.stdout.write(`\n${folders.length - failed.length}/${folders.length} plugins passed${failed.length ? `; failed: ${failed.join(', ')}` : ''}\n`);
process.exit(failed.length ? 1 : 0);
