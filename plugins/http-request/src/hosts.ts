/**
 * The hosts this connector may call. The platform's egress allowlist is part of the signed,
 * certified manifest: it cannot be `*` or a bare-TLD wildcard, and settings cannot widen it, so a
 * generic HTTP action can only reach hosts declared here. These are services whose inbound
 * webhooks authenticate by a secret URL, which is what a credential-less request action can use.
 * Another host needs a new version of this connector (or a private fork) declaring it, which goes
 * through certification like any other plugin.
 */
export const DECLARED_HOSTS = [
  'hooks.slack.com',
  'discord.com',
  'hooks.zapier.com',
  'hook.eu1.make.com',
  'hook.eu2.make.com',
  'hook.us1.make.com',
  'hook.us2.make.com',
  '*.webhook.office.com',
  '*.logic.azure.com',
  'maker.ifttt.com',
  '*.app.n8n.cloud',
] as const;

/** Same rule as the sandbox: `*.x.y` matches any depth of subdomain of x.y, never x.y itself. */
export function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const p = pattern.toLowerCase();
  return p.startsWith('*.') ? h.endsWith(p.slice(1)) && h.length > p.length - 1 : h === p;
}
