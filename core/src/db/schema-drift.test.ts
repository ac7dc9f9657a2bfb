/**
 * The checked-in migrations must match the drizzle schema: drizzle-kit, run
 * against a copy of the migrations folder, must find nothing to generate.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './database.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

describe('migrations', () => {
  it('are up to date with the schema', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nudge-drift-'));
    fs.cpSync(MIGRATIONS_FOLDER, out, { recursive: true });
    const config = path.join(out, 'drizzle.config.json');
    // drizzle-kit resolves paths relative to the working directory.
    fs.writeFileSync(config, JSON.stringify({ dialect: 'postgresql', schema: './core/src/db/schema/*.ts', out: path.relative(repoRoot, out) }));
    const before = fs.readdirSync(out).sort();
    const output = execFileSync(path.join(repoRoot, 'node_modules/.bin/drizzle-kit'), ['generate', '--config', config], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(output).toContain('No schema changes');
    expect(fs.readdirSync(out).sort(), output).toEqual(before);
  }, 60_000);
});
