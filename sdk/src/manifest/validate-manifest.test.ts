/** The manifest validator: a valid manifest passes, and each breakage gives one precise, located message. */
import { describe, expect, it } from 'vitest';
import valid from './testdata/valid-manifest.json' with { type: 'json' };
import { validateManifest } from './validate-manifest.js';

function broken(mutate: (m: Record<string, any>) => void): Record<string, unknown> {
  const copy = structuredClone(valid) as Record<string, any>;
  mutate(copy);
  return copy;
}

describe('validateManifest', () => {
  it('accepts the reference manifest', () => {
    expect(validateManifest(valid)).toEqual({ ok: true, manifest: valid, problems: [] });
  });

  it.each([
    ['a bad id', (m: any) => { m.id = 'Acme CRM'; }, '/id', /^\/id: is "Acme CRM"; expected a plugin id: a lower-case letter/],
    ['an unknown kind', (m: any) => { m.kind = 'cloud'; }, '/kind', /^\/kind: is "cloud"; expected one of "native", "api", "connector"\.$/],
    ['a missing dedupe key', (m: any) => { delete m.triggers.newContact.dedupeKey; }, '/triggers/newContact/dedupeKey', /is missing; expected the item property that identifies an item/],
    ['an upper-case host', (m: any) => { m.permissions.hosts.push('API.other.com'); }, '/permissions/hosts/2', /is "API.other.com"; expected a lower-case host name/],
    ['an unknown auth type', (m: any) => { m.auth = { type: 'oauth1' }; }, '/auth/type', /is "oauth1"; expected one of "oauth2", "api_key", "basic", "none"/],
    ['a stray property', (m: any) => { m.actions.createContact.run = 'x'; }, '/actions/createContact/run', /is not a known property here; expected only title, description, input, output, sample/],
    ['a wrong type', (m: any) => { m.categories = 'crm'; }, '/categories', /is a string; expected an array/],
    ['a bad version', (m: any) => { m.version = '1.2'; }, '/version', /is "1.2"; expected a semantic version/],
    ['a bad action name', (m: any) => { m.actions['create contact'] = m.actions.createContact; }, '/actions/create contact', /the name "create contact" is not allowed/],
    ['a sample that contradicts its output schema', (m: any) => { m.actions.createContact.sample = { email: 'x' }; }, '/actions/createContact/sample/id', /the sample does not match the output schema: is missing/],
    ['a dedupe key that is not an output property', (m: any) => { m.triggers.newContact.dedupeKey = 'uuid'; }, '/triggers/newContact/dedupeKey', /"uuid" is not a property of the output schema; expected one of id/],
    ['an invalid embedded JSON Schema', (m: any) => { m.actions.createContact.input.properties.email.type = 'text'; }, '/actions/createContact/input', /is not a valid JSON Schema/],
    ['an idField outside the model', (m: any) => { m.syncs.contacts.model.idField = 'key'; }, '/syncs/contacts/model/idField', /"key" is not a property of the model schema/],
  ])('reports %s precisely', (_label, mutate, path, message) => {
    const result = validateManifest(broken(mutate));
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.path).toBe(path);
    expect(result.problems[0]?.message).toMatch(message);
    expect(result.problems[0]?.message.startsWith(`${path}: `)).toBe(true);
  });

  it('gives five different messages for five breakages at once', () => {
    const result = validateManifest(
      broken((m) => {
        m.id = 'X';
        m.kind = 'cloud';
        delete m.triggers.newContact.dedupeKey;
        m.permissions.hosts = ['https://api.acme.example.com'];
        m.auth.scopes = 'contacts.read';
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.path).sort()).toEqual(
      ['/auth/scopes', '/id', '/kind', '/permissions/hosts/0', '/triggers/newContact/dedupeKey'].sort(),
    );
    expect(new Set(result.problems.map((p) => p.message)).size).toBe(5);
  });

  it('reports a non-object document at the root', () => {
    for (const value of [null, 42, 'manifest', [], undefined]) {
      const result = validateManifest(value);
      expect(result.ok).toBe(false);
      expect(result.problems[0]?.path).toBe('/');
    }
  });

  it('reports a cyclic value instead of throwing', () => {
    const cyclic = broken(() => {});
    (cyclic.settings as Record<string, unknown>).self = cyclic;
    expect(() => validateManifest(cyclic)).not.toThrow();
  });
});
