/** The manifest is the definition minus functions, plus sdkVersion and option names (contract §4). */
import { describe, expect, it } from 'vitest';
import { manifestFromDefinition } from './manifest-from-definition.js';

describe('manifestFromDefinition', () => {
  it('drops every function, keeps data and key order, and lists options by name', () => {
    const manifest = manifestFromDefinition(
      {
        id: 'demo',
        auth: { type: 'basic', test: async () => ({ ok: true }) },
        actions: { a: { title: 'A', run: async () => ({}), input: { type: 'object' }, sample: { list: [1, () => 2] } } },
        options: { listIds: async () => [] },
        skipped: undefined,
      },
      '9.9.9',
    );
    expect(manifest).toEqual({
      id: 'demo',
      auth: { type: 'basic' },
      actions: { a: { title: 'A', input: { type: 'object' }, sample: { list: [1] } } },
      sdkVersion: '9.9.9',
      options: ['listIds'],
    });
    expect(Object.keys(manifest)).toEqual(['id', 'auth', 'actions', 'sdkVersion', 'options']);
  });

  it('refuses a definition that is not an object', () => {
    expect(() => manifestFromDefinition(undefined)).toThrow(/definePlugin/);
    expect(() => manifestFromDefinition([1])).toThrow(/definePlugin/);
  });
});
