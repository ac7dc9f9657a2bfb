/**
 * The test plugin's upstream API (the third-party SaaS), on loopback: GET
 * /v1/me answers the connected account, GET /v1/contacts the contacts, POST
 * /v1/contacts creates one. A test steers it: `failCreates` makes the next
 * creates answer 503, `rejectTokens` answers 401 to every call (the provider
 * no longer accepts the token).
 */
import http from 'node:http';
import type net from 'node:net';

export interface TestApi {
  port: number;
  /** Requests received, as "METHOD /path?query". */
  requests: string[];
  /** Contacts created through POST /v1/contacts. */
  created: Record<string, unknown>[];
  control: { failCreates: number; rejectTokens: boolean };
  close(): Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

export async function startTestApi(): Promise<TestApi> {
  const requests: string[] = [];
  const created: Record<string, unknown>[] = [];
  const control = { failCreates: 0, rejectTokens: false };
  const server = http.createServer(async (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const body = await readBody(req);
    const send = (status: number, json: unknown) => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(json));
    };
    const authorized = (req.headers.authorization ?? '').startsWith('Bearer ') && !control.rejectTokens;
    if (!authorized) return send(401, { error: 'unauthorized' });
    if (req.url?.startsWith('/v1/me')) return send(200, { email: 'owner@browser-crm.test' });
    if (req.url?.startsWith('/v1/contacts') && req.method === 'POST') {
      if (control.failCreates > 0) {
        control.failCreates -= 1;
        return send(503, { error: 'temporarily unavailable' });
      }
      const input = JSON.parse(body || '{}') as Record<string, unknown>;
      const contact = { id: `c_${2000 + created.length}`, email: input.email, first_name: input.first_name, created_at: new Date().toISOString() };
      created.push(contact);
      return send(201, contact);
    }
    if (req.url?.startsWith('/v1/contacts')) return send(200, { contacts: [], next_cursor: null });
    return send(200, { data: [], next: null });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as net.AddressInfo).port,
    requests,
    created,
    control,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
