/**
 * Derives the manifest from an evaluated plugin definition (contract §4): the definition with every
 * function removed, plus `sdkVersion` and the names of the option providers. The definition is the
 * single source of truth; `nudge build` writes the result to the bundle and to manifest.json.
 */
import { SDK_VERSION } from '../version.js';

const MAX_DEPTH = 64;

/** A deep copy without functions, `undefined` or symbols; key order is kept, so output is stable. */
function stripFunctions(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new Error('The definition nests deeper than 64 levels.');
  if (Array.isArray(value)) {
    return value.filter((item) => typeof item !== 'function' && item !== undefined).map((item) => stripFunctions(item, depth + 1));
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'function' || child === undefined || typeof child === 'symbol') continue;
      out[key] = stripFunctions(child, depth + 1);
    }
    return out;
  }
  return value;
}

/**
 * The manifest of a definition. It does not validate: pass the result to `validateManifest`.
 * @example const manifest = manifestFromDefinition(bundle.default);
 */
export function manifestFromDefinition(definition: unknown, sdkVersion: string = SDK_VERSION): Record<string, unknown> {
  const copy = stripFunctions(definition, 0);
  if (copy === null || typeof copy !== 'object' || Array.isArray(copy)) {
    throw new TypeError('The plugin definition must be an object: default-export definePlugin({...}) from src/index.ts.');
  }
  const manifest = copy as Record<string, unknown>;
  const options = (definition as { options?: unknown }).options;
  delete manifest.options;
  manifest.sdkVersion = sdkVersion;
  if (options !== null && typeof options === 'object') manifest.options = Object.keys(options);
  return manifest;
}
