/**
 * Gates that need no sandbox: the manifest is valid (1), and the security
 * review of declared versus used hosts, requested scopes and memory (4).
 */
import { hostAllowed } from '@nudgecampaign/plugin-sdk/runtime/egress-allowlist';
import { validateManifest } from '@nudgecampaign/plugin-sdk/manifest/validate-manifest';
import type { CertificationTargets, Gate } from './gate-types.js';

export const manifestGate: Gate = {
  name: 'manifest',
  async run(ctx) {
    const validation = validateManifest(ctx.manifest);
    if (validation.ok) {
      ctx.log('manifest is valid against plugin-manifest v1');
      return { status: 'passed', result: {} };
    }
    for (const p of validation.problems) ctx.log(p.message);
    return { status: 'failed', result: { problems: validation.problems } };
  },
};

/** Literal http(s) URLs in the code, with the host each names. */
export function literalHosts(code: string): Array<{ url: string; host: string; insecure: boolean }> {
  const found = new Map<string, { url: string; host: string; insecure: boolean }>();
  for (const match of code.matchAll(/\b(https?):\/\/([a-zA-Z0-9.-]+)(?::\d+)?[^\s'"`)]*/g)) {
    const host = match[2]!.toLowerCase().replace(/\.$/, '');
    if (!found.has(match[0])) found.set(match[0], { url: match[0], host, insecure: match[1] === 'http' });
  }
  return [...found.values()];
}

/** Hosts that only appear in documentation-like strings are not egress. */
const IGNORED_HOSTS = new Set(['json-schema.org', 'www.w3.org', 'schemas.nudgecampaign.dev']);

export function securityGate(targets: CertificationTargets): Gate {
  return {
    name: 'security_review',
    async run(ctx) {
      const permissions = (ctx.manifest.permissions ?? {}) as { hosts?: string[]; memoryMb?: number };
      const declared = permissions.hosts ?? [];
      // A custom OAuth provider's endpoints are called by the host, never by the plugin: not egress.
      const provider = (ctx.manifest.auth as { provider?: unknown } | undefined)?.provider;
      const oauthHosts = new Set(
        provider && typeof provider === 'object'
          ? Object.values(provider as Record<string, unknown>)
              .filter((v): v is string => typeof v === 'string' && /^https?:\/\//.test(v))
              .map((v) => new URL(v).hostname.toLowerCase())
          : [],
      );
      const used = literalHosts(ctx.bundle.code).filter((u) => !IGNORED_HOSTS.has(u.host) && !oauthHosts.has(u.host));
      const undeclared = used.filter((u) => !hostAllowed(u.host, declared));
      const insecure = used.filter((u) => u.insecure);
      const unused = declared.filter((pattern) => !used.some((u) => hostAllowed(u.host, [pattern])));
      const scopes = ((ctx.manifest.auth as { scopes?: string[] } | undefined)?.scopes ?? []).slice();
      const memoryMb = permissions.memoryMb ?? 64;
      const problems: string[] = [];
      for (const u of undeclared) problems.push(`code calls ${u.url}, whose host ${u.host} is not in permissions.hosts`);
      for (const u of insecure) problems.push(`code uses plain http: ${u.url}; only https is allowed`);
      if (memoryMb > targets.maxMemoryMb) problems.push(`permissions.memoryMb ${memoryMb} exceeds the platform maximum ${targets.maxMemoryMb}`);
      for (const line of problems) ctx.log(`FAIL ${line}`);
      ctx.log(`declared hosts: ${declared.join(', ') || '(none)'}; hosts in code: ${[...new Set(used.map((u) => u.host))].join(', ') || '(none)'}`);
      if (unused.length) ctx.log(`note: declared but not seen literally in code (may be built at run time): ${unused.join(', ')}`);
      ctx.log(`requested scopes: ${scopes.join(' ') || '(none)'}; memory: ${memoryMb} MB`);
      return {
        status: problems.length ? 'failed' : 'passed',
        result: { declaredHosts: declared, usedHosts: used.map((u) => u.host), undeclared: undeclared.map((u) => u.url), unusedDeclared: unused, scopes, memoryMb, problems },
      };
    },
  };
}
