/**
 * The only way a plugin reaches the network: HTTPS only (plain HTTP just for
 * configured dev hosts), host on the manifest allowlist, DNS resolved once and
 * every address classified, the connection pinned to the checked address (no
 * re-resolution), each redirect hop checked again, credentials injected by the
 * host, response size and time capped. Denials are SandboxBridgeErrors.
 */
import dns from 'node:dns';
import net from 'node:net';
import { hostAllowed, normalizeHost } from '@nudgecampaign/plugin-sdk/runtime/egress-allowlist';
import { SandboxBridgeError, type BridgeFetchRequest, type BridgeFetchResponse } from '@nudgecampaign/plugin-sdk/runtime/types';
import { classifyAddress } from './address-classifier.js';
import { nodeTransport, type EgressTransport } from './egress-transport.js';

export type { EgressTransport, ConnectTarget } from './egress-transport.js';

/** Points an exact hostname at a loopback fixture server (tests and local development only). */
export interface HostOverride {
  address: string;
  port: number;
  protocol: 'http' | 'https';
  /** CA certificate for an HTTPS fixture with a self-signed certificate. */
  ca?: string;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface CredentialInjection {
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /**
   * Asked once per request with the final response: true means the provider signalled
   * that the credentials expired and they were renewed, so the request is sent again
   * (once) with fresh credentials.
   */
  expired?: (status: number, body: string) => Promise<boolean>;
}

export interface EgressOptions {
  hostOverrides?: Record<string, HostOverride>;
  /** Hosts a plugin may call over plain http:// (dev only). */
  allowInsecureHosts?: string[];
  maxResponseBytes?: number;
  requestTimeoutMs?: number;
  maxRedirects?: number;
  resolver?: Resolver;
  transport?: EgressTransport;
}

export interface EgressContext {
  allowlist: readonly string[];
  /** Absolute epoch-ms deadline of the invocation. */
  deadline: number;
  credentials?: (url: URL) => Promise<CredentialInjection | undefined>;
}

export const EGRESS_DENIAL_CODES = {
  URL_INVALID: 'URL_INVALID',
  SCHEME_NOT_ALLOWED: 'SCHEME_NOT_ALLOWED',
  URL_CREDENTIALS: 'URL_CREDENTIALS',
  HOST_NOT_ALLOWED: 'HOST_NOT_ALLOWED',
  ADDRESS_NOT_ALLOWED: 'ADDRESS_NOT_ALLOWED',
  TOO_MANY_REDIRECTS: 'TOO_MANY_REDIRECTS',
} as const;

const DROPPED_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'te', 'upgrade', 'keep-alive', 'proxy-authorization', 'proxy-connection', 'trailer', 'expect']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function deny(code: keyof typeof EGRESS_DENIAL_CODES, message: string): SandboxBridgeError {
  return new SandboxBridgeError('EgressDenied', code, message);
}

function networkError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

export const systemResolver: Resolver = async (hostname) => {
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export class EgressGuard {
  private readonly overrides: Map<string, HostOverride>;
  private readonly insecure: Set<string>;
  private readonly resolver: Resolver;
  private readonly transport: EgressTransport;
  private readonly maxResponseBytes: number;
  private readonly requestTimeoutMs: number;
  private readonly maxRedirects: number;

  constructor(options: EgressOptions = {}) {
    this.overrides = new Map(Object.entries(options.hostOverrides ?? {}).map(([host, o]) => [normalizeHost(host), o]));
    this.insecure = new Set((options.allowInsecureHosts ?? []).map(normalizeHost));
    this.resolver = options.resolver ?? systemResolver;
    this.transport = options.transport ?? nodeTransport;
    this.maxResponseBytes = options.maxResponseBytes ?? 5 * 1024 * 1024;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.maxRedirects = options.maxRedirects ?? 5;
  }

  /** Checks a URL without sending anything; returns where the request would connect. */
  async check(raw: string, allowlist: readonly string[]): Promise<{ url: URL; address: string; family: 4 | 6; port: number; protocol: 'http:' | 'https:'; ca?: string }> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw deny('URL_INVALID', 'ctx.fetch needs an absolute URL.');
    }
    const host = normalizeHost(url.hostname.replace(/^\[|\]$/g, ''));
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.insecure.has(host))) {
      throw deny('SCHEME_NOT_ALLOWED', `Only https:// URLs may be fetched, not ${url.protocol}.`);
    }
    if (url.username || url.password) throw deny('URL_CREDENTIALS', 'URLs with embedded credentials are refused; the host injects credentials.');
    if (!hostAllowed(host, allowlist)) throw deny('HOST_NOT_ALLOWED', `${host} is not in the plugin's permissions.hosts.`);
    const override = this.overrides.get(host);
    if (override) {
      return { url, address: override.address, family: net.isIPv6(override.address) ? 6 : 4, port: override.port, protocol: `${override.protocol}:`, ...(override.ca ? { ca: override.ca } : {}) };
    }
    const addresses = net.isIP(host) ? [{ address: host, family: (net.isIPv6(host) ? 6 : 4) as 4 | 6 }] : await this.resolve(host);
    const bad = addresses.find((a) => classifyAddress(a.address) !== 'public');
    if (bad || addresses.length === 0) {
      throw deny('ADDRESS_NOT_ALLOWED', `${host} resolves to a ${bad ? classifyAddress(bad.address) : 'missing'} address, which plugins may not reach.`);
    }
    const chosen = addresses[0]!;
    const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    return { url, address: chosen.address, family: chosen.family, port, protocol: url.protocol as 'http:' | 'https:' };
  }

  /** Performs the request, following and re-checking redirects; retries once when injected credentials expired. */
  async fetch(req: BridgeFetchRequest, ctx: EgressContext): Promise<BridgeFetchResponse> {
    const first = await this.send(req, ctx);
    if (first.injection?.expired && (await first.injection.expired(first.response.status, first.response.body))) {
      return (await this.send(req, ctx)).response;
    }
    return first.response;
  }

  private async send(req: BridgeFetchRequest, ctx: EgressContext): Promise<{ response: BridgeFetchResponse; injection: CredentialInjection | undefined }> {
    let method = req.method;
    let body = req.body;
    let current = req.url;
    for (let hop = 0; hop <= this.maxRedirects; hop++) {
      const target = await this.check(current, ctx.allowlist);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (!DROPPED_HEADERS.has(name)) headers[name] = value;
      headers['accept-encoding'] = 'identity';
      const injection = ctx.credentials ? await ctx.credentials(target.url) : undefined;
      for (const [name, value] of Object.entries(injection?.headers ?? {})) headers[name.toLowerCase()] = value;
      for (const [name, value] of Object.entries(injection?.query ?? {})) target.url.searchParams.set(name, value);
      const remaining = Math.min(this.requestTimeoutMs, ctx.deadline - Date.now());
      if (remaining <= 0) throw networkError('UPSTREAM_TIMEOUT', 'The invocation deadline passed before the request could be sent.');
      const res = await this.transport(
        { ...target, hostname: target.url.hostname.replace(/^\[|\]$/g, ''), path: `${target.url.pathname}${target.url.search}` },
        { method, headers, ...(body === undefined ? {} : { body }) },
        { timeoutMs: remaining, maxBytes: this.maxResponseBytes },
      );
      const location = res.headers.location;
      if (REDIRECTS.has(res.status) && location) {
        current = new URL(location, target.url).toString();
        if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      return { response: { status: res.status, url: stripCredentials(target.url, injection), headers: res.headers, body: res.body }, injection };
    }
    throw deny('TOO_MANY_REDIRECTS', `More than ${this.maxRedirects} redirects.`);
  }

  private async resolve(host: string): Promise<ResolvedAddress[]> {
    try {
      return await this.resolver(host);
    } catch (err) {
      throw networkError('DNS_FAILED', `${host} could not be resolved (${(err as { code?: string }).code ?? 'error'}).`);
    }
  }
}

/** The URL the plugin sees never carries injected query credentials. */
function stripCredentials(url: URL, injection: CredentialInjection | undefined): string {
  const copy = new URL(url);
  for (const name of Object.keys(injection?.query ?? {})) copy.searchParams.delete(name);
  return copy.toString();
}
