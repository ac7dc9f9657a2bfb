/**
 * Automation filters: every condition must hold for the action to run, as in
 * Zapier's "Only continue if…". A condition names a path in the trigger
 * output, an operator and (for most operators) a value.
 */
import { readPath } from '@nudgecampaign/plugin-sdk/mapping-template';

export const FILTER_OPERATORS = ['equals', 'not_equals', 'contains', 'not_contains', 'starts_with', 'ends_with', 'exists', 'not_exists', 'gt', 'gte', 'lt', 'lte', 'in'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export interface FilterCondition {
  field: string;
  op: FilterOperator;
  value?: unknown;
}

export interface FilterOutcome {
  passed: boolean;
  /** The conditions that did not hold. */
  failed: FilterCondition[];
}

const text = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)).toLowerCase();

function holds(condition: FilterCondition, source: unknown): boolean {
  const actual = readPath(source, condition.field);
  const expected = condition.value;
  switch (condition.op) {
    case 'exists':
      return actual !== undefined && actual !== null && actual !== '';
    case 'not_exists':
      return actual === undefined || actual === null || actual === '';
    case 'equals':
      return text(actual) === text(expected);
    case 'not_equals':
      return text(actual) !== text(expected);
    case 'contains':
      return Array.isArray(actual) ? actual.some((a) => text(a) === text(expected)) : text(actual).includes(text(expected));
    case 'not_contains':
      return Array.isArray(actual) ? !actual.some((a) => text(a) === text(expected)) : !text(actual).includes(text(expected));
    case 'starts_with':
      return text(actual).startsWith(text(expected));
    case 'ends_with':
      return text(actual).endsWith(text(expected));
    case 'in':
      return Array.isArray(expected) && expected.some((e) => text(e) === text(actual));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const a = Number(actual);
      const b = Number(expected);
      if (actual === null || actual === undefined || actual === '' || Number.isNaN(a) || Number.isNaN(b)) return false;
      return condition.op === 'gt' ? a > b : condition.op === 'gte' ? a >= b : condition.op === 'lt' ? a < b : a <= b;
    }
    default:
      return false;
  }
}

export function evaluateFilters(filters: unknown, source: unknown): FilterOutcome {
  const list = Array.isArray(filters) ? (filters as FilterCondition[]) : [];
  const failed = list.filter((c) => !holds(c, source));
  return { passed: failed.length === 0, failed };
}

/** Checks a filter list's shape before it is saved. Returns a message per problem. */
export function validateFilters(filters: unknown): string[] {
  if (!Array.isArray(filters)) return ['filters must be an array.'];
  return filters.flatMap((f, i) => {
    const c = f as Partial<FilterCondition>;
    const problems: string[] = [];
    if (typeof c?.field !== 'string' || c.field === '') problems.push(`filters[${i}].field must be a non-empty path.`);
    if (!FILTER_OPERATORS.includes(c?.op as FilterOperator)) problems.push(`filters[${i}].op must be one of ${FILTER_OPERATORS.join(', ')}.`);
    return problems;
  });
}
