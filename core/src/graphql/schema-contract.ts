/**
 * The API's deprecation rules, checked by tests: a deprecated field or enum
 * value names its removal date ("Removal: YYYY-MM-DD") at least the policy's
 * minimum notice after today, and a breaking change against the released
 * schema is allowed only for something the release had deprecated with a
 * removal date that has passed — the same window plugins get.
 */
import { BreakingChangeType, findBreakingChanges, isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from './graphql-js.js';

export const REMOVAL_PATTERN = /Removal: (\d{4}-\d{2}-\d{2})/;

export interface Deprecation {
  coordinate: string;
  reason: string;
  removal: Date | undefined;
}

export function deprecations(schema: GraphQLSchema): Deprecation[] {
  const found: Deprecation[] = [];
  const add = (coordinate: string, reason: string | null | undefined) => {
    if (reason === undefined || reason === null) return;
    const match = REMOVAL_PATTERN.exec(reason);
    found.push({ coordinate, reason, removal: match ? new Date(`${match[1]}T00:00:00Z`) : undefined });
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        add(`${type.name}.${field.name}`, field.deprecationReason);
        for (const arg of field.args) add(`${type.name}.${field.name}(${arg.name})`, arg.deprecationReason);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) add(`${type.name}.${field.name}`, field.deprecationReason);
    if (isEnumType(type)) for (const value of type.getValues()) add(`${type.name}.${value.name}`, value.deprecationReason);
  }
  return found;
}

/** Problems with the current schema's deprecations (missing or too-early removal dates). */
export function deprecationProblems(current: GraphQLSchema, released: GraphQLSchema, today: Date, minNoticeDays: number): string[] {
  const alreadyDeprecated = new Set(deprecations(released).map((d) => d.coordinate));
  const problems: string[] = [];
  for (const d of deprecations(current)) {
    if (!d.removal) problems.push(`${d.coordinate}: the deprecation reason must name its removal date as "Removal: YYYY-MM-DD".`);
    else if (!alreadyDeprecated.has(d.coordinate) && d.removal.getTime() < today.getTime() + minNoticeDays * 86_400_000) {
      problems.push(`${d.coordinate}: a new deprecation needs at least ${minNoticeDays} days' notice; ${d.removal.toISOString().slice(0, 10)} is too soon.`);
    }
  }
  return problems;
}

/** Breaking changes against the released schema that the deprecation window does not cover. */
export function unannouncedBreakingChanges(released: GraphQLSchema, current: GraphQLSchema, today: Date): string[] {
  const due = new Map(deprecations(released).map((d) => [d.coordinate, d.removal]));
  return findBreakingChanges(released, current)
    .filter((change) => {
      // Built-in scalars come and go with their use; clients cannot depend on their absence.
      if (change.type === BreakingChangeType.TYPE_REMOVED && change.description.startsWith('Standard scalar')) return false;
      if (change.type !== BreakingChangeType.FIELD_REMOVED && change.type !== BreakingChangeType.VALUE_REMOVED_FROM_ENUM) return true;
      const coordinate = /^(\S+)\.(\S+) was removed/.exec(change.description) ?? /^(\S+) was removed from enum type (\S+)/.exec(change.description);
      const key = change.type === BreakingChangeType.FIELD_REMOVED ? `${coordinate?.[1]}.${coordinate?.[2]}` : `${coordinate?.[2]}.${coordinate?.[1]}`;
      const removal = due.get(key);
      return !(removal && removal.getTime() <= today.getTime());
    })
    .map((c) => `${c.type}: ${c.description}`);
}
