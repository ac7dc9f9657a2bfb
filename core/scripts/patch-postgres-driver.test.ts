import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { patchConnectionSource, patchIndexSource } from './patch-postgres-driver.mjs';

const require = createRequire(import.meta.url);
const driverDir = dirname(require.resolve('postgres'));
const installed = readFileSync(join(driverDir, 'connection.js'), 'utf8');
const installedIndex = readFileSync(join(driverDir, 'index.js'), 'utf8');

describe('patch-postgres-driver', () => {
  it('has repaired the installed driver: nextWrite is guarded and teardown resets the write timer', () => {
    expect(patchConnectionSource(installed).state).toBe('already');
    expect(installed).toMatch(/function nextWrite\(fn\) \{[\s\S]{0,160}if \(!socket\)/);
    expect(installed.match(/\n    clearImmediate\(nextWriteTimer\)\n    chunk = nextWriteTimer = null\n/g)).toHaveLength(2);
    expect(patchIndexSource(installedIndex).state).toBe('already');
    expect(installedIndex).toContain('c.queue === closed || onopen(c)');
  });

  it('refuses a driver whose text it does not recognise instead of half-patching it', () => {
    expect(() => patchConnectionSource('function nextWrite(fn) {\n    return 1\n  }')).toThrow(/expected exactly one occurrence/);
  });
});
