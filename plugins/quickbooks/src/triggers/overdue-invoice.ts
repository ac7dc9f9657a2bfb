/**
 * Polling trigger: invoices past their due date with a balance left, for payment-reminder
 * automations. Each poll runs one Query API statement; the host drops invoice ids it has already
 * seen, so each overdue invoice starts its reminder flow once.
 * @see https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/invoice#query-an-invoice
 */
import { definePollingTrigger } from '@nudgecampaign/plugin-sdk/plugin';
import { companyBase, failure, MINOR_VERSION } from '../upstream.js';

interface QboInvoice {
  Id: string;
  DocNumber?: string;
  TxnDate: string;
  DueDate: string;
  TotalAmt: number;
  Balance: number;
  CurrencyRef?: { value: string };
  CustomerRef: { value: string; name?: string };
  BillEmail?: { Address?: string };
  InvoiceLink?: string;
  MetaData?: { LastUpdatedTime?: string };
}

const PAGE = 1000;
const MAX_PAGES = 5;
const DAY = 86_400_000;

export const overdueInvoice = definePollingTrigger({
  type: 'polling',
  title: 'Overdue invoice',
  description: 'Fires once per invoice whose due date has passed (by at least the configured grace days) while a balance is still open, with the customer, e-mail, amount due and days overdue.',
  output: {
    type: 'object',
    properties: {
      id: { type: 'string', description: 'the invoice Id' },
      docNumber: { type: ['string', 'null'] },
      customerId: { type: 'string' },
      customerName: { type: ['string', 'null'] },
      email: { type: ['string', 'null'], description: 'BillEmail: where reminders go' },
      totalAmount: { type: 'number' },
      balance: { type: 'number', description: 'the amount still due' },
      currency: { type: 'string' },
      txnDate: { type: 'string' },
      dueDate: { type: 'string' },
      daysOverdue: { type: 'integer' },
      invoiceLink: { type: ['string', 'null'], description: 'the customer-facing pay link, when online payment is on' },
    },
    required: ['id', 'customerId', 'totalAmount', 'balance', 'currency', 'dueDate', 'daysOverdue'],
  },
  dedupeKey: 'id',
  sample: {
    id: '130',
    docNumber: '1037',
    customerId: '58',
    customerName: 'Sonnenschein Family Store',
    email: 'familiystore@intuit.com',
    totalAmount: 362.07,
    balance: 362.07,
    currency: 'USD',
    txnDate: '2024-09-27',
    dueDate: '2024-10-27',
    daysOverdue: 4,
    invoiceLink: null,
  },
  async poll(ctx) {
    const grace = Number((ctx.settings as { graceDays?: unknown } | undefined)?.graceDays ?? 0);
    const now = Date.now();
    const before = new Date(now - (Number.isInteger(grace) && grace > 0 ? grace : 0) * DAY).toISOString().slice(0, 10);
    const items = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      // Only literals we build go into the statement: a date and integers.
      const query = `select * from Invoice where DueDate < '${before}' and Balance > '0' STARTPOSITION ${page * PAGE + 1} MAXRESULTS ${PAGE}`;
      const res = await ctx.fetch(`${companyBase(ctx)}/query`, { query: { query, minorversion: MINOR_VERSION }, headers: { accept: 'application/json' } });
      if (!res.ok) await failure(res);
      const body = (await res.json()) as { QueryResponse?: { Invoice?: QboInvoice[] } };
      const invoices = body.QueryResponse?.Invoice ?? [];
      for (const inv of invoices) {
        items.push({
          id: inv.Id,
          docNumber: inv.DocNumber ?? null,
          customerId: inv.CustomerRef.value,
          customerName: inv.CustomerRef.name ?? null,
          email: inv.BillEmail?.Address ?? null,
          totalAmount: inv.TotalAmt,
          balance: inv.Balance,
          currency: inv.CurrencyRef?.value ?? 'USD',
          txnDate: inv.TxnDate,
          dueDate: inv.DueDate,
          daysOverdue: Math.max(0, Math.floor((now - Date.parse(`${inv.DueDate}T00:00:00Z`)) / DAY)),
          invoiceLink: inv.InvoiceLink ?? null,
        });
      }
      if (invoices.length < PAGE) break;
    }
    return items;
  },
});
