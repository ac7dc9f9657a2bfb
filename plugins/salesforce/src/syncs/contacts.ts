/** Sync: every Salesforce Contact through SOQL, following nextRecordsUrl 200 records at a time. */
import { defineSync } from '@nudgecampaign/plugin-sdk/plugin';
import { nullableString, queryPage } from '../upstream.js';

export const CONTACT_SOQL = 'SELECT Id, FirstName, LastName, Email, Phone, Title, AccountId, LeadSource, CreatedDate, LastModifiedDate FROM Contact WHERE IsDeleted = false ORDER BY Id';

interface ContactRow {
  Id: string;
  FirstName: string | null;
  LastName: string;
  Email: string | null;
  Phone: string | null;
  Title: string | null;
  AccountId: string | null;
  LeadSource: string | null;
  CreatedDate: string;
  LastModifiedDate: string;
}

export const contacts = defineSync({
  title: 'Contacts',
  description: 'All Salesforce contacts with e-mail, name, phone, title, account and lead source.',
  model: {
    name: 'Contact',
    idField: 'id',
    schema: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        email: nullableString,
        firstName: nullableString,
        lastName: { type: 'string' },
        phone: nullableString,
        title: nullableString,
        accountId: nullableString,
        leadSource: nullableString,
        createdAt: { type: 'string' },
        updatedAt: { type: 'string' },
      },
      required: ['id', 'email', 'lastName', 'createdAt', 'updatedAt'],
    },
  },
  async fetch(ctx, { cursor }) {
    const page = await queryPage<ContactRow>(ctx, CONTACT_SOQL, cursor);
    return {
      records: page.records.map((r) => ({
        id: r.Id,
        email: r.Email,
        firstName: r.FirstName,
        lastName: r.LastName,
        phone: r.Phone,
        title: r.Title,
        accountId: r.AccountId,
        leadSource: r.LeadSource,
        createdAt: r.CreatedDate,
        updatedAt: r.LastModifiedDate,
      })),
      nextCursor: page.done ? null : (page.nextRecordsUrl ?? null),
      hasMore: !page.done && Boolean(page.nextRecordsUrl),
    };
  },
});
