/**
 * Validates what leaves the isolate against the schema the manifest declares
 * (contract §6): action outputs, trigger items, sync records, options and webhook
 * results. Compiled validators are cached per digest, kind and name.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { InvocationKind, PluginManifestLike } from './types.js';

// ajv-formats ships CJS with `exports.default`; under NodeNext the default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

export interface OutputProblem {
  code: 'OUTPUT_SCHEMA_MISMATCH' | 'OUTPUT_SHAPE_INVALID' | 'OUTPUT_SCHEMA_UNUSABLE';
  message: string;
}

type ItemCheck = ((value: unknown, where?: string) => OutputProblem | undefined) | undefined;

const CACHE_LIMIT = 512;

function describeErrors(validate: ValidateFunction, where: string): OutputProblem {
  const first = validate.errors?.[0];
  const path = first ? `${where}${first.instancePath || ''}` : where;
  return { code: 'OUTPUT_SCHEMA_MISMATCH', message: `The output does not match the declared schema at ${path || '/'}: ${first?.message ?? 'invalid'}.` };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function shape(message: string): OutputProblem {
  return { code: 'OUTPUT_SHAPE_INVALID', message };
}

export class OutputValidator {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ItemCheck>();

  constructor() {
    this.ajv = new Ajv({ strict: false, allErrors: false, addUsedSchema: false });
    addFormats(this.ajv);
  }

  /** Returns undefined when `output` is acceptable for this kind and name, else the first problem. */
  check(digest: string, manifest: PluginManifestLike, kind: InvocationKind, name: string, input: unknown, output: unknown): OutputProblem | undefined {
    switch (kind) {
      case 'action':
        return this.itemCheck(digest, 'action', name, manifest.actions?.[name]?.output)?.(output);
      case 'trigger': {
        const op = isObject(input) ? input.op : undefined;
        if (manifest.triggers?.[name]?.type === 'webhook' || op === 'subscribe' || op === 'unsubscribe') {
          if (op === 'subscribe' && !isObject(output)) return shape('A webhook subscribe must return an object (the subscription).');
          return undefined;
        }
        return this.checkList(output, this.itemCheck(digest, 'trigger', name, manifest.triggers?.[name]?.output), 'poll');
      }
      case 'webhook': {
        if (!isObject(output) || typeof output.verified !== 'boolean') return shape('A webhook result must be { verified, items }.');
        return this.checkList(output.items, this.itemCheck(digest, 'trigger', name, manifest.triggers?.[name]?.output), 'items');
      }
      case 'sync': {
        if (!isObject(output) || typeof output.hasMore !== 'boolean') return shape('A sync fetch must return { records, nextCursor, hasMore }.');
        return this.checkList(output.records, this.itemCheck(digest, 'sync', name, manifest.syncs?.[name]?.model?.schema), 'records');
      }
      case 'options': {
        if (!Array.isArray(output)) return shape('Options must be an array of { label, value }.');
        const bad = output.findIndex((o) => !isObject(o) || typeof o.label !== 'string' || (typeof o.value !== 'string' && typeof o.value !== 'number'));
        return bad >= 0 ? shape(`Option ${bad} must be { label: string, value: string | number }.`) : undefined;
      }
      case 'auth_test':
        return isObject(output) && typeof output.ok === 'boolean' ? undefined : shape('auth.test must return { ok, account? }.');
    }
  }

  private checkList(list: unknown, item: ItemCheck, where: string): OutputProblem | undefined {
    if (!Array.isArray(list)) return shape(`The ${where} result must be an array.`);
    if (!item) return undefined;
    for (let i = 0; i < list.length; i++) {
      const problem = item(list[i], `/${where}/${i}`);
      if (problem) return problem;
    }
    return undefined;
  }

  private itemCheck(digest: string, group: string, name: string, schema: unknown): ItemCheck {
    if (!isObject(schema)) return undefined;
    const key = `${digest}|${group}|${name}`;
    if (this.cache.has(key)) {
      const hit = this.cache.get(key);
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    let check: ItemCheck;
    try {
      // Top-level $id/$schema would register globally or pick a draft; the body is what we validate against.
      const { $id: _id, $schema: _schema, ...body } = schema;
      const validate = this.ajv.compile(body);
      check = (value, where = '') => (validate(value) ? undefined : describeErrors(validate, where));
    } catch (err) {
      const message = `The declared output schema of ${group} "${name}" cannot be used: ${(err as Error).message}`;
      check = () => ({ code: 'OUTPUT_SCHEMA_UNUSABLE', message });
    }
    this.cache.set(key, check);
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    return check;
  }
}
