/**
 * Single sign-on through an external OpenID Connect provider (Azure AD / Entra ID,
 * Okta, Google Workspace, Keycloak…), read from the environment:
 *
 *   NUDGE_SSO_ISSUER          the provider's issuer URL (discovery at /.well-known/openid-configuration)
 *   NUDGE_SSO_CLIENT_ID       the client registered at the provider (redirect URI: PUBLIC_URL/auth/sso/callback)
 *   NUDGE_SSO_CLIENT_SECRET   optional: without it the client is public (PKCE only)
 *   NUDGE_SSO_LABEL           the button's text, default "Single sign-on"
 *   NUDGE_SSO_EMAIL_DOMAINS   optional comma list: only these email domains may sign in
 *   NUDGE_SSO_TRUST_EMAIL     1 to accept the provider's email without email_verified (Azure AD sends
 *                             none); allowed only together with NUDGE_SSO_EMAIL_DOMAINS
 */
import { ConfigError } from '../../errors.js';

export interface SsoConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  label: string;
  emailDomains: string[] | undefined;
  trustEmail: boolean;
}

type Env = Record<string, string | undefined>;

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

export function parseSsoConfig(env: Env): SsoConfig | undefined {
  const issuerRaw = env.NUDGE_SSO_ISSUER || undefined;
  const clientId = env.NUDGE_SSO_CLIENT_ID || undefined;
  if (!issuerRaw && !clientId) return undefined;
  if (!issuerRaw) throw new ConfigError('NUDGE_SSO_ISSUER must be set when NUDGE_SSO_CLIENT_ID is: the issuer URL of the OpenID Connect provider.');
  if (!clientId) throw new ConfigError('NUDGE_SSO_CLIENT_ID must be set when NUDGE_SSO_ISSUER is: the client id registered at the provider.');
  let issuer: URL;
  try {
    issuer = new URL(issuerRaw);
  } catch {
    throw new ConfigError(`NUDGE_SSO_ISSUER must be an absolute https URL, got "${issuerRaw}".`);
  }
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && LOOPBACK.test(issuer.hostname))) {
    throw new ConfigError(`NUDGE_SSO_ISSUER must use https (plain http only for a loopback test provider), got "${issuerRaw}".`);
  }
  const domains = (env.NUDGE_SSO_EMAIL_DOMAINS ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
  for (const d of domains) if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d)) throw new ConfigError(`NUDGE_SSO_EMAIL_DOMAINS must be a comma-separated list of domains like example.com, got "${d}".`);
  const trustRaw = env.NUDGE_SSO_TRUST_EMAIL || undefined;
  if (trustRaw !== undefined && !['0', '1', 'true', 'false'].includes(trustRaw)) throw new ConfigError(`NUDGE_SSO_TRUST_EMAIL must be 1 or 0, got "${trustRaw}".`);
  const trustEmail = trustRaw === '1' || trustRaw === 'true';
  if (trustEmail && domains.length === 0) {
    throw new ConfigError('NUDGE_SSO_TRUST_EMAIL=1 needs NUDGE_SSO_EMAIL_DOMAINS: an unverified email is accepted only from your own domains.');
  }
  return {
    // The issuer exactly as the provider spells it (discovery compares it byte for byte).
    issuer: issuerRaw,
    clientId,
    clientSecret: env.NUDGE_SSO_CLIENT_SECRET || undefined,
    label: (env.NUDGE_SSO_LABEL || 'Single sign-on').slice(0, 60),
    emailDomains: domains.length ? domains : undefined,
    trustEmail,
  };
}

export function isLoopbackUrl(url: string): boolean {
  return LOOPBACK.test(new URL(url).hostname);
}
