import { renderMapping } from '@nudgecampaign/plugin-sdk/mapping-template';
import { describe, expect, it } from 'vitest';
import { filledMapping, leafPaths } from './field-paths';

describe('automation builder field paths', () => {
  it('lists every leaf of a sample, arrays by their first item', () => {
    expect(leafPaths({ id: 'c_1', customer: { email: 'a@b.c' }, items: [{ sku: 'X' }], tags: [] })).toEqual(['id', 'customer.email', 'items[0].sku']);
    expect(leafPaths(null)).toEqual([]);
  });

  it('drops blank fields, and the shared template renders the rest as a live run would', () => {
    const mapping = filledMapping({ email: '{{customer.email}}', firstName: '  ', note: 'Order {{id}}' });
    expect(mapping).toEqual({ email: '{{customer.email}}', note: 'Order {{id}}' });
    expect(renderMapping(mapping, { id: 7, customer: { email: 'a@b.c' } })).toEqual({ email: 'a@b.c', note: 'Order 7' });
  });
});
