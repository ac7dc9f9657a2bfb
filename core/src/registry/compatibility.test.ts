import { describe, expect, it } from 'vitest';
import { compareManifests, type BreakKind } from './compatibility.js';

const base = () => ({
  auth: { type: 'oauth2', provider: 'hubspot', scopes: ['crm.objects.contacts.read'] },
  permissions: { hosts: ['api.hubapi.com'] },
  settings: { type: 'object', properties: { listId: { type: 'string' } } },
  actions: {
    create_contact: {
      input: {
        type: 'object',
        required: ['email'],
        properties: {
          email: { type: 'string', maxLength: 200 },
          lifecycle: { type: 'string', enum: ['lead', 'customer'] },
          score: { type: 'number' },
        },
      },
      output: { type: 'object', properties: { id: { type: 'string' }, createdAt: { type: 'string' } } },
    },
  },
  triggers: { new_contact: { type: 'polling', output: { type: 'object', properties: { id: { type: 'string' }, email: { type: 'string' } } } } },
  syncs: { contacts: { model: { name: 'Contact', idField: 'id', schema: { type: 'object', properties: { id: { type: 'string' }, email: { type: 'string' } } } } } },
});

type M = ReturnType<typeof base>;
function kinds(mutate: (m: M) => void): BreakKind[] {
  const next = base();
  mutate(next);
  return compareManifests(base(), next).breaking.map((b) => b.kind);
}

describe('compareManifests: each kind of break', () => {
  it.each<[BreakKind, (m: M) => void]>([
    ['removed_action', (m) => delete (m.actions as Record<string, unknown>).create_contact],
    ['removed_trigger', (m) => delete (m.triggers as Record<string, unknown>).new_contact],
    ['removed_sync', (m) => delete (m.syncs as Record<string, unknown>).contacts],
    ['removed_input_field', (m) => delete (m.actions.create_contact.input.properties as Record<string, unknown>).score],
    ['newly_required_input', (m) => m.actions.create_contact.input.required.push('score')],
    ['narrowed_type', (m) => ((m.actions.create_contact.input.properties.score as { type: string }).type = 'integer')],
    ['narrowed_enum', (m) => (m.actions.create_contact.input.properties.lifecycle.enum = ['lead'])],
    ['tightened_constraint', (m) => (m.actions.create_contact.input.properties.email.maxLength = 100)],
    ['removed_output_field', (m) => delete (m.actions.create_contact.output.properties as Record<string, unknown>).createdAt],
    ['changed_output_type', (m) => ((m.triggers.new_contact.output.properties.id as { type: unknown }).type = ['string', 'null'])],
    ['removed_output_field', (m) => delete (m.syncs.contacts.model.schema.properties as Record<string, unknown>).email],
    ['changed_auth', (m) => (m.auth = { type: 'api_key' } as never)],
    ['added_scopes', (m) => m.auth.scopes.push('crm.objects.deals.read')],
    ['new_hosts', (m) => m.permissions.hosts.push('api.hubspot.com')],
    ['newly_required_input', (m) => Object.assign(m.settings, { required: ['listId'] })],
  ])('%s', (kind, mutate) => {
    expect(kinds(mutate)).toContain(kind);
  });

  it('names where each break is', () => {
    const next = base();
    delete (next.actions.create_contact.input.properties as Record<string, unknown>).score;
    next.permissions.hosts.push('evil.example');
    const report = compareManifests(base(), next);
    expect(report.breaking).toEqual([
      { kind: 'removed_input_field', path: '/actions/create_contact/input/properties/score', message: 'Input field "score" was removed.' },
      { kind: 'new_hosts', path: '/permissions/hosts', message: "New egress hosts need the customer's consent: evil.example." },
    ]);
    expect(report.reconsent).toEqual({ addedScopes: [], addedHosts: ['evil.example'] });
  });
});

describe('compareManifests: changes that are not breaking', () => {
  it.each<[string, (m: M) => void]>([
    ['identical', () => {}],
    ['added action', (m) => Object.assign(m.actions, { add_tag: { input: { type: 'object' }, output: { type: 'object' } } })],
    ['added optional input field', (m) => Object.assign(m.actions.create_contact.input.properties, { phone: { type: 'string' } })],
    ['input field no longer required', (m) => (m.actions.create_contact.input.required = [])],
    ['widened input type', (m) => ((m.actions.create_contact.input.properties.email as { type: unknown }).type = ['string', 'null'])],
    ['widened enum', (m) => m.actions.create_contact.input.properties.lifecycle.enum.push('subscriber')],
    ['loosened constraint', (m) => (m.actions.create_contact.input.properties.email.maxLength = 500)],
    ['added output field', (m) => Object.assign(m.actions.create_contact.output.properties, { url: { type: 'string' } })],
    ['removed scope', (m) => (m.auth.scopes = [])],
    ['removed host', (m) => (m.permissions.hosts = [])],
    ['output type restated unchanged', (m) => ((m.syncs.contacts.model.schema.properties.id as { type: string }).type = 'string')],
  ])('%s', (_name, mutate) => {
    expect(kinds(mutate)).toEqual([]);
  });
});
