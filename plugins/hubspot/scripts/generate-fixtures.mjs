// Writes fixtures/*.json: HubSpot CRM v3 responses in the documented shapes (list pages with
// paging.next.after, search results, create/update/timeline replies, error bodies). Deterministic:
// the same run gives the same files. Run: node scripts/generate-fixtures.mjs
import { writeFileSync } from 'node:fs';

const API = 'https://api.hubapi.com';
const FIRST = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Radia', 'Tim', 'Frances'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Perlman', 'Berners-Lee', 'Allen'];
const COMPANIES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', null];
const STAGES = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer'];
const DEAL_STAGES = ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent', 'closedwon', 'closedlost'];
const PAGE = 100;
const TOTAL = 1000;
const iso = (i, base = Date.UTC(2024, 0, 1)) => new Date(base + i * 3_600_000).toISOString().replace('.000Z', '.000Z');

const contact = (n) => {
  const first = FIRST[n % FIRST.length];
  const last = LAST[(n * 7) % LAST.length];
  const id = String(1000 + n);
  return {
    id,
    properties: {
      company: COMPANIES[n % COMPANIES.length],
      createdate: iso(n),
      email: `${first}.${last}.${n}@example.com`.toLowerCase(),
      firstname: first,
      hs_object_id: id,
      lastmodifieddate: iso(n + 500),
      lastname: last,
      lifecyclestage: STAGES[n % STAGES.length],
      phone: n % 3 === 0 ? null : `+1 555 01${String(n % 100).padStart(2, '0')}`,
    },
    createdAt: iso(n),
    updatedAt: iso(n + 500),
    archived: false,
  };
};

const deal = (n) => {
  const id = String(9000 + n);
  return {
    id,
    properties: {
      amount: n % 11 === 0 ? null : String(250 + ((n * 137) % 9750)),
      closedate: n % 4 === 0 ? null : iso(n * 2, Date.UTC(2024, 6, 1)),
      createdate: iso(n),
      dealname: `${COMPANIES[n % 6]} - ${['Renewal', 'Expansion', 'New business', 'Upsell'][n % 4]} ${n}`,
      dealstage: DEAL_STAGES[n % DEAL_STAGES.length],
      hs_lastmodifieddate: iso(n + 700),
      hs_object_id: id,
      pipeline: 'default',
    },
    createdAt: iso(n),
    updatedAt: iso(n + 700),
    archived: false,
  };
};

/** List pages, later pages first: a page-1 request (no `after`) must not match a later page's exchange. */
function pages(path, make, properties) {
  const exchanges = [];
  for (let start = 0; start < TOTAL; start += PAGE) {
    const results = Array.from({ length: PAGE }, (_, i) => make(start + i));
    const last = start + PAGE >= TOTAL;
    const after = String(start + PAGE);
    const query = { limit: '100', archived: 'false', properties };
    if (start > 0) query.after = String(start);
    exchanges.push({
      request: { method: 'GET', url: `${API}${path}`, query },
      response: {
        status: 200,
        body: last ? { results } : { results, paging: { next: { after, link: `${API}${path}?after=${after}` } } },
      },
    });
  }
  return [...exchanges.slice(1), exchanges[0]];
}

const write = (name, exchanges) => writeFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), `${JSON.stringify({ name, exchanges }, null, exchanges.length > 5 ? 0 : 1)}\n`);
const rateLimited = { status: 429, headers: { 'Retry-After': '10', 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000' }, body: { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', correlationId: 'c3f1b1e2-7a0c-4a55-9d57-1f0e4a6f7d10', policyName: 'TEN_SECONDLY_ROLLING', groupName: 'publicapi:oauth:1234:42' } };
const expired = { status: 401, body: { status: 'error', message: 'Authentication credentials not found. This API supports OAuth 2.0 authentication.', correlationId: 'a2b0c9de-1f3e-4c4b-8f0e-6f2a9d3b0c11', category: 'INVALID_AUTHENTICATION' } };

const CONTACT_PROPS = 'email,firstname,lastname,phone,company,lifecyclestage';
const DEAL_PROPS = 'dealname,amount,dealstage,pipeline,closedate,hs_lastmodifieddate';
write('contacts-pages', pages('/crm/v3/objects/contacts', contact, CONTACT_PROPS));
write('deals-pages', pages('/crm/v3/objects/deals', deal, DEAL_PROPS));
write('contacts-errors', [
  { request: { method: 'GET', url: `${API}/crm/v3/objects/contacts`, query: { after: 'throttled' } }, response: rateLimited },
  { request: { method: 'GET', url: `${API}/crm/v3/objects/contacts`, query: { after: 'expired' } }, response: expired },
]);
write('deals-search', [
  {
    request: { method: 'POST', url: `${API}/crm/v3/objects/deals/search`, bodyIncludes: 'hs_lastmodifieddate' },
    response: { status: 200, body: { total: 3, results: [deal(42), deal(41), deal(40)].map((d) => ({ ...d, updatedAt: iso(2000), properties: { ...d.properties, hs_lastmodifieddate: iso(2000) } })), paging: { next: { after: '3' } } } },
  },
]);
write('deals-search-throttled', [{ request: { method: 'POST', url: `${API}/crm/v3/objects/deals/search` }, response: rateLimited }]);
const created = { id: '1501', properties: { createdate: '2025-03-01T10:00:00.000Z', email: 'ada@example.com', firstname: 'Ada', hs_is_unworked: 'true', hs_object_id: '1501', lastmodifieddate: '2025-03-01T10:00:00.000Z', lastname: 'Lovelace', lifecyclestage: 'lead' }, createdAt: '2025-03-01T10:00:00.000Z', updatedAt: '2025-03-01T10:00:00.000Z', archived: false };
write('contacts-create', [
  { request: { method: 'POST', url: `${API}/crm/v3/objects/contacts`, bodyIncludes: 'ada@example.com' }, response: { status: 201, body: created } },
  { request: { method: 'POST', url: `${API}/crm/v3/objects/contacts`, bodyIncludes: 'grace@example.com' }, response: { status: 409, body: { status: 'error', message: 'Contact already exists. Existing ID: 1002', correlationId: '5f0c8d1a-1b2c-4d3e-9f00-112233445566', category: 'CONFLICT' } } },
  { request: { method: 'POST', url: `${API}/crm/v3/objects/contacts`, bodyIncludes: 'busy@example.com' }, response: rateLimited },
]);
write('contacts-update', [
  { request: { method: 'PATCH', url: `${API}/crm/v3/objects/contacts/1501`, bodyIncludes: 'customer' }, response: { status: 200, body: { ...created, properties: { ...created.properties, lifecyclestage: 'customer', lastmodifieddate: '2025-03-02T09:00:00.000Z' }, updatedAt: '2025-03-02T09:00:00.000Z' } } },
  { request: { method: 'PATCH', url: `${API}/crm/v3/objects/contacts/ada%40example.com`, query: { idProperty: 'email' } }, response: { status: 200, body: { ...created, properties: { ...created.properties, phone: '+44 20 7946 0000' }, updatedAt: '2025-03-02T09:30:00.000Z' } } },
  { request: { method: 'PATCH', url: `${API}/crm/v3/objects/contacts/9999` }, response: expired },
]);
write('timeline-events', [
  {
    request: { method: 'POST', url: `${API}/crm/v3/timeline/events`, bodyIncludes: 'ada@example.com' },
    response: { status: 201, body: { objectType: 'contacts', id: 'nudge-open-1501-1', eventTemplateId: '1001298', email: 'ada@example.com', objectId: '1501', tokens: { campaign: 'Spring launch', subject: 'Our spring collection is here' }, extraData: { messageId: 'msg_01' }, timestamp: '2025-03-03T08:15:00.000Z' } },
  },
  { request: { method: 'POST', url: `${API}/crm/v3/timeline/events`, bodyIncludes: 'busy@example.com' }, response: rateLimited },
]);
write('account-info', [{ request: { method: 'GET', url: `${API}/account-info/v3/details` }, response: { status: 200, body: { portalId: 4815162, accountType: 'STANDARD', timeZone: 'Europe/London', companyCurrency: 'GBP', additionalCurrencies: [], utcOffset: '+00:00', utcOffsetMilliseconds: 0, uiDomain: 'app-eu1.hubspot.com', dataHostingLocation: 'eu1' } } }]);
write('account-info-expired', [{ request: { method: 'GET', url: `${API}/account-info/v3/details` }, response: expired }]);
