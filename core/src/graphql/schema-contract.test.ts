/**
 * The schema contract: the checked-in SDL builds with every resolver, has no
 * unannounced breaking change against the released v1, and every deprecation
 * names a removal date the policy allows.
 */
import { describe, expect, it } from 'vitest';
import { buildSchema } from './graphql-js.js';
import { buildApiSchema, readSchemaSdl, RELEASED_SCHEMA_FILE } from './schema.js';
import { deprecationProblems, unannouncedBreakingChanges } from './schema-contract.js';

const today = new Date();

describe('schema contract', () => {
  it('the SDL builds into the executable schema with a resolver for every field that needs one', () => {
    expect(() => buildApiSchema()).not.toThrow();
  });

  it('has no breaking change against the last released schema (schemas/graphql/released/v1.graphql)', () => {
    const released = buildSchema(readSchemaSdl(RELEASED_SCHEMA_FILE));
    expect(unannouncedBreakingChanges(released, buildSchema(readSchemaSdl()), today)).toEqual([]);
  });

  it('detects a removed field and a changed type as breaking, unless the field was deprecated with a passed removal date', () => {
    const v1 = buildSchema('type Query { a: String, b: Int, old: String @deprecated(reason: "Use a. Removal: 2020-01-01") }');
    const v2 = buildSchema('type Query { b: String }');
    expect(unannouncedBreakingChanges(v1, v2, today)).toEqual([expect.stringContaining('Query.a was removed'), expect.stringContaining('Query.b changed type')]);
    const future = buildSchema('type Query { old: String @deprecated(reason: "Removal: 2999-01-01") }');
    expect(unannouncedBreakingChanges(future, buildSchema('type Query { x: Int }'), today)).toEqual([expect.stringContaining('Query.old was removed')]);
  });

  it('every deprecation in the schema names a removal date at least 180 days away (the plugin window)', () => {
    const released = buildSchema(readSchemaSdl(RELEASED_SCHEMA_FILE));
    expect(deprecationProblems(buildSchema(readSchemaSdl()), released, today, 180)).toEqual([]);
    const bad = buildSchema('type Query { a: String @deprecated(reason: "Use b"), c: String @deprecated(reason: "Removal: 2000-01-01"), b: String }');
    expect(deprecationProblems(bad, buildSchema('type Query { b: String }'), today, 180)).toEqual([
      expect.stringContaining('Query.a: the deprecation reason must name its removal date'),
      expect.stringContaining('Query.c: a new deprecation needs at least 180 days'),
    ]);
  });
});
