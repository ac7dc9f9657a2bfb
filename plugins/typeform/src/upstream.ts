/** The Typeform API base, its error mapping, and the response-to-lead mapping shared by both triggers. */
import { AuthExpiredError, InvalidInputError, PluginError, RateLimitError, RetryableError } from '@nudgecampaign/plugin-sdk/errors';
import type { FetchResponse, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';

export const API = 'https://api.typeform.com';

export const TYPEFORM_ERRORS = { FORM_NOT_FOUND: 'TYPEFORM_FORM_NOT_FOUND', UPSTREAM: 'TYPEFORM_ERROR' } as const;

/** Typeform's error body: `{ code, description, details? }`. */
export async function failure(res: FetchResponse): Promise<Error> {
  const body = (await res.json().catch(() => ({}))) as { code?: string; description?: string };
  const detail = body.description ?? `Typeform answered ${res.status}`;
  if (res.status === 401) return new AuthExpiredError('Typeform rejected the access token; reconnect Typeform if this persists.');
  if (res.status === 429) return new RateLimitError(`Typeform is rate limiting requests: ${detail}`, { retryAfter: Number(res.headers['retry-after']) || 1 });
  if (res.status >= 500) return new RetryableError(`Typeform is unavailable (${res.status}); the run will be retried.`);
  if (res.status === 404) return new PluginError(TYPEFORM_ERRORS.FORM_NOT_FOUND, `${detail}. Check the form id in the settings.`);
  if (res.status === 400) return new InvalidInputError(`Typeform refused the request: ${detail}`);
  return new PluginError(TYPEFORM_ERRORS.UPSTREAM, detail);
}

/** The configured form id (the part after /to/ in the form's share link). */
export function formId(ctx: PluginContext): string {
  const id = (ctx.settings as { formId?: unknown }).formId;
  if (typeof id !== 'string' || !/^[A-Za-z0-9]+$/.test(id)) throw new InvalidInputError('Set the Typeform form id in the installation settings.', { path: 'formId' });
  return id;
}

/** One answer, as both the webhook payload and the Responses API give it. */
export interface Answer {
  type: string;
  field: { id: string; type: string; ref?: string };
  text?: string;
  email?: string;
  phone_number?: string;
  url?: string;
  file_url?: string;
  date?: string;
  number?: number;
  boolean?: boolean;
  choice?: { label?: string; other?: string };
  choices?: { labels?: string[]; other?: string };
  payment?: { amount: string; last4: string; name: string };
}

type AnswerValue = string | number | boolean | string[] | null;

export function answerValue(a: Answer): AnswerValue {
  switch (a.type) {
    case 'choice':
      return a.choice?.label ?? a.choice?.other ?? null;
    case 'choices':
      return [...(a.choices?.labels ?? []), ...(a.choices?.other ? [a.choices.other] : [])];
    case 'payment':
      return a.payment?.amount ?? null;
    default: {
      const value = a.text ?? a.email ?? a.phone_number ?? a.url ?? a.file_url ?? a.date ?? a.number ?? a.boolean;
      return value === undefined ? null : value;
    }
  }
}

export const leadSchema = {
  type: 'object',
  properties: {
    responseId: { type: 'string' },
    formId: { type: 'string' },
    submittedAt: { type: 'string' },
    email: { type: ['string', 'null'] },
    answers: { type: 'object', description: 'Answer by field ref (or id).', additionalProperties: true },
    hidden: { type: 'object', additionalProperties: { type: 'string' } },
  },
  required: ['responseId', 'formId', 'submittedAt', 'email', 'answers', 'hidden'],
} as const;

/** A response as a lead: the first e-mail answer (or hidden `email` field) and every answer by ref. */
export function toLead(form: string, r: { token: string; submitted_at: string; answers?: Answer[] | null; hidden?: Record<string, string> | null }) {
  const answers: Record<string, AnswerValue> = {};
  let email: string | null = null;
  for (const a of r.answers ?? []) {
    answers[a.field.ref ?? a.field.id] = answerValue(a);
    if (email === null && a.type === 'email' && a.email) email = a.email;
  }
  const hidden = r.hidden ?? {};
  if (email === null && typeof hidden.email === 'string' && hidden.email.includes('@')) email = hidden.email;
  return { responseId: r.token, formId: form, submittedAt: r.submitted_at, email, answers, hidden };
}
