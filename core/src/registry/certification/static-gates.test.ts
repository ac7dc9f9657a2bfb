import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS } from './gate-types.js';
import { literalHosts, securityGate } from './static-gates.js';

const run = (code: string, manifest: Record<string, unknown>) =>
  securityGate(DEFAULT_TARGETS).run({ bundle: { code } as never, manifest, log: () => {} });

const manifest = {
  auth: { type: 'oauth2', provider: { authorizationUrl: 'https://auth.acme.example/authorize', tokenUrl: 'https://auth.acme.example/token' }, scopes: [] },
  permissions: { hosts: ['api.acme.example'] },
};

describe('security review gate', () => {
  it("does not count a custom OAuth provider's endpoints as plugin egress", async () => {
    const code = "const p = { authorizationUrl: 'https://auth.acme.example/authorize' }; fetch('https://api.acme.example/v1/me');";
    expect((await run(code, manifest)).status).toBe('passed');
  });

  it('fails on an undeclared host and on plain http', async () => {
    const outcome = await run("fetch('https://evil.example/x'); fetch('http://api.acme.example/y');", manifest);
    expect(outcome.status).toBe('failed');
    expect(outcome.result.problems).toEqual([
      'code calls https://evil.example/x, whose host evil.example is not in permissions.hosts',
      'code uses plain http: http://api.acme.example/y; only https is allowed',
    ]);
  });

  it('finds literal hosts', () => {
    expect(literalHosts("a('https://A.example.com/p?q=1'); b(\"http://x.test\")").map((h) => h.host)).toEqual(['a.example.com', 'x.test']);
  });
});
