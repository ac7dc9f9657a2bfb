/** Sync: every unconverted-or-converted Salesforce Lead through SOQL, following nextRecordsUrl. */
import { defineSync } from '@nudgecampaign/plugin-sdk/plugin';
import { nullableString, queryPage } from '../upstream.js';

export const LEAD_SOQL = 'SELECT Id, FirstName, LastName, Email, Company, Status, LeadSource, IsConverted, CreatedDate, LastModifiedDate FROM Lead WHERE IsDeleted = false ORDER BY Id';

interface LeadRow {
  Id: string;
  FirstName: string | null;
  LastName: string;
  Email: string | null;
  Company: string;
  Status: string;
  LeadSource: string | null;
  IsConverted: boolean;
  CreatedDate: string;
  LastModifiedDate: string;
}

export const leads = defineSync({
  title: 'Leads',
  description: 'All Salesforce leads with e-mail, name, company, status, source and whether they were converted.',
  model: {
    name: 'Lead',
    idField: 'id',
    schema: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        email: nullableString,
        firstName: nullableString,
        lastName: { type: 'string' },
        company: { type: 'string' },
        status: { type: 'string' },
        leadSource: nullableString,
        isConverted: { type: 'boolean' },
        createdAt: { type: 'string' },
        updatedAt: { type: 'string' },
      },
      required: ['id', 'email', 'lastName', 'company', 'status', 'isConverted', 'createdAt', 'updatedAt'],
    },
  },
  async fetch(ctx, { cursor }) {
    const page = await queryPage<LeadRow>(ctx, LEAD_SOQL, cursor);
    return {
      records: page.records.map((r) => ({
        id: r.Id,
        email: r.Email,
        firstName: r.FirstName,
        lastName: r.LastName,
        company: r.Company,
        status: r.Status,
        leadSource: r.LeadSource,
        isConverted: r.IsConverted,
        createdAt: r.CreatedDate,
        updatedAt: r.LastModifiedDate,
      })),
      nextCursor: page.done ? null : (page.nextRecordsUrl ?? null),
      hasMore: !page.done && Boolean(page.nextRecordsUrl),
    };
  },
});
