/**
 * Webhook trigger: a catch hook. Any app can POST JSON (or a form) to the installation's URL; each
 * object, or each element of a JSON array, becomes one item. The URL is the secret by default;
 * settings can also require a shared token header or an HMAC-SHA256 signature of the body.
 */
import { defineWebhookTrigger, type WebhookRequest } from '@nudgecampaign/plugin-sdk/plugin';
import { hmac, sha256, timingSafeEqual, toHex } from '@nudgecampaign/plugin-sdk/crypto/hmac';

interface CatchHookSettings {
  verification?: 'none' | 'token' | 'hmac-sha256';
  secret?: string;
  headerName?: string;
}

/** Form posts (application/x-www-form-urlencoded) as an object; the sandbox has no URLSearchParams. */
function parseForm(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of raw.split('&')) {
    if (!pair) continue;
    const [k, v = ''] = pair.split('=', 2).map((s) => decodeURIComponent(s.replace(/\+/g, ' ')));
    if (k) out[k] = v;
  }
  return out;
}

function payloads(request: WebhookRequest): Array<Record<string, unknown>> {
  const body = request.body;
  const wrap = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v });
  if (Array.isArray(body)) return body.map(wrap);
  if (body !== null && body !== undefined) return [wrap(body)];
  if ((request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) return [parseForm(request.rawBody)];
  if (request.rawBody) return [{ value: request.rawBody }];
  // A GET ping with query parameters only.
  return Object.keys(request.query).length ? [{ ...request.query }] : [];
}

export const catchHook = defineWebhookTrigger({
  type: 'webhook',
  title: 'Catch hook',
  description: 'Fires for each JSON object (or array element, or form post) sent to your unique webhook URL.',
  output: { type: 'object', additionalProperties: true },
  sample: { email: 'ada@example.com', event: 'signup', plan: 'pro' },
  async subscribe(ctx, { webhookUrl }) {
    ctx.log.info('send requests to this URL to start the automation', { webhookUrl });
    return { webhookUrl };
  },
  async unsubscribe() {
    // Nothing to undo upstream: the host stops routing the URL.
  },
  verify(ctx, request) {
    const settings = ctx.settings as CatchHookSettings;
    const mode = settings.verification ?? 'none';
    if (mode === 'none') return true;
    const secret = settings.secret ?? '';
    if (!secret) return false;
    if (mode === 'token') {
      const header = (settings.headerName ?? 'x-webhook-token').toLowerCase();
      return timingSafeEqual(request.headers[header] ?? '', secret);
    }
    const header = (settings.headerName ?? 'x-signature-256').toLowerCase();
    const given = (request.headers[header] ?? '').replace(/^sha256=/, '').toLowerCase();
    return timingSafeEqual(given, toHex(hmac(sha256, secret, request.rawBody)));
  },
  handle(_ctx, request) {
    return payloads(request);
  },
});
