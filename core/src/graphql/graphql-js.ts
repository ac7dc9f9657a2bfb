/**
 * graphql-js, imported the way graphql-yoga imports it. graphql@16 has no
 * "exports" map: Node loads its CommonJS `index.js` while bundlers (vitest)
 * pick the `module` field's `index.mjs` — two copies whose classes fail each
 * other's instanceof checks. Naming the file makes every loader share one copy.
 */
export * from 'graphql/index.js';
