import { describe, expect, it } from 'vitest';
import { evaluateFilters, validateFilters } from './automation-filters.js';
import { readPath, renderMapping, renderTemplate } from '@nudgecampaign/plugin-sdk/mapping-template';

const order = { id: 42, name: '#1042', total_price: '99.50', customer: { email: 'Ann@Example.test', first_name: 'Ann', tags: ['vip', 'eu'] }, line_items: [{ sku: 'A-1' }] };

describe('mapping templates', () => {
  it('keeps the type of a whole-field placeholder and stringifies inside text', () => {
    expect(renderTemplate('{{id}}', order)).toBe(42);
    expect(renderTemplate('{{customer}}', order)).toEqual(order.customer);
    expect(renderTemplate('Order {{name}} for {{customer.first_name}}', order)).toBe('Order #1042 for Ann');
    expect(renderTemplate('{{line_items[0].sku}}/{{line_items.0.sku}}', order)).toBe('A-1/A-1');
  });

  it('renders missing paths as empty text, or leaves the field out when the whole field is missing', () => {
    expect(renderMapping({ email: '{{customer.email}}', phone: '{{customer.phone}}', note: 'tel: {{customer.phone}}' }, order)).toEqual({ email: 'Ann@Example.test', note: 'tel: ' });
  });

  it('walks nested mappings and leaves non-strings alone', () => {
    expect(renderMapping({ attrs: { total: '{{total_price}}', n: 3 }, tags: ['{{customer.tags[0]}}', 'shopify'] }, order)).toEqual({ attrs: { total: '99.50', n: 3 }, tags: ['vip', 'shopify'] });
  });

  it('never reads inherited properties', () => {
    expect(readPath(order, 'constructor')).toBeUndefined();
    expect(readPath(order, '__proto__.toString')).toBeUndefined();
  });
});

describe('filters', () => {
  it('passes when every condition holds', () => {
    expect(evaluateFilters([{ field: 'total_price', op: 'gt', value: 50 }, { field: 'customer.tags', op: 'contains', value: 'VIP' }, { field: 'customer.email', op: 'ends_with', value: 'example.test' }], order)).toEqual({ passed: true, failed: [] });
  });

  it('names the conditions that failed', () => {
    const outcome = evaluateFilters([{ field: 'total_price', op: 'lt', value: 50 }, { field: 'customer.phone', op: 'exists' }, { field: 'id', op: 'in', value: [1, 42] }], order);
    expect(outcome.passed).toBe(false);
    expect(outcome.failed.map((f) => f.op)).toEqual(['lt', 'exists']);
  });

  it('treats non-numbers as failing numeric comparisons', () => {
    expect(evaluateFilters([{ field: 'name', op: 'gt', value: 1 }], order).passed).toBe(false);
    expect(evaluateFilters([{ field: 'missing', op: 'lte', value: 1 }], order).passed).toBe(false);
  });

  it('validates shapes before saving', () => {
    expect(validateFilters([{ field: 'a', op: 'equals', value: 1 }])).toEqual([]);
    expect(validateFilters([{ field: '', op: 'matches' }])).toHaveLength(2);
    expect(validateFilters({})).toEqual(['filters must be an array.']);
  });
});
