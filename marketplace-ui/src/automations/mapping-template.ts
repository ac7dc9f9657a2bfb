/**
 * The automation mapping language, as core/src/runtime/automations/mapping-template.ts
 * defines it: `{{path.to.field}}` placeholders over the trigger's output; a
 * field that is exactly one placeholder keeps the value's type. Used here for
 * the builder's test run against the trigger's sample.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_$.\-[\]]+?)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z0-9_$.\-[\]]+?)\s*\}\}$/;

export function readPath(source: unknown, path: string): unknown {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
  let current: unknown = source;
  for (const part of parts) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function renderTemplate(template: string, source: unknown): unknown {
  const whole = WHOLE.exec(template);
  if (whole) return readPath(source, whole[1]!);
  return template.replace(PLACEHOLDER, (_m, path: string) => {
    const value = readPath(source, path);
    if (value === undefined || value === null) return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

export function renderMapping(mapping: Record<string, string>, source: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, template] of Object.entries(mapping)) {
    if (!template) continue;
    const value = renderTemplate(template, source);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Every leaf path of a sample value, for the field picker (`customer.email`, `items[0].sku`). */
export function leafPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return prefix ? [prefix] : [];
  if (Array.isArray(value)) return value.length ? leafPaths(value[0], `${prefix}[0]`) : [];
  return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}
