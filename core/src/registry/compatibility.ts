/**
 * Compares a new manifest with the previous version of the same major line and
 * names every breaking change and where it is: removed actions/triggers/syncs,
 * removed or newly required input fields, narrowed input types, enums or
 * constraints, removed output fields or changed output types, changed auth,
 * added scopes and new egress hosts. Added scopes and hosts also need the
 * customer's re-consent.
 */

import { canonicalJson } from '@nudgecampaign/plugin-sdk/bundle/canonical-json';

type Schema = Record<string, unknown>;
type Manifest = Record<string, unknown>;

export const BREAK_KINDS = [
  'removed_action',
  'removed_trigger',
  'removed_sync',
  'removed_input_field',
  'newly_required_input',
  'narrowed_type',
  'narrowed_enum',
  'tightened_constraint',
  'removed_output_field',
  'changed_output_type',
  'changed_auth',
  'added_scopes',
  'new_hosts',
] as const;
export type BreakKind = (typeof BREAK_KINDS)[number];

export interface Break {
  kind: BreakKind;
  /** JSON Pointer into the new manifest (or the old one for removals). */
  path: string;
  message: string;
}

export interface CompatibilityReport {
  breaking: Break[];
  reconsent: { addedScopes: string[]; addedHosts: string[] };
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function types(schema: Schema): Set<string> | undefined {
  const t = schema.type;
  if (t === undefined) return undefined; // any
  const list = Array.isArray(t) ? (t as string[]) : [t as string];
  const set = new Set(list);
  if (set.has('number')) set.add('integer');
  return set;
}

function required(schema: Schema): Set<string> {
  return new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
}

/** Input schemas may only widen: what a customer could send before must still be accepted. */
function compareInput(before: Schema, after: Schema, path: string, out: Break[]): void {
  const tb = types(before);
  const ta = types(after);
  if (ta && (!tb || [...tb].some((t) => !ta.has(t)))) {
    out.push({ kind: 'narrowed_type', path, message: `${path} accepted ${tb ? [...tb].join('|') : 'any type'} and now accepts only ${[...ta].join('|')}.` });
  }
  if (Array.isArray(after.enum)) {
    // Canonical JSON: stored manifests (jsonb) do not keep key order.
    const allowed = new Set((after.enum as unknown[]).map((v) => canonicalJson(v)));
    const lost = Array.isArray(before.enum) ? (before.enum as unknown[]).filter((v) => !allowed.has(canonicalJson(v))) : ['(any value)'];
    if (lost.length) out.push({ kind: 'narrowed_enum', path, message: `${path} no longer accepts ${lost.map((v) => JSON.stringify(v)).join(', ')}.` });
  }
  for (const [key, tighter] of [
    ['maxLength', (a: number, b: number) => a < b],
    ['maximum', (a: number, b: number) => a < b],
    ['maxItems', (a: number, b: number) => a < b],
    ['minLength', (a: number, b: number) => a > b],
    ['minimum', (a: number, b: number) => a > b],
    ['minItems', (a: number, b: number) => a > b],
  ] as const) {
    const a = after[key];
    const b = before[key];
    if (typeof a === 'number' && (typeof b !== 'number' || tighter(a, b))) {
      out.push({ kind: 'tightened_constraint', path: `${path}/${key}`, message: `${path} ${key} tightened from ${b ?? 'none'} to ${a}.` });
    }
  }
  if (typeof after.pattern === 'string' && after.pattern !== before.pattern) {
    out.push({ kind: 'tightened_constraint', path: `${path}/pattern`, message: `${path} now must match ${after.pattern}.` });
  }
  const pb = obj(before.properties);
  const pa = obj(after.properties);
  const rb = required(before);
  for (const name of Object.keys(pb)) {
    const p = `${path}/properties/${esc(name)}`;
    if (!(name in pa)) {
      if (after.additionalProperties !== true) out.push({ kind: 'removed_input_field', path: p, message: `Input field "${name}" was removed.` });
      continue;
    }
    compareInput(obj(pb[name]), obj(pa[name]), p, out);
  }
  for (const name of required(after)) {
    if (!rb.has(name)) out.push({ kind: 'newly_required_input', path: `${path}/required`, message: `Input field "${name}" is now required.` });
  }
  if (before.items && after.items) compareInput(obj(before.items), obj(after.items), `${path}/items`, out);
}

/** Output schemas may only add: what consumers read before must still be there, with the same type. */
function compareOutput(before: Schema, after: Schema, path: string, out: Break[]): void {
  const tb = types(before);
  const ta = types(after);
  if (tb && (!ta || [...ta].some((t) => !tb.has(t)))) {
    out.push({ kind: 'changed_output_type', path, message: `${path} was ${[...tb].join('|')} and may now be ${ta ? [...ta].join('|') : 'any type'}.` });
  }
  const pb = obj(before.properties);
  const pa = obj(after.properties);
  for (const name of Object.keys(pb)) {
    const p = `${path}/properties/${esc(name)}`;
    if (!(name in pa)) out.push({ kind: 'removed_output_field', path: p, message: `Output field "${name}" was removed.` });
    else compareOutput(obj(pb[name]), obj(pa[name]), p, out);
  }
  if (before.items && after.items) compareOutput(obj(before.items), obj(after.items), `${path}/items`, out);
}

function hosts(manifest: Manifest): string[] {
  const list = obj(manifest.permissions).hosts;
  return Array.isArray(list) ? (list as string[]) : [];
}

function scopes(manifest: Manifest): string[] {
  const list = obj(manifest.auth).scopes;
  return Array.isArray(list) ? (list as string[]) : [];
}

export function compareManifests(previous: Manifest, next: Manifest): CompatibilityReport {
  const breaking: Break[] = [];
  for (const [group, kind] of [
    ['actions', 'removed_action'],
    ['triggers', 'removed_trigger'],
    ['syncs', 'removed_sync'],
  ] as const) {
    const before = obj(previous[group]);
    const after = obj(next[group]);
    for (const name of Object.keys(before)) {
      const path = `/${group}/${esc(name)}`;
      if (!(name in after)) {
        breaking.push({ kind, path, message: `${group.slice(0, -1)} "${name}" was removed.` });
        continue;
      }
      const b = obj(before[name]);
      const a = obj(after[name]);
      if (group === 'actions') compareInput(obj(b.input), obj(a.input), `${path}/input`, breaking);
      if (group === 'syncs') compareOutput(obj(obj(b.model).schema), obj(obj(a.model).schema), `${path}/model/schema`, breaking);
      else compareOutput(obj(b.output), obj(a.output), `${path}/output`, breaking);
    }
  }
  compareInput(obj(previous.settings), obj(next.settings), '/settings', breaking);

  const authBefore = obj(previous.auth);
  const authAfter = obj(next.auth);
  if (authBefore.type !== authAfter.type || canonicalJson(authBefore.provider ?? null) !== canonicalJson(authAfter.provider ?? null)) {
    breaking.push({ kind: 'changed_auth', path: '/auth', message: `Authentication changed from ${String(authBefore.type)} to ${String(authAfter.type)}; every customer must reconnect.` });
  }
  const oldScopes = new Set(scopes(previous));
  const addedScopes = scopes(next).filter((s) => !oldScopes.has(s));
  if (addedScopes.length) breaking.push({ kind: 'added_scopes', path: '/auth/scopes', message: `New OAuth scopes need the customer's consent: ${addedScopes.join(', ')}.` });
  const oldHosts = new Set(hosts(previous));
  const addedHosts = hosts(next).filter((h) => !oldHosts.has(h));
  if (addedHosts.length) breaking.push({ kind: 'new_hosts', path: '/permissions/hosts', message: `New egress hosts need the customer's consent: ${addedHosts.join(', ')}.` });
  return { breaking, reconsent: { addedScopes, addedHosts } };
}
