/**
 * Action: enrich a subscriber by e-mail with name, employer, role, seniority and location. A 202
 * means Clearbit queued the lookup: the result says `pending`, and a later run returns the data.
 */
import { defineAction } from '@nudgecampaign/plugin-sdk/plugin';
import { API, failure, type Person } from '../upstream.js';

const nullableString = { type: ['string', 'null'] } as const;

export const enrichPerson = defineAction({
  title: 'Enrich person',
  description: 'Looks up a person by e-mail in Clearbit: name, company, title, role, seniority, location and social handles.',
  input: {
    type: 'object',
    properties: { email: { type: 'string', format: 'email', title: 'E-mail' } },
    required: ['email'],
    additionalProperties: false,
  },
  output: {
    type: 'object',
    properties: {
      email: { type: 'string' },
      status: { type: 'string', enum: ['found', 'pending', 'not_found'] },
      clearbitId: nullableString,
      fullName: nullableString,
      firstName: nullableString,
      lastName: nullableString,
      company: nullableString,
      companyDomain: nullableString,
      title: nullableString,
      role: nullableString,
      seniority: nullableString,
      location: nullableString,
      countryCode: nullableString,
      timeZone: nullableString,
      linkedin: nullableString,
      twitter: nullableString,
      avatar: nullableString,
    },
    required: ['email', 'status'],
  },
  sample: { email: 'alex@clearbit.com', status: 'found', clearbitId: 'd54c54ad-40be-4305-8a34-0ab44710b90d', fullName: 'Alex MacCaw', firstName: 'Alex', lastName: 'MacCaw', company: 'Clearbit', companyDomain: 'clearbit.com', title: 'Founder and CEO', role: 'leadership', seniority: 'executive', location: 'San Francisco, CA, US', countryCode: 'US', timeZone: 'America/Los_Angeles', linkedin: 'in/alex-maccaw-ab592978', twitter: 'maccaw', avatar: null },
  async run(ctx, input) {
    const res = await ctx.fetch(`${API}/people/find`, { query: { email: input.email } });
    if (res.status === 202) return { email: input.email, status: 'pending' as const };
    if (res.status === 404) return { email: input.email, status: 'not_found' as const };
    if (!res.ok) throw await failure(res);
    const p = (await res.json()) as Person;
    return {
      email: p.email,
      status: 'found' as const,
      clearbitId: p.id,
      fullName: p.name?.fullName ?? null,
      firstName: p.name?.givenName ?? null,
      lastName: p.name?.familyName ?? null,
      company: p.employment?.name ?? null,
      companyDomain: p.employment?.domain ?? null,
      title: p.employment?.title ?? null,
      role: p.employment?.role ?? null,
      seniority: p.employment?.seniority ?? null,
      location: p.location ?? null,
      countryCode: p.geo?.countryCode ?? null,
      timeZone: p.timeZone ?? null,
      linkedin: p.linkedin?.handle ?? null,
      twitter: p.twitter?.handle ?? null,
      avatar: p.avatar ?? null,
    };
  },
});
