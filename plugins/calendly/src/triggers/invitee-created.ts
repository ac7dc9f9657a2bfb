/**
 * Webhook trigger: `invitee.created`, each new booking, for appointment follow-ups. Subscribing
 * creates a webhook subscription with a fresh signing key kept in the plugin store; deliveries
 * carry `Calendly-Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.rawBody">`.
 */
import { InvalidInputError } from '@nudgecampaign/plugin-sdk/errors';
import { defineWebhookTrigger, type PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { hmac, sha256, timingSafeEqual, toHex, utf8 } from '@nudgecampaign/plugin-sdk/crypto/hmac';
import { API, currentUser, failure } from '../upstream.js';

const KEY = 'calendly:signing-key';
/** Deliveries older than this are replays. Future timestamps are allowed, as clocks drift. */
export const SIGNATURE_TOLERANCE_SECONDS = 180;

async function signingKey(ctx: PluginContext): Promise<string | undefined> {
  const configured = (ctx.settings as { signingKey?: unknown }).signingKey;
  if (typeof configured === 'string' && configured) return configured;
  const stored = await ctx.store.get(KEY);
  return typeof stored === 'string' ? stored : undefined;
}

/** 256 bits; the isolate has no CSPRNG, so Math.random (OS-seeded by V8) is mixed through SHA-256. */
function newKey(ctx: PluginContext, webhookUrl: string): string {
  let seed = `${ctx.installation.id}|${webhookUrl}|${Date.now()}`;
  for (let i = 0; i < 16; i++) seed += `|${Math.random()}`;
  return toHex(sha256(utf8(seed)));
}

/** Parses `t=…,v1=…[,v1=…]`. */
function parseSignature(header: string): { t: number; v1: string[] } | undefined {
  let t: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const [k, v] = part.split('=', 2).map((s) => s.trim());
    if (k === 't' && v && /^\d+$/.test(v)) t = Number(v);
    if (k === 'v1' && v) v1.push(v);
  }
  return t === undefined || v1.length === 0 ? undefined : { t, v1 };
}

interface InviteePayload {
  uri: string;
  email: string;
  name: string;
  first_name?: string | null;
  last_name?: string | null;
  timezone?: string | null;
  rescheduled?: boolean;
  cancel_url?: string;
  reschedule_url?: string;
  questions_and_answers?: Array<{ question: string; answer: string }>;
  tracking?: Record<string, string | null>;
  scheduled_event?: { uri: string; name: string; start_time: string; end_time: string; event_type?: string; location?: { type?: string; join_url?: string; location?: string } };
}

const nullableString = { type: ['string', 'null'] } as const;

export const inviteeCreated = defineWebhookTrigger({
  type: 'webhook',
  title: 'Invitee created',
  description: 'Fires when someone books a meeting (Calendly invitee.created), with the invitee and the event times: send confirmations, reminders and follow-ups.',
  output: {
    type: 'object',
    properties: {
      inviteeUri: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      firstName: nullableString,
      lastName: nullableString,
      timezone: nullableString,
      eventUri: nullableString,
      eventName: nullableString,
      startTime: nullableString,
      endTime: nullableString,
      joinUrl: nullableString,
      rescheduled: { type: 'boolean' },
      cancelUrl: nullableString,
      rescheduleUrl: nullableString,
      answers: { type: 'array', items: { type: 'object', properties: { question: { type: 'string' }, answer: { type: 'string' } }, required: ['question', 'answer'] } },
      utm: { type: 'object', additionalProperties: { type: ['string', 'null'] } },
    },
    required: ['inviteeUri', 'email', 'name', 'eventUri', 'startTime', 'rescheduled', 'answers', 'utm'],
  },
  sample: {
    inviteeUri: 'https://api.calendly.com/scheduled_events/ABCDABCDABCDABCD/invitees/ABCDABCDABCDABCD',
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    firstName: 'Ada',
    lastName: 'Lovelace',
    timezone: 'Europe/London',
    eventUri: 'https://api.calendly.com/scheduled_events/ABCDABCDABCDABCD',
    eventName: '30 Minute Meeting',
    startTime: '2025-03-10T10:00:00.000000Z',
    endTime: '2025-03-10T10:30:00.000000Z',
    joinUrl: null,
    rescheduled: false,
    cancelUrl: null,
    rescheduleUrl: null,
    answers: [{ question: 'What would you like to discuss?', answer: 'Pricing' }],
    utm: { utm_source: 'newsletter' },
  },
  async subscribe(ctx, { webhookUrl }) {
    const scope = (ctx.settings as { scope?: unknown }).scope === 'organization' ? 'organization' : 'user';
    const { user, organization } = await currentUser(ctx);
    const key = newKey(ctx, webhookUrl);
    await ctx.store.set(KEY, key);
    const res = await ctx.fetch(`${API}/webhook_subscriptions`, {
      method: 'POST',
      json: { url: webhookUrl, events: ['invitee.created'], organization, ...(scope === 'user' ? { user } : {}), scope, signing_key: key },
    });
    if (!res.ok) throw await failure(res);
    const { resource } = (await res.json()) as { resource: { uri: string; state: string; scope: string } };
    return { uri: resource.uri, scope: resource.scope };
  },
  async unsubscribe(ctx, { subscription }) {
    const uri = String(subscription.uri ?? '');
    if (!uri.startsWith(`${API}/webhook_subscriptions/`)) throw new InvalidInputError('The subscription has no Calendly webhook URI.', { path: 'uri' });
    const res = await ctx.fetch(uri, { method: 'DELETE' });
    if (!res.ok && res.status !== 404) throw await failure(res);
    await ctx.store.delete(KEY);
  },
  async verify(ctx, request) {
    const key = await signingKey(ctx);
    const parsed = parseSignature(request.headers['calendly-webhook-signature'] ?? '');
    if (!key || !parsed) return false;
    if (Date.now() / 1000 - parsed.t > SIGNATURE_TOLERANCE_SECONDS) return false;
    const expected = toHex(hmac(sha256, key, `${parsed.t}.${request.rawBody}`));
    return parsed.v1.some((v) => timingSafeEqual(v, expected));
  },
  handle(_ctx, request) {
    const body = request.body as { event?: string; payload?: InviteePayload } | null;
    if (body?.event !== 'invitee.created' || !body.payload) return [];
    const p = body.payload;
    const event = p.scheduled_event;
    return [
      {
        inviteeUri: p.uri,
        email: p.email,
        name: p.name,
        firstName: p.first_name ?? null,
        lastName: p.last_name ?? null,
        timezone: p.timezone ?? null,
        eventUri: event?.uri ?? null,
        eventName: event?.name ?? null,
        startTime: event?.start_time ?? null,
        endTime: event?.end_time ?? null,
        joinUrl: event?.location?.join_url ?? null,
        rescheduled: p.rescheduled === true,
        cancelUrl: p.cancel_url ?? null,
        rescheduleUrl: p.reschedule_url ?? null,
        answers: (p.questions_and_answers ?? []).map((q) => ({ question: q.question, answer: q.answer })),
        utm: p.tracking ?? {},
      },
    ];
  },
});
