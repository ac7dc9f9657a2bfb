/**
 * Upsert by e-mail for the standard objects that have no external id: find the record with SOQL,
 * then PATCH it, or POST a new one. Shared by the contact and lead upsert actions.
 */
import type { PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { dataApi, failure, soqlString, type QueryPage } from '../upstream.js';

export const upsertOutput = {
  type: 'object',
  properties: { id: { type: 'string' }, created: { type: 'boolean' } },
  required: ['id', 'created'],
} as const;

/** Drops absent fields, so an update never blanks a field the input did not mention. */
export function present(fields: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v;
  return out;
}

export async function upsertByEmail(ctx: PluginContext, object: 'Contact' | 'Lead', email: string, fields: Record<string, unknown>): Promise<{ id: string; created: boolean }> {
  const api = dataApi(ctx);
  const soql = `SELECT Id FROM ${object} WHERE Email = ${soqlString(email)} ORDER BY LastModifiedDate DESC LIMIT 1`;
  const found = await ctx.fetch(`${api}/query`, { query: { q: soql } });
  if (!found.ok) throw await failure(found);
  const existing = ((await found.json()) as QueryPage<{ Id: string }>).records[0];
  if (existing) {
    const res = await ctx.fetch(`${api}/sobjects/${object}/${existing.Id}`, { method: 'PATCH', json: fields });
    if (!res.ok) throw await failure(res);
    return { id: existing.Id, created: false };
  }
  const res = await ctx.fetch(`${api}/sobjects/${object}`, { method: 'POST', json: { ...fields, Email: email } });
  if (!res.ok) throw await failure(res);
  const body = (await res.json()) as { id: string };
  return { id: body.id, created: true };
}
