// Writes fixtures/*.json: Salesforce REST API (v60.0) responses in the documented shapes — SOQL
// query pages ({ totalSize, done, nextRecordsUrl, records[].attributes }), sObject create/upsert
// replies and error arrays ([{ message, errorCode }]). Deterministic. Run: node scripts/generate-fixtures.mjs
import { writeFileSync } from 'node:fs';

const HOST = 'https://nudge-demo.my.salesforce.com';
const API = `${HOST}/services/data/v60.0`;
const BATCH = 200;
const TOTAL = 1000;
const CONTACT_SOQL = 'SELECT Id, FirstName, LastName, Email, Phone, Title, AccountId, LeadSource, CreatedDate, LastModifiedDate FROM Contact WHERE IsDeleted = false ORDER BY Id';
const LEAD_SOQL = 'SELECT Id, FirstName, LastName, Email, Company, Status, LeadSource, IsConverted, CreatedDate, LastModifiedDate FROM Lead WHERE IsDeleted = false ORDER BY Id';
const FIRST = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Radia', 'Tim', 'Frances'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Perlman', 'Berners-Lee', 'Allen'];
const SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other', null];
const STATUSES = ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'];
const COMPANIES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries'];
const sfDate = (i) => new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().replace('Z', '+0000');
const sfId = (prefix, n) => `${prefix}Dn00000${String(n).padStart(5, '0')}IAU`;

const contact = (n) => ({
  attributes: { type: 'Contact', url: `/services/data/v60.0/sobjects/Contact/${sfId('003', n)}` },
  Id: sfId('003', n),
  FirstName: FIRST[n % 12],
  LastName: LAST[(n * 5) % 12],
  Email: n % 17 === 0 ? null : `${FIRST[n % 12]}.${LAST[(n * 5) % 12]}.${n}@example.com`.toLowerCase(),
  Phone: n % 3 === 0 ? null : `(555) 010-${String(n % 10000).padStart(4, '0')}`,
  Title: ['CEO', 'VP Marketing', 'Buyer', null][n % 4],
  AccountId: n % 5 === 0 ? null : sfId('001', n % 97),
  LeadSource: SOURCES[n % SOURCES.length],
  CreatedDate: sfDate(n),
  LastModifiedDate: sfDate(n + 400),
});
const lead = (n) => ({
  attributes: { type: 'Lead', url: `/services/data/v60.0/sobjects/Lead/${sfId('00Q', n)}` },
  Id: sfId('00Q', n),
  FirstName: FIRST[(n + 3) % 12],
  LastName: LAST[(n * 7) % 12],
  Email: n % 19 === 0 ? null : `lead.${n}@${COMPANIES[n % 6].toLowerCase().replace(/ /g, '')}.example.com`,
  Company: COMPANIES[n % 6],
  Status: STATUSES[n % 4],
  LeadSource: SOURCES[(n + 1) % SOURCES.length],
  IsConverted: n % 4 === 2,
  CreatedDate: sfDate(n),
  LastModifiedDate: sfDate(n + 300),
});

function pages(soql, locator, make) {
  const exchanges = [];
  for (let start = 0; start < TOTAL; start += BATCH) {
    const records = Array.from({ length: BATCH }, (_, i) => make(start + i));
    const done = start + BATCH >= TOTAL;
    const body = { totalSize: TOTAL, done, ...(done ? {} : { nextRecordsUrl: `/services/data/v60.0/query/${locator}-${start + BATCH}` }), records };
    const request = start === 0 ? { method: 'GET', url: `${API}/query`, query: { q: soql } } : { method: 'GET', url: `${API}/query/${locator}-${start}` };
    exchanges.push({ request, response: { status: 200, headers: { 'Sforce-Limit-Info': `api-usage=${1200 + start / BATCH}/100000` }, body } });
  }
  return exchanges;
}

const write = (name, exchanges) => writeFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), `${JSON.stringify({ name, exchanges }, null, exchanges.length > 4 ? 0 : 1)}\n`);
const expired = { status: 401, headers: { 'WWW-Authenticate': 'Token' }, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] };
const limited = { status: 403, body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }] };
const q = (object, email) => `SELECT Id FROM ${object} WHERE Email = '${email}' ORDER BY LastModifiedDate DESC LIMIT 1`;
const none = { totalSize: 0, done: true, records: [] };
const one = (type, id) => ({ totalSize: 1, done: true, records: [{ attributes: { type, url: `/services/data/v60.0/sobjects/${type}/${id}` }, Id: id }] });

write('contacts-query', pages(CONTACT_SOQL, '01gDn00000A1b2cIAB', contact));
write('leads-query', pages(LEAD_SOQL, '01gDn00000L3e4fIAB', lead));
write('query-errors', [
  { request: { method: 'GET', url: `${API}/query/01gDn00000EXPIRED-200` }, response: expired },
  { request: { method: 'GET', url: `${API}/query/01gDn00000LIMITED-200` }, response: limited },
]);
write('userinfo', [{ request: { method: 'GET', url: `${HOST}/services/oauth2/userinfo` }, response: { status: 200, body: { sub: `https://login.salesforce.com/id/00DDn00000Org01MAA/005Dn00000Usr01IAA`, user_id: '005Dn00000Usr01IAA', organization_id: '00DDn00000Org01MAA', preferred_username: 'admin@nudge-demo.example.com', nickname: 'admin', name: 'Demo Admin', email: 'admin@nudge-demo.example.com', email_verified: true, zoneinfo: 'Europe/London', locale: 'en_GB', user_type: 'STANDARD', active: true, urls: { rest: `${API.replace('v60.0', 'v{version}')}/`, query: `${API.replace('v60.0', 'v{version}')}/query/` }, is_app_installed: true, updated_at: '2024-11-02T10:00:00Z' } } }]);
write('userinfo-expired', [{ request: { method: 'GET', url: `${HOST}/services/oauth2/userinfo` }, response: { status: 403, body: 'Bad_OAuth_Token' } }]);
write('contact-upsert', [
  { request: { method: 'GET', url: `${API}/query`, query: { q: q('Contact', 'ada@example.com') } }, response: { status: 200, body: none } },
  { request: { method: 'POST', url: `${API}/sobjects/Contact`, bodyIncludes: 'ada@example.com' }, response: { status: 201, body: { id: '003Dn00000Ada01IAU', success: true, errors: [] } } },
  { request: { method: 'GET', url: `${API}/query`, query: { q: q('Contact', 'grace@example.com') } }, response: { status: 200, body: one('Contact', '003Dn0000000001IAU') } },
  { request: { method: 'PATCH', url: `${API}/sobjects/Contact/003Dn0000000001IAU`, bodyIncludes: 'VP Marketing' }, response: { status: 204 } },
  { request: { method: 'GET', url: `${API}/query`, query: { q: q('Contact', 'busy@example.com') } }, response: limited },
  { request: { method: 'GET', url: `${API}/query`, query: { q: q('Contact', 'o\\\'brien@example.com') } }, response: expired },
]);
write('lead-upsert', [
  { request: { method: 'GET', url: `${API}/query`, query: { q: q('Lead', 'lead.1@globex.example.com') } }, response: { status: 200, body: one('Lead', '00QDn0000000001IAU') } },
  { request: { method: 'PATCH', url: `${API}/sobjects/Lead/00QDn0000000001IAU`, bodyIncludes: 'Working - Contacted' }, response: { status: 204 } },
  { request: { method: 'GET', url: `${API}/query`, query: { q: q('Lead', 'new.lead@example.com') } }, response: { status: 200, body: none } },
  { request: { method: 'POST', url: `${API}/sobjects/Lead`, bodyIncludes: 'new.lead@example.com' }, response: { status: 400, body: [{ message: 'Required fields are missing: [Company]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['Company'] }] } },
]);
write('custom-records', [
  { request: { method: 'POST', url: `${API}/sobjects/Campaign_Performance__c`, bodyIncludes: 'Spring launch' }, response: { status: 201, body: { id: 'a01Dn00000Cp001IAF', success: true, errors: [] } } },
  { request: { method: 'PATCH', url: `${API}/sobjects/Email_Engagement__c/Message_Id__c/msg_01%3Aopen` }, response: { status: 200, body: { id: 'a02Dn00000Ee001IAF', success: true, errors: [], created: false } } },
  { request: { method: 'POST', url: `${API}/sobjects/Campaign_Performance__c`, bodyIncludes: 'Nope__c' }, response: { status: 400, body: [{ message: "No such column 'Nope__c' on sobject of type Campaign_Performance__c", errorCode: 'INVALID_FIELD' }] } },
  { request: { method: 'POST', url: `${API}/sobjects/Email_Engagement__c` }, response: { status: 404, body: [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }] } },
]);
