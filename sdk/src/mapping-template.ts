/**
 * Field mapping for automations, Zapier-style: each action field is a
 * template over the trigger's output, e.g. `"{{customer.email}}"` or
 * `"Order {{name}} from {{customer.first_name}}"`. A field that is exactly one
 * placeholder keeps the value's type (a number stays a number, an object an
 * object); placeholders inside text are stringified. No expressions, no code.
 *
 * One implementation for both sides: the core's automation runner renders
 * live runs with it and the marketplace UI's builder renders its test run
 * with it. Pure (no Node or DOM APIs), so it bundles for the browser.
 */

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_$.\-[\]]+?)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z0-9_$.\-[\]]+?)\s*\}\}$/;

/** Reads `a.b[0].c` (or `a.b.0.c`) from a value; own properties only. */
export function readPath(source: unknown, path: string): unknown {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
  let current: unknown = source;
  for (const part of parts) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Renders one template string. */
export function renderTemplate(template: string, source: unknown): unknown {
  const whole = WHOLE.exec(template);
  if (whole) return readPath(source, whole[1]!);
  return template.replace(PLACEHOLDER, (_m, path: string) => asText(readPath(source, path)));
}

/** Renders every string in a mapping (objects and arrays are walked); fields that render to undefined are left out. */
export function renderMapping(mapping: unknown, source: unknown): unknown {
  if (typeof mapping === 'string') return renderTemplate(mapping, source);
  if (Array.isArray(mapping)) return mapping.map((m) => renderMapping(m, source));
  if (mapping !== null && typeof mapping === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(mapping)) {
      const rendered = renderMapping(value, source);
      if (rendered !== undefined) out[key] = rendered;
    }
    return out;
  }
  return mapping;
}
