/**
 * Webhook trigger: each submitted response of the configured form, as a lead. Subscribing
 * registers a webhook on the form with a fresh signing secret kept in the plugin store; every
 * delivery must carry `Typeform-Signature: sha256=<base64 HMAC-SHA256 of the raw body>`.
 */
import { defineWebhookTrigger, type PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { hmac, sha256, timingSafeEqual, toBase64, toHex, utf8 } from '@nudgecampaign/plugin-sdk/crypto/hmac';
import { API, failure, formId, leadSchema, toLead, type Answer } from '../upstream.js';

const SECRET_KEY = 'typeform:webhook-secret';

/** The secret deliveries are signed with: one the user set on a webhook made by hand, else ours. */
async function signingSecret(ctx: PluginContext): Promise<string | undefined> {
  const configured = (ctx.settings as { signingSecret?: unknown }).signingSecret;
  if (typeof configured === 'string' && configured) return configured;
  const stored = await ctx.store.get(SECRET_KEY);
  return typeof stored === 'string' ? stored : undefined;
}

/**
 * 256 bits for a new secret. The isolate has no CSPRNG, so Math.random (seeded from OS entropy by
 * V8) is mixed with the invocation's facts through SHA-256; the secret only ever goes to Typeform.
 */
function newSecret(ctx: PluginContext, webhookUrl: string): string {
  let seed = `${ctx.installation.id}|${webhookUrl}|${Date.now()}`;
  for (let i = 0; i < 16; i++) seed += `|${Math.random()}`;
  return toHex(sha256(utf8(seed)));
}

const tag = (ctx: PluginContext) => `nudgecampaign-${ctx.installation.id}`.replace(/[^A-Za-z0-9_-]/g, '-');

export const formResponse = defineWebhookTrigger({
  type: 'webhook',
  title: 'New form response',
  description: 'Fires for each submitted response of the form, with the e-mail and every answer: capture leads into NudgeCampaign.',
  output: leadSchema,
  sample: { responseId: 'a3a12ec67a1365927098a606107fac15', formId: 'lT4Z3j', submittedAt: '2025-03-03T08:15:00Z', email: 'ada@example.com', answers: { name: 'Ada', email: 'ada@example.com', interest: 'Newsletter' }, hidden: { utm_source: 'instagram' } },
  async subscribe(ctx, { webhookUrl }) {
    const form = formId(ctx);
    const secret = newSecret(ctx, webhookUrl);
    await ctx.store.set(SECRET_KEY, secret);
    const res = await ctx.fetch(`${API}/forms/${form}/webhooks/${tag(ctx)}`, {
      method: 'PUT',
      json: { url: webhookUrl, enabled: true, secret, verify_ssl: true, event_types: { form_response: true } },
    });
    if (!res.ok) throw await failure(res);
    const hook = (await res.json()) as { id: string; tag: string; form_id: string };
    return { webhookId: hook.id, tag: hook.tag, formId: hook.form_id };
  },
  async unsubscribe(ctx, { subscription }) {
    const { formId: form, tag: hookTag } = subscription as { formId: string; tag: string };
    const res = await ctx.fetch(`${API}/forms/${encodeURIComponent(form)}/webhooks/${encodeURIComponent(hookTag)}`, { method: 'DELETE' });
    // Already gone is what unsubscribing wants.
    if (!res.ok && res.status !== 404) throw await failure(res);
    await ctx.store.delete(SECRET_KEY);
  },
  async verify(ctx, request) {
    const secret = await signingSecret(ctx);
    const header = request.headers['typeform-signature'];
    if (!secret || !header) return false;
    return timingSafeEqual(header, `sha256=${toBase64(hmac(sha256, secret, request.rawBody))}`);
  },
  handle(_ctx, request) {
    const body = request.body as { event_type?: string; form_response?: { form_id: string; token: string; submitted_at: string; answers?: Answer[]; hidden?: Record<string, string> } } | null;
    if (body?.event_type !== 'form_response' || !body.form_response) return [];
    return [toLead(body.form_response.form_id, body.form_response)];
  },
});
