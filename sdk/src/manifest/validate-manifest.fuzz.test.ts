/**
 * Fuzzes validateManifest with 10,000 seeded random mutations of valid manifests: it must never throw
 * or hang, and every rejection must carry a JSON Pointer and say what is expected. The seed is fixed
 * (override with NUDGE_FUZZ_SEED) so a failure names the iteration that reproduces it.
 */
import { describe, expect, it } from 'vitest';
import valid from './testdata/valid-manifest.json' with { type: 'json' };
import { validateManifest } from './validate-manifest.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** mulberry32: small, fast, seeded. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS: Json[] = [
  structuredClone(valid) as Json,
  { ...structuredClone(valid), auth: { type: 'api_key', fields: { type: 'object', properties: { apiKey: { type: 'string' } } }, inject: { headers: { authorization: 'Bearer {{apiKey}}' } } } } as Json,
  { ...structuredClone(valid), auth: { type: 'none' }, triggers: {}, syncs: {}, options: [] } as Json,
];
const STRINGS = ['', ' ', 'x', 'polling', 'webhook', 'oauth2', 'object', 'id', '1.0.0', 'http://a', 'https://', '*.', '../../etc/passwd', '\u0000', '😀'.repeat(50), 'a'.repeat(5000), '{{apiKey}}', '__proto__', 'constructor', '$ref', '#/$defs/x'];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function randomValue(rand: () => number, depth = 0): Json {
  const roll = rand();
  if (roll < 0.15) return null;
  if (roll < 0.25) return rand() < 0.5;
  if (roll < 0.4) return pick(rand, [0, -1, 1.5, 1e308, -0, 2 ** 53, 7, 513, 8]);
  if (roll < 0.7 || depth > 3) return pick(rand, STRINGS);
  if (roll < 0.85) return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
  const obj: { [key: string]: Json } = {};
  for (let i = Math.floor(rand() * 4); i > 0; i--) obj[pick(rand, STRINGS)] = randomValue(rand, depth + 1);
  return obj;
}

/** Every container in the document, with a way to reach it. */
function containers(doc: Json, out: Array<Json[] | { [key: string]: Json }> = []): Array<Json[] | { [key: string]: Json }> {
  if (doc && typeof doc === 'object') {
    out.push(doc);
    for (const child of Array.isArray(doc) ? doc : Object.values(doc)) containers(child, out);
  }
  return out;
}

function mutate(doc: Json, rand: () => number): Json {
  if (rand() < 0.01) return randomValue(rand);
  const all = containers(doc);
  if (all.length === 0) return randomValue(rand);
  const target = pick(rand, all);
  const op = rand();
  if (Array.isArray(target)) {
    if (op < 0.3 && target.length) target.splice(Math.floor(rand() * target.length), 1);
    else if (op < 0.6) target.push(randomValue(rand));
    else if (op < 0.8 && target.length) target.push(structuredClone(target[0] as Json));
    else if (target.length) target[Math.floor(rand() * target.length)] = randomValue(rand);
    return doc;
  }
  const keys = Object.keys(target);
  const key = keys.length ? pick(rand, keys) : 'x';
  if (op < 0.3) delete target[key];
  else if (op < 0.6) target[key] = randomValue(rand);
  else if (op < 0.75) target[pick(rand, STRINGS)] = randomValue(rand);
  else if (op < 0.85 && typeof target[key] === 'string') target[key] = (target[key] as string).toUpperCase() + pick(rand, STRINGS);
  else target[key] = structuredClone(target) as Json;
  return doc;
}

describe('validateManifest under fuzzing', () => {
  it('survives 10,000 random mutations, and every rejection names a path and what is expected', () => {
    const seed = Number(process.env.NUDGE_FUZZ_SEED ?? 20_250_101);
    const rand = prng(seed);
    const started = Date.now();
    let rejected = 0;
    let slowest = 0;
    for (let i = 0; i < 10_000; i++) {
      let doc = structuredClone(pick(rand, SEEDS));
      for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) doc = mutate(doc, rand);
      const t0 = performance.now();
      let result: ReturnType<typeof validateManifest>;
      try {
        result = validateManifest(doc);
      } catch (error) {
        throw new Error(`seed ${seed}, iteration ${i}: validateManifest threw ${String(error)}`);
      }
      slowest = Math.max(slowest, performance.now() - t0);
      if (!result.ok) {
        rejected++;
        expect(result.problems.length, `seed ${seed}, iteration ${i}`).toBeGreaterThan(0);
        for (const problem of result.problems) {
          if (!/^\/.*/.test(problem.path) || !problem.message.startsWith(`${problem.path}: `) || !/expected /.test(problem.message)) {
            throw new Error(`seed ${seed}, iteration ${i}: problem without a path or expectation: ${JSON.stringify(problem)}`);
          }
        }
      }
    }
    expect(rejected).toBeGreaterThan(5_000);
    expect(slowest).toBeLessThan(1_000);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);
});
