/**
 * Type tests for the builders: checked by `tsc -p sdk/tsconfig.tests.json` (run from
 * type-check.test.ts) and executed by vitest. Each `@ts-expect-error` line must stay an error.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { defineAction, definePlugin, definePollingTrigger, defineSync } from './plugin.js';
import type { PluginContext } from './plugin.js';

const createContact = defineAction({
  title: 'Create contact',
  description: 'Creates a contact.',
  input: {
    type: 'object',
    properties: { email: { type: 'string' }, age: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } },
    required: ['email'],
    additionalProperties: false,
  },
  output: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'], additionalProperties: false },
  sample: { id: 'c_1' },
  async run(ctx, input) {
    expectTypeOf(ctx).toEqualTypeOf<PluginContext>();
    expectTypeOf(input.email).toEqualTypeOf<string>();
    expectTypeOf(input.age).toEqualTypeOf<number | undefined>();
    expectTypeOf(input.tags).toEqualTypeOf<string[] | undefined>();
    // @ts-expect-error -- `emial` is not declared by the input schema
    void input.emial;
    // @ts-expect-error -- `email` is a string, not a number
    const wrong: number = input.email;
    void wrong;
    return { id: input.email };
  },
});

describe('defineAction types', () => {
  it('types input, output and sample from the schemas', () => {
    expectTypeOf(createContact.sample).toEqualTypeOf<{ id: string }>();
    expectTypeOf(createContact.run).returns.resolves.toEqualTypeOf<{ id: string }>();
  });

  it('rejects a sample or a result that does not match the output schema', () => {
    defineAction({
      title: 't',
      description: 'd',
      input: { type: 'object', properties: {}, additionalProperties: false },
      output: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'], additionalProperties: false },
      // @ts-expect-error -- `ident` is not the declared `id`
      sample: { ident: 'x' },
      // @ts-expect-error -- `id` must be a string
      async run() {
        return { id: 42 };
      },
    });
  });
});

describe('definePollingTrigger types', () => {
  it('accepts a dedupeKey among the item properties and refuses others', () => {
    const output = { type: 'object', properties: { id: { type: 'string' }, at: { type: 'string' } }, required: ['id'] } as const;
    const ok = definePollingTrigger({
      type: 'polling',
      title: 't',
      description: 'd',
      output,
      dedupeKey: 'id',
      sample: { id: '1' },
      async poll(_ctx, { state }) {
        expectTypeOf(state).toEqualTypeOf<unknown>();
        return [{ id: '2', at: 'now' }];
      },
    });
    expectTypeOf(ok.dedupeKey).toEqualTypeOf<'id' | 'at'>();
    definePollingTrigger({
      type: 'polling',
      title: 't',
      description: 'd',
      output,
      // @ts-expect-error -- `uuid` is not a property of the items
      dedupeKey: 'uuid',
      sample: { id: '1' },
      async poll() {
        return [];
      },
    });
  });
});

describe('defineSync and definePlugin types', () => {
  it('types sync records from the model schema and keeps the definition as given', () => {
    const contacts = defineSync({
      title: 's',
      description: 'd',
      model: { name: 'Contact', idField: 'id', schema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } },
      // @ts-expect-error -- records need an `id` string
      async fetch(_ctx, { cursor }) {
        expectTypeOf(cursor).toEqualTypeOf<unknown>();
        return { records: [{ id: 1 }], nextCursor: null, hasMore: false };
      },
    });
    const plugin = definePlugin({
      id: 'acme',
      name: 'Acme',
      description: 'd',
      kind: 'api',
      categories: ['crm'],
      version: '1.0.0',
      icon: 'icon.svg',
      auth: { type: 'none' },
      settings: { type: 'object' },
      permissions: { hosts: ['api.acme.test'] },
      actions: { createContact },
      syncs: { contacts },
    });
    expectTypeOf(plugin.id).toEqualTypeOf<'acme'>();
    expectTypeOf(plugin.actions?.createContact).toEqualTypeOf(createContact);
    definePlugin({
      ...plugin,
      actions: {
        inline: {
          ...createContact,
          async run(_ctx, input) {
            // Without defineAction nothing types `input`: it stays unknown rather than any.
            expectTypeOf(input).toEqualTypeOf<unknown>();
            return { id: 'x' };
          },
        },
      },
    });
    // @ts-expect-error -- kind must be native, api or connector
    definePlugin({ ...plugin, kind: 'cloud' });
  });
});
