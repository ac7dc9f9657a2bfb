/**
 * The builder's field picker: every leaf path of a trigger's sample
 * (`customer.email`, `items[0].sku`), written as the mapping language's
 * placeholders. The language itself is the SDK's mapping-template module.
 */
export function leafPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return prefix ? [prefix] : [];
  if (Array.isArray(value)) return value.length ? leafPaths(value[0], `${prefix}[0]`) : [];
  return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** The mapping as saved: fields left blank are not sent (the action's defaults apply). */
export function filledMapping(mapping: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).filter(([, template]) => template.trim() !== ''));
}
