/**
 * Turns ajv's errors into ManifestProblems: a JSON Pointer to the offending value and a sentence in
 * plain words of what is there and what is expected, using the schema's own `description`s.
 * Pure and total: it never throws, whatever ajv or the data hold.
 */
import type { ErrorObject } from 'ajv';

/** One thing wrong with a manifest. `path` is a JSON Pointer (`/` for the whole document). */
export interface ManifestProblem {
  path: string;
  /** `<path>: <what is wrong>; expected <what is right>.` */
  message: string;
  /** The schema keyword that failed, or the name of the semantic check. */
  keyword: string;
}

type SchemaNode = Record<string, unknown>;

function pointerEscape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function join(base: string, child: string): string {
  return `${base}/${pointerEscape(child)}`;
}

/** A short, safe rendering of a value for messages. */
export function preview(value: unknown): string {
  try {
    if (value === undefined) return 'undefined';
    const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
    return text.length > 48 ? `${text.slice(0, 45)}...` : text;
  } catch {
    return typeof value;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return `a ${typeof value}`;
}

const ARTICLE: Record<string, string> = { object: 'an object', array: 'an array', integer: 'an integer' };

/** Follows a local `$ref` (`#/$defs/x`) so descriptions of referenced definitions are found. */
function resolve(node: unknown, root: SchemaNode): SchemaNode | undefined {
  let current = node;
  for (let hops = 0; hops < 8 && current && typeof current === 'object'; hops++) {
    const ref = (current as SchemaNode).$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return current as SchemaNode;
    current = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((acc, key) => (acc && typeof acc === 'object' ? (acc as SchemaNode)[key] : undefined), root);
  }
  return current && typeof current === 'object' ? (current as SchemaNode) : undefined;
}

function describe(node: unknown, root: SchemaNode): string | undefined {
  const schema = resolve(node, root);
  if (!schema) return undefined;
  if (typeof schema.description === 'string') return schema.description;
  if ('const' in schema) return preview(schema.const);
  return undefined;
}

function discriminatorValues(parent: SchemaNode, root: SchemaNode, tag: string): string[] {
  const variants = Array.isArray(parent.oneOf) ? parent.oneOf : [];
  return variants
    .map((variant) => resolve(variant, root)?.properties)
    .map((props) => (props && typeof props === 'object' ? resolve((props as SchemaNode)[tag], root)?.const : undefined))
    .filter((value): value is string => typeof value === 'string');
}

function problem(path: string, what: string, expected: string | undefined, keyword: string): ManifestProblem {
  const where = path === '' ? '/' : path;
  return { path: where, keyword, message: `${where}: ${what}${expected ? `; expected ${expected}` : ''}.` };
}

/** Describes one ajv error (ajv must run with `verbose: true` so `data` and `parentSchema` are set). */
function describeOne(error: ErrorObject, root: SchemaNode): ManifestProblem | undefined {
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  const data: unknown = error.data;
  const path = error.instancePath;
  const own = typeof parent.description === 'string' ? parent.description : undefined;
  const propertyName = error.propertyName ?? params.propertyName;
  if (typeof propertyName === 'string') {
    // An error inside `propertyNames`: the key itself is wrong.
    if (error.keyword === 'propertyNames') return undefined;
    return problem(join(path, propertyName), `the name ${preview(propertyName)} is not allowed`, own, 'propertyNames');
  }
  switch (error.keyword) {
    case 'required': {
      const name = String(params.missingProperty);
      const properties = (parent.properties ?? {}) as SchemaNode;
      return problem(join(path, name), 'is missing', describe(properties[name], root) ?? 'a value', 'required');
    }
    case 'additionalProperties': {
      const allowed = Object.keys((parent.properties ?? {}) as SchemaNode);
      return problem(
        join(path, String(params.additionalProperty)),
        'is not a known property here',
        allowed.length > 0 ? `only ${allowed.join(', ')}` : 'no other properties',
        'additionalProperties',
      );
    }
    case 'type': {
      const wanted = String(params.type).split(',').map((t) => ARTICLE[t] ?? `a ${t}`).join(' or ');
      return problem(path, `is ${typeName(data)}`, own ? `${wanted}: ${own}` : wanted, 'type');
    }
    case 'const':
      return problem(path, `is ${preview(data)}`, preview(params.allowedValue), 'const');
    case 'enum':
      return problem(path, `is ${preview(data)}`, `one of ${(params.allowedValues as unknown[]).map((v) => preview(v)).join(', ')}`, 'enum');
    case 'discriminator': {
      const tag = String(params.tag);
      const values = discriminatorValues(parent, root, tag).map((v) => preview(v)).join(', ');
      if (params.error === 'tag') return problem(join(path, tag), 'is missing or not a string', `one of ${values}`, 'discriminator');
      return problem(join(path, tag), `is ${preview(params.tagValue)}`, `one of ${values}`, 'discriminator');
    }
    case 'pattern':
    case 'format':
      return problem(path, `is ${preview(data)}`, own ?? (error.keyword === 'format' ? `a valid ${String(params.format)}` : `text matching ${String(params.pattern)}`), error.keyword);
    case 'minLength':
    case 'maxLength':
      return problem(path, `has ${typeof data === 'string' ? data.length : '?'} characters`, own ?? `${error.keyword === 'minLength' ? 'at least' : 'at most'} ${String(params.limit)} characters`, error.keyword);
    case 'minItems':
    case 'maxItems':
      return problem(path, `has ${Array.isArray(data) ? data.length : '?'} items`, `${error.keyword === 'minItems' ? 'at least' : 'at most'} ${String(params.limit)} item(s)${own ? `: ${own}` : ''}`, error.keyword);
    case 'minProperties':
      return problem(path, 'is empty', own ?? `at least ${String(params.limit)} properties`, error.keyword);
    case 'uniqueItems':
      return problem(path, `repeats an item (items ${String(params.j)} and ${String(params.i)} are equal)`, `distinct items${own ? `: ${own}` : ''}`, error.keyword);
    case 'minimum':
    case 'maximum':
      return problem(path, `is ${preview(data)}`, own ?? `a number ${error.keyword === 'minimum' ? '>=' : '<='} ${String(params.limit)}`, error.keyword);
    case 'anyOf':
    case 'oneOf':
      return problem(path, `is ${preview(data)}, which fits none of the allowed forms`, own ?? 'one of the forms the schema lists', error.keyword);
    case 'false schema':
      return problem(path, `is ${preview(data)}, but the schema allows nothing here`, 'this property to be absent', error.keyword);
    default:
      return problem(path, error.message ?? `fails ${error.keyword}`, own ?? `a value that satisfies the schema keyword "${error.keyword}"`, error.keyword);
  }
}

/**
 * Describes ajv's errors. Errors at or under a value whose `anyOf` failed as a whole are folded into
 * that one `anyOf` problem, since listing why each alternative failed only confuses.
 */
export function describeAjvErrors(errors: readonly ErrorObject[], root: SchemaNode): ManifestProblem[] {
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  const seen = new Set<string>();
  const problems: ManifestProblem[] = [];
  for (const error of errors) {
    const folded =
      error.keyword !== 'anyOf' && anyOfPaths.some((p) => error.instancePath === p || error.instancePath.startsWith(`${p}/`));
    if (folded) continue;
    let described: ManifestProblem | undefined;
    try {
      described = describeOne(error, root);
    } catch {
      described = problem(error.instancePath, `fails the schema keyword ${error.keyword}`, 'a value the schema allows', error.keyword);
    }
    if (!described || seen.has(described.message)) continue;
    seen.add(described.message);
    problems.push(described);
  }
  return problems;
}
