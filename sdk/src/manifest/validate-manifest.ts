/**
 * Validates a plugin manifest: first against schemas/plugin-manifest.schema.json (ajv, draft 2020-12),
 * then semantic checks the schema cannot express (embedded schemas are valid JSON Schema, samples
 * match their output schema, dedupe keys and id fields exist). Total: it returns problems, never throws.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describeAjvErrors, type ManifestProblem } from './describe-errors.js';
import type { PluginManifest } from './generated-types.js';
import { PLUGIN_MANIFEST_SCHEMA } from './generated-schema.js';

export type { ManifestProblem } from './describe-errors.js';

/** The outcome of {@link validateManifest}. */
export type ManifestValidation = { ok: true; manifest: PluginManifest; problems: [] } | { ok: false; problems: ManifestProblem[] };

/** The manifest schema's `$id`; a manifest may carry it as `$schema`. */
export const PLUGIN_MANIFEST_SCHEMA_ID = PLUGIN_MANIFEST_SCHEMA.$id;

const MAX_PROBLEMS = 100;
// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule.default;
const root = PLUGIN_MANIFEST_SCHEMA as unknown as Record<string, unknown>;

let manifestValidator: ValidateFunction | undefined;
let schemaAjv: Ajv2020 | undefined;
const outputValidators = new Map<string, ValidateFunction | string>();

function getManifestValidator(): ValidateFunction {
  if (!manifestValidator) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, discriminator: true, strict: true, strictRequired: false });
    addFormats(ajv);
    manifestValidator = ajv.compile(root);
  }
  return manifestValidator;
}

function getSchemaAjv(): Ajv2020 {
  if (!schemaAjv) {
    // Plugin authors' schemas: lenient about unknown keywords, as @rjsf and json-schema-to-ts are.
    schemaAjv = new Ajv2020({ allErrors: true, verbose: true, strict: false, validateFormats: true, logger: false });
    addFormats(schemaAjv);
  }
  return schemaAjv;
}

/** Compiles an embedded schema once per distinct text; a string result is the compile error. */
function compileEmbedded(schema: unknown): ValidateFunction | string {
  const key = JSON.stringify(schema);
  const cached = outputValidators.get(key);
  if (cached) return cached;
  let result: ValidateFunction | string;
  try {
    result = getSchemaAjv().compile(schema as object);
  } catch (error) {
    result = error instanceof Error ? error.message : String(error);
  }
  if (outputValidators.size > 500) outputValidators.clear();
  outputValidators.set(key, result);
  return result;
}

function entries(value: unknown): Array<[string, Record<string, unknown>]> {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, Record<string, unknown>>);
}

function esc(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function checkEmbeddedSchema(path: string, schema: unknown, problems: ManifestProblem[]): ValidateFunction | undefined {
  const ajv = getSchemaAjv();
  if (!ajv.validateSchema(schema as object)) {
    const first = ajv.errors?.[0];
    const detail = first ? `${first.instancePath || '/'} ${first.message ?? ''}`.trim() : 'unknown error';
    problems.push({ path, keyword: 'jsonSchema', message: `${path}: is not a valid JSON Schema (${detail}); expected a JSON Schema (draft 2020-12) of an object.` });
    return undefined;
  }
  const compiled = compileEmbedded(schema);
  if (typeof compiled === 'string') {
    problems.push({ path, keyword: 'jsonSchema', message: `${path}: cannot be compiled (${compiled}); expected a self-contained JSON Schema without remote $ref.` });
    return undefined;
  }
  return compiled;
}

function checkSample(path: string, validate: ValidateFunction | undefined, sample: unknown, schema: unknown, problems: ManifestProblem[]): void {
  if (!validate || validate(sample)) return;
  for (const p of describeAjvErrors(validate.errors ?? [], schema as Record<string, unknown>)) {
    const where = `${path}${p.path === '/' ? '' : p.path}`;
    problems.push({ path: where, keyword: 'sample', message: `${where}: the sample does not match the output schema: ${p.message.slice(p.path.length + 2)}` });
  }
}

function checkDeclaredKey(path: string, key: unknown, schema: unknown, what: string, problems: ManifestProblem[]): void {
  const properties = (schema as { properties?: unknown }).properties;
  if (!properties || typeof properties !== 'object' || typeof key !== 'string') return;
  if (!Object.hasOwn(properties, key)) {
    const names = Object.keys(properties);
    problems.push({
      path,
      keyword: what,
      message: `${path}: ${JSON.stringify(key)} is not a property of the ${what === 'dedupeKey' ? 'output' : 'model'} schema; expected one of ${names.length ? names.join(', ') : '(no properties declared)'}.`,
    });
  }
}

function semanticChecks(manifest: PluginManifest): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  checkEmbeddedSchema('/settings', manifest.settings, problems);
  if (manifest.auth.type === 'api_key') checkEmbeddedSchema('/auth/fields', manifest.auth.fields, problems);
  for (const [name, action] of entries(manifest.actions)) {
    const base = `/actions/${esc(name)}`;
    checkEmbeddedSchema(`${base}/input`, action.input, problems);
    const output = checkEmbeddedSchema(`${base}/output`, action.output, problems);
    checkSample(`${base}/sample`, output, action.sample, action.output, problems);
  }
  for (const [name, trigger] of entries(manifest.triggers)) {
    const base = `/triggers/${esc(name)}`;
    const output = checkEmbeddedSchema(`${base}/output`, trigger.output, problems);
    checkSample(`${base}/sample`, output, trigger.sample, trigger.output, problems);
    if (trigger.type === 'polling') checkDeclaredKey(`${base}/dedupeKey`, trigger.dedupeKey, trigger.output, 'dedupeKey', problems);
  }
  for (const [name, sync] of entries(manifest.syncs)) {
    const model = sync.model as { idField: string; schema: unknown };
    checkEmbeddedSchema(`/syncs/${esc(name)}/model/schema`, model.schema, problems);
    checkDeclaredKey(`/syncs/${esc(name)}/model/idField`, model.idField, model.schema, 'idField', problems);
  }
  return problems;
}

/**
 * Validates a manifest. Every problem names its JSON Pointer and says what is expected.
 * @example
 * const result = validateManifest(JSON.parse(text));
 * if (!result.ok) for (const p of result.problems) console.error(p.message);
 */
export function validateManifest(value: unknown): ManifestValidation {
  let problems: ManifestProblem[];
  try {
    const validate = getManifestValidator();
    if (validate(value)) {
      problems = semanticChecks(value as PluginManifest);
    } else {
      problems = describeAjvErrors(validate.errors ?? [], root);
      if (problems.length === 0) problems = [{ path: '/', keyword: 'schema', message: '/: does not match the manifest schema; expected a plugin manifest.' }];
    }
  } catch (error) {
    // Only reachable for values JSON cannot produce (cycles, exotic objects): report, never throw.
    const reason = error instanceof Error ? error.message : String(error);
    problems = [{ path: '/', keyword: 'exception', message: `/: could not be validated (${reason}); expected a plain JSON document.` }];
  }
  if (problems.length === 0) return { ok: true, manifest: value as PluginManifest, problems: [] };
  return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
}
