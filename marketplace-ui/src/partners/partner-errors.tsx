/**
 * The partner program's refusals in product language: the API's `reason`
 * (DEAL_ALREADY_REGISTERED, …) becomes a sentence, and the platform's own
 * explanation follows with its timestamps as readable dates.
 */
import { ApiError, describeError } from '../graphql/api-error';
import { formatCents } from './partner-money';

const PARTNER_REASONS: Record<string, string> = {
  DEAL_ALREADY_REGISTERED: 'This customer is already registered and protected, so your registration was refused.',
  DEAL_UNDER_REVIEW: 'A registration for this customer is already in review, so your registration was refused until that one is decided.',
  REFERRAL_CODE_UNKNOWN: 'This referral code does not exist or is no longer active.',
  ATTRIBUTION_WINDOW_EXPIRED: 'The referral visit is older than the attribution window.',
  ALREADY_ATTRIBUTED: 'This customer is already attributed to a referral.',
  ASSESSMENT_ANSWERS: 'Answer every question of the assessment, then submit again.',
  MDF_ACTIVITY_NOT_ELIGIBLE: 'This activity is not eligible for market development funds.',
  MDF_BUDGET_EXCEEDED: "The claim is more than what is left of this quarter's fund for the activity's category.",
  MDF_CLAIM_STATE: 'This claim cannot change in its current state.',
  SUPPORT_TICKET_TOO_LONG: 'The subject or message is too long.',
  SUPPORT_TICKET_CLOSED: 'This ticket is already closed.',
};

/** The MDF categories' product names (the API's keys are snake_case). */
export const MDF_CATEGORY_NAMES: Record<string, string> = { demand_generation: 'Demand generation', events: 'Events', enablement: 'Enablement', branding: 'Branding' };

const ISO = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z\b/g;

/**
 * The server's explanation made readable: "… protected until
 * 2027-07-01T09:00:00.000Z." → "… protected until 1 Jul 2027."; "40000 cents"
 * and "asks for 40000" → dollars; MDF category keys → their names.
 */
export function readableMessage(text: string): string {
  return text
    .replace(ISO, (iso) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }))
    .replace(/(-?\d+) cents/g, (_, cents: string) => formatCents(Number(cents)))
    .replace(/asks for (\d+)\b/g, (_, cents: string) => `asks for ${formatCents(Number(cents))}`)
    .replace(/\b(demand_generation|events|enablement|branding) budget\b/g, (_, c: string) => `${MDF_CATEGORY_NAMES[c] ?? c} budget`);
}

export function describePartnerError(error: unknown): { title: string; detail: string | undefined } {
  const base = describeError(error);
  const reason = error instanceof ApiError ? error.items[0]?.reason : undefined;
  const title = (reason && PARTNER_REASONS[reason]) || base.title;
  const detail = error instanceof ApiError ? readableMessage(error.items.map((i) => i.message).join(' ')) : base.detail;
  return { title, detail: detail && detail !== title ? detail : undefined };
}

export function PartnerErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const { title, detail } = describePartnerError(error);
  return (
    <div className="notice notice-error" role="alert">
      <strong>{title}</strong>
      {detail ? <p>{detail}</p> : null}
    </div>
  );
}
