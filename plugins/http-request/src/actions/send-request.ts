/**
 * Action: a Zapier-style HTTP request to one of the declared hosts, optionally narrowed further by
 * the installation's `allowedHosts`. Credentials, if the target needs any, travel in the headers
 * the automation sets; the platform vault is not involved, since the connector has no auth.
 */
import { InvalidInputError, PluginError, RateLimitError, RetryableError } from '@nudgecampaign/plugin-sdk/errors';
import { defineAction } from '@nudgecampaign/plugin-sdk/plugin';
import { DECLARED_HOSTS, hostMatches } from '../hosts.js';

export const HTTP_REQUEST_ERRORS = { HOST_NOT_ALLOWED: 'HOST_NOT_ALLOWED', UNAUTHORIZED: 'HTTP_UNAUTHORIZED', HTTP_ERROR: 'HTTP_ERROR' } as const;

/** Scheme and host of an absolute URL; the sandbox has no URL class. */
function parseTarget(url: string): { scheme: string; host: string } | undefined {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#@]+)(?:[/?#]|$)/.exec(url);
  if (!m) return undefined;
  return { scheme: m[1]!.toLowerCase(), host: m[2]!.replace(/:\d+$/, '').toLowerCase() };
}

export const sendRequest = defineAction({
  title: 'Send HTTP request',
  description: 'Sends a GET, POST, PUT, PATCH or DELETE request with headers, query and a JSON or text body, and returns the status and the response body.',
  input: {
    type: 'object',
    properties: {
      method: { type: 'string', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], default: 'POST', title: 'Method' },
      url: { type: 'string', title: 'URL', description: 'An https URL on one of the connector’s hosts (Slack, Discord, Zapier, Make, Teams, Power Automate, IFTTT, n8n cloud).' },
      headers: { type: 'object', additionalProperties: { type: 'string' }, title: 'Headers' },
      query: { type: 'object', additionalProperties: { type: ['string', 'number'] }, title: 'Query parameters' },
      json: { title: 'JSON body' },
      body: { type: 'string', title: 'Text body', description: 'Used when no JSON body is given.' },
    },
    required: ['url'],
    additionalProperties: false,
  },
  output: {
    type: 'object',
    properties: {
      status: { type: 'integer' },
      ok: { type: 'boolean' },
      headers: { type: 'object', additionalProperties: { type: 'string' } },
      body: { type: 'string' },
      json: { description: 'The body parsed as JSON, when it is JSON.' },
    },
    required: ['status', 'ok', 'headers', 'body'],
  },
  sample: { status: 200, ok: true, headers: { 'content-type': 'text/html' }, body: 'ok' },
  async run(ctx, input) {
    const target = parseTarget(input.url);
    if (!target) throw new InvalidInputError('The URL must be absolute, e.g. https + host + path.', { path: 'url' });
    if (target.scheme !== 'https') throw new InvalidInputError('Only https URLs are allowed.', { path: 'url' });
    if (!DECLARED_HOSTS.some((p) => hostMatches(target.host, p))) {
      throw new PluginError(HTTP_REQUEST_ERRORS.HOST_NOT_ALLOWED, `${target.host} is not one of this connector's hosts (${DECLARED_HOSTS.join(', ')}). The platform only lets a plugin call hosts declared in its certified manifest; ask for a connector version that declares this host.`);
    }
    const allowed = (ctx.settings as { allowedHosts?: unknown }).allowedHosts;
    if (Array.isArray(allowed) && allowed.length > 0 && !allowed.some((p) => typeof p === 'string' && hostMatches(target.host, p))) {
      throw new PluginError(HTTP_REQUEST_ERRORS.HOST_NOT_ALLOWED, `${target.host} is not in this installation's allowed hosts; add it in the settings.`);
    }
    const init = {
      method: input.method ?? 'POST',
      headers: input.headers ?? {},
      ...(input.query ? { query: input.query } : {}),
      ...(input.json !== undefined ? { json: input.json } : input.body !== undefined ? { body: input.body } : {}),
    };
    const res = await ctx.fetch(input.url, init);
    const text = await res.text();
    if (res.status === 429) throw new RateLimitError(`${target.host} is rate limiting requests.`, { retryAfter: Number(res.headers['retry-after']) || 30 });
    if (res.status >= 500) throw new RetryableError(`${target.host} answered ${res.status}; the request will be retried.`);
    const failOnError = (ctx.settings as { failOnHttpError?: unknown }).failOnHttpError !== false;
    // The connector holds no credentials, so a 401/403 is the automation's headers or URL being wrong, not an expiry the host could refresh.
    if (failOnError && (res.status === 401 || res.status === 403)) throw new PluginError(HTTP_REQUEST_ERRORS.UNAUTHORIZED, `${target.host} refused the request (${res.status}); check the URL's secret or the authorization header.`);
    if (failOnError && res.status >= 400) throw new PluginError(HTTP_REQUEST_ERRORS.HTTP_ERROR, `${target.host} answered ${res.status}: ${text.slice(0, 200)}`);
    let json: unknown;
    if ((res.headers['content-type'] ?? '').includes('json')) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { status: res.status, ok: res.ok, headers: { ...res.headers }, body: text, ...(json !== undefined ? { json } : {}) };
  },
});
