/**
 * Where this SDK lives on disk, for the two places that need it: `nudge init` (the dependency spec a
 * new plugin's package.json uses) and the bundler (which inlines the SDK's isolate-safe modules).
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SDK_VERSION } from '../version.js';

/** dist/ when running compiled, src/ under vitest. */
export const SDK_MODULE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The SDK package folder (the one holding package.json), symlinks resolved. */
export function sdkPackageRoot(): string {
  return realpathSync(path.resolve(SDK_MODULE_ROOT, '..'));
}

/**
 * The dependency spec for a plugin created in `targetDir`: a relative `file:` path when the SDK is a
 * source checkout (this repository's sdk/ folder), the version range when it came from a registry.
 */
export function sdkDependencySpec(targetDir: string): string {
  const root = sdkPackageRoot();
  if (root.split(path.sep).includes('node_modules')) return `^${SDK_VERSION}`;
  const relative = path.relative(path.resolve(targetDir), root).split(path.sep).join('/');
  return `file:${relative.startsWith('.') ? relative : `./${relative}`}`;
}
