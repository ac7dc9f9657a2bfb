/**
 * The native plugin's actions over the contacts model. Each one is idempotent
 * (upserts keyed on workspace + email, tag, list, campaign), so a replayed or
 * retried automation run leaves the same rows as a single run.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { campaignStarts, campaigns, contactTags, contacts, listMembers, lists, tags } from '../../db/schema/contacts.js';
import { PermanentJobError } from '../jobs/job-errors.js';
import { NATIVE_MANIFEST } from './native-plugin.js';

export const NATIVE_ERROR_CODES = {
  INVALID_INPUT: 'INVALID_INPUT',
  ACTION_NOT_FOUND: 'ACTION_NOT_FOUND',
} as const;

export type NativeActionName = keyof typeof NATIVE_MANIFEST.actions;

export interface NativeActionContext {
  workspaceId: string;
  runId?: string;
  now: Date;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function invalid(message: string): PermanentJobError {
  return new PermanentJobError(NATIVE_ERROR_CODES.INVALID_INPUT, message);
}

function requireEmail(input: Record<string, unknown>): string {
  const value = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
  if (!EMAIL.test(value)) throw invalid(`"email" must be an email address, got ${JSON.stringify(input.email ?? null)}.`);
  return value;
}

function requireText(input: Record<string, unknown>, field: string): string {
  const value = typeof input[field] === 'string' ? (input[field] as string).trim() : '';
  if (!value) throw invalid(`"${field}" must be a non-empty text.`);
  return value;
}

const optionalText = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

async function upsertContact(db: DbOrTx, ctx: NativeActionContext, input: Record<string, unknown>) {
  const email = requireEmail(input);
  const fields = {
    ...(optionalText(input.firstName) ? { firstName: optionalText(input.firstName)! } : {}),
    ...(optionalText(input.lastName) ? { lastName: optionalText(input.lastName)! } : {}),
    ...(optionalText(input.phone) ? { phone: optionalText(input.phone)! } : {}),
  };
  const attributes = input.attributes && typeof input.attributes === 'object' && !Array.isArray(input.attributes) ? input.attributes : {};
  const [row] = await db
    .insert(contacts)
    .values({ workspaceId: ctx.workspaceId, email, ...fields, attributes, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoUpdate({
      target: [contacts.workspaceId, contacts.email],
      set: { ...fields, attributes: sql`${contacts.attributes} || ${JSON.stringify(attributes)}::jsonb`, updatedAt: ctx.now },
    })
    .returning({ id: contacts.id, created: sql<boolean>`(xmax = 0)` });
  return { contactId: row!.id, email, created: Boolean(row!.created) };
}

async function contactFor(db: DbOrTx, ctx: NativeActionContext, input: Record<string, unknown>) {
  const email = requireEmail(input);
  await db.insert(contacts).values({ workspaceId: ctx.workspaceId, email, createdAt: ctx.now, updatedAt: ctx.now }).onConflictDoNothing();
  const [row] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.email, email)));
  return { contactId: row!.id, email };
}

async function addTag(db: DbOrTx, ctx: NativeActionContext, input: Record<string, unknown>) {
  const name = requireText(input, 'tag');
  const contact = await contactFor(db, ctx, input);
  await db.insert(tags).values({ workspaceId: ctx.workspaceId, name, createdAt: ctx.now }).onConflictDoNothing();
  const [tag] = await db.select({ id: tags.id }).from(tags).where(and(eq(tags.workspaceId, ctx.workspaceId), eq(tags.name, name)));
  await db.insert(contactTags).values({ contactId: contact.contactId, tagId: tag!.id, createdAt: ctx.now }).onConflictDoNothing();
  return contact;
}

async function addToList(db: DbOrTx, ctx: NativeActionContext, input: Record<string, unknown>) {
  const name = requireText(input, 'list');
  const contact = await contactFor(db, ctx, input);
  await db.insert(lists).values({ workspaceId: ctx.workspaceId, name, createdAt: ctx.now }).onConflictDoNothing();
  const [list] = await db.select({ id: lists.id }).from(lists).where(and(eq(lists.workspaceId, ctx.workspaceId), eq(lists.name, name)));
  await db.insert(listMembers).values({ listId: list!.id, contactId: contact.contactId, addedAt: ctx.now }).onConflictDoNothing();
  return contact;
}

async function startCampaign(db: DbOrTx, ctx: NativeActionContext, input: Record<string, unknown>) {
  const name = requireText(input, 'campaign');
  const contact = await contactFor(db, ctx, input);
  await db.insert(campaigns).values({ workspaceId: ctx.workspaceId, name, createdAt: ctx.now }).onConflictDoNothing();
  const [campaign] = await db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.workspaceId, ctx.workspaceId), eq(campaigns.name, name)));
  const started = await db
    .insert(campaignStarts)
    .values({ campaignId: campaign!.id, contactId: contact.contactId, sourceRunId: ctx.runId ?? null, startedAt: ctx.now })
    .onConflictDoNothing()
    .returning({ id: campaignStarts.id });
  return { contactId: contact.contactId, campaignId: campaign!.id, started: started.length === 1 };
}

const ACTIONS: Record<NativeActionName, (db: DbOrTx, ctx: NativeActionContext, input: Record<string, unknown>) => Promise<unknown>> = {
  upsert_contact: upsertContact,
  add_tag: addTag,
  add_to_list: addToList,
  start_campaign: startCampaign,
};

/** Runs one native action in the caller's transaction (or on the database). */
export async function runNativeAction(db: DbOrTx, ctx: NativeActionContext, name: string, input: unknown): Promise<unknown> {
  const action = Object.prototype.hasOwnProperty.call(ACTIONS, name) ? ACTIONS[name as NativeActionName] : undefined;
  if (!action) throw new PermanentJobError(NATIVE_ERROR_CODES.ACTION_NOT_FOUND, `NudgeCampaign has no action named ${name}.`);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw invalid('The action input must be an object.');
  return action(db, ctx, input as Record<string, unknown>);
}
