// Writes fixtures/*.json: Pipedrive API v1 replies in the documented shapes ({ success, data,
// additional_data.pagination { start, limit, more_items_in_collection, next_start } }, error
// bodies { success: false, error, errorCode }). Deterministic. Run: node scripts/generate-fixtures.mjs
import { writeFileSync } from 'node:fs';

const API = 'https://nudge-demo.pipedrive.com/api/v1';
const TOTAL = 1000;
const LIMIT = 100;
const FIRST = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Radia', 'Tim', 'Frances'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Perlman', 'Berners-Lee', 'Allen'];
const ORGS = [{ value: 11, name: 'Acme Corp' }, { value: 12, name: 'Globex' }, { value: 13, name: 'Initech' }, null];
const owner = { id: 7001, name: 'Demo Owner', email: 'owner@example.com', active_flag: true, value: 7001 };
const time = (i) => new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

const person = (n) => {
  const first = FIRST[n % 12];
  const last = LAST[(n * 5) % 12];
  const org = ORGS[n % 4];
  return {
    id: 1 + n, company_id: 9001, owner_id: owner, org_id: org && { ...org, people_count: 3, owner_id: 7001, active_flag: true },
    name: `${first} ${last}`, first_name: first, last_name: last, open_deals_count: n % 3, closed_deals_count: 0, active_flag: true,
    phone: n % 3 === 0 ? [{ value: '', primary: true }] : [{ label: 'work', value: `+1 555 01${String(n % 100).padStart(2, '0')}`, primary: true }],
    email: n % 23 === 0 ? [{ value: '', primary: true }] : [{ label: 'work', value: `${first}.${last}.${n}@example.com`.toLowerCase(), primary: true }],
    primary_email: n % 23 === 0 ? null : `${first}.${last}.${n}@example.com`.toLowerCase(),
    first_char: first[0].toLowerCase(), update_time: time(n + 300), delete_time: null, add_time: time(n), visible_to: '3', picture_id: null,
    label_ids: [], org_name: org?.name ?? null, owner_name: 'Demo Owner', cc_email: 'nudge-demo@pipedrivemail.com',
  };
};
const STATUS = ['open', 'open', 'won', 'lost'];
const deal = (n) => ({
  id: 1 + n, creator_user_id: 7001, user_id: owner, person_id: n % 5 === 0 ? null : { active_flag: true, name: `${FIRST[n % 12]} ${LAST[(n * 5) % 12]}`, email: [], phone: [], owner_id: 7001, value: 1 + (n % 1000) },
  org_id: ORGS[n % 4] && { ...ORGS[n % 4], people_count: 3, owner_id: 7001, active_flag: true },
  stage_id: 1 + (n % 5), title: `${ORGS[n % 3].name} deal ${n}`, value: 500 + ((n * 97) % 20000), currency: ['USD', 'EUR', 'GBP'][n % 3], add_time: time(n), update_time: time(n + 200),
  stage_change_time: time(n + 100), active: STATUS[n % 4] === 'open', deleted: false, status: STATUS[n % 4], probability: null,
  lost_reason: STATUS[n % 4] === 'lost' ? 'Price' : null, visible_to: '3', close_time: STATUS[n % 4] === 'open' ? null : time(n + 250), pipeline_id: 1,
  won_time: STATUS[n % 4] === 'won' ? time(n + 250) : null, lost_time: STATUS[n % 4] === 'lost' ? time(n + 250) : null,
  expected_close_date: n % 2 ? '2025-06-30' : null, stage_order_nr: 1 + (n % 5), org_name: ORGS[n % 4]?.name ?? null, owner_name: 'Demo Owner',
});

function pages(path, make) {
  const out = [];
  for (let start = 0; start < TOTAL; start += LIMIT) {
    const more = start + LIMIT < TOTAL;
    out.push({
      request: { method: 'GET', url: `${API}${path}`, query: { start: String(start), limit: String(LIMIT) } },
      response: { status: 200, headers: { 'X-RateLimit-Limit': '80', 'X-RateLimit-Remaining': '79', 'X-RateLimit-Reset': '2' }, body: { success: true, data: Array.from({ length: LIMIT }, (_, i) => make(start + i)), additional_data: { pagination: { start, limit: LIMIT, more_items_in_collection: more, ...(more ? { next_start: start + LIMIT } : {}) } }, related_objects: { user: { 7001: owner } } } },
    });
  }
  return out;
}
const write = (name, exchanges) => writeFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), `${JSON.stringify({ name, exchanges }, null, exchanges.length > 4 ? 0 : 1)}\n`);
const expired = { status: 401, body: { success: false, error: 'unauthorized access', errorCode: 401, error_info: 'Please check developers documentation.' } };
const limited = { status: 429, headers: { 'X-RateLimit-Limit': '80', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '2' }, body: { success: false, error: 'Request over limit', errorCode: 429, error_info: 'Please check developers documentation.' } };

write('persons-pages', pages('/persons', person));
write('deals-pages', pages('/deals', deal));
write('list-errors', [
  { request: { method: 'GET', url: `${API}/persons`, query: { start: '7777' } }, response: limited },
  { request: { method: 'GET', url: `${API}/deals`, query: { start: '8888' } }, response: expired },
]);
write('users-me', [{ request: { method: 'GET', url: `${API}/users/me` }, response: { status: 200, body: { success: true, data: { id: 7001, name: 'Demo Owner', email: 'owner@example.com', company_id: 9001, company_name: 'Nudge Demo', company_domain: 'nudge-demo', lang: 1, locale: 'en_US', timezone_name: 'Europe/London', active_flag: true, is_admin: 1 } } } }]);
write('users-me-expired', [{ request: { method: 'GET', url: `${API}/users/me` }, response: expired }]);
write('persons-create', [
  { request: { method: 'POST', url: `${API}/persons`, bodyIncludes: 'ada@example.com' }, response: { status: 201, body: { success: true, data: { ...person(0), id: 1501, name: 'Ada Lovelace', first_name: 'Ada', last_name: 'Lovelace', email: [{ label: 'work', value: 'ada@example.com', primary: true }], phone: [{ value: '', primary: true }], org_id: null, add_time: '2025-03-01 10:00:00', update_time: '2025-03-01 10:00:00' }, related_objects: {} } } },
  { request: { method: 'POST', url: `${API}/persons`, bodyIncludes: 'busy@example.com' }, response: limited },
  { request: { method: 'POST', url: `${API}/persons`, bodyIncludes: 'expired@example.com' }, response: expired },
]);
