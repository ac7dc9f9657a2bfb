/** Validation of the deal registration form, before anything is sent: a customer domain, a name and an amount in whole cents. */
import { parseDollars } from '../partner-money';

export interface DealDraft {
  customerDomain: string;
  customerName: string;
  amount: string;
}

export type DealErrors = Partial<Record<keyof DealDraft, string>>;

const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

/** "https://www.Example.com/x" → "example.com" (the server normalises the same way). */
export function domainOf(raw: string): string {
  return raw.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').split(/[/?#:]/)[0]!.replace(/^www\./, '');
}

export function validateDeal(draft: DealDraft): { errors: DealErrors; input?: { customerDomain: string; customerName: string; amountCents: number } } {
  const errors: DealErrors = {};
  const customerDomain = domainOf(draft.customerDomain);
  if (!draft.customerDomain.trim()) errors.customerDomain = "Enter the customer's website domain.";
  else if (!DOMAIN.test(customerDomain)) errors.customerDomain = 'Enter a domain such as example.com.';
  const customerName = draft.customerName.trim();
  if (!customerName) errors.customerName = "Enter the customer's name.";
  else if (customerName.length > 200) errors.customerName = 'Keep the name under 200 characters.';
  const amountCents = parseDollars(draft.amount);
  if (!draft.amount.trim()) errors.amount = 'Enter the expected deal value.';
  else if (amountCents === undefined) errors.amount = 'Enter an amount in dollars, for example 8,500 or 8500.00.';
  else if (amountCents <= 0) errors.amount = 'The deal value must be more than $0.';
  if (Object.keys(errors).length > 0 || amountCents === undefined) return { errors };
  return { errors, input: { customerDomain, customerName, amountCents } };
}
