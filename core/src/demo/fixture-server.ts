/**
 * The demo's stand-in for third-party APIs: one HTTP server on loopback that
 * answers with the first-party plugins' own recorded fixtures (successful
 * exchanges only). The sandbox reaches it through its host-override map, so
 * plugins call their real hosts (acme-demo.myshopify.com, api.hubapi.com …)
 * and nothing ever leaves the machine.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { readFixtures } from '@nudgecampaign/plugin-sdk/cli/load-plugin';
import { createFixtureBridge } from '@nudgecampaign/plugin-sdk/testing/fixture-bridge';
import type { Fixture } from '@nudgecampaign/plugin-sdk/testing/test-files';

export interface FixtureServer {
  port: number;
  /** Every host the fixtures answer for; each gets a host override to this server. */
  hosts: string[];
  close(): Promise<void>;
}

export async function loadDemoFixtures(pluginDirs: string[]): Promise<Fixture[]> {
  const all: Fixture[] = [];
  for (const dir of pluginDirs) {
    for (const fixture of await readFixtures(dir)) {
      const ok = fixture.exchanges.filter((e) => e.response.status >= 200 && e.response.status < 300);
      if (ok.length) all.push({ name: `${path.basename(dir)}/${fixture.name}`, exchanges: ok });
    }
  }
  return all;
}

export async function startFixtureServer(fixtures: Fixture[]): Promise<FixtureServer> {
  const hosts = [...new Set(fixtures.flatMap((f) => f.exchanges.map((e) => new URL(e.request.url).hostname)))].sort();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // A fresh bridge per request: every request sees the first recorded answer, as a steady API would.
      const bridge = createFixtureBridge({ fixtures, hosts });
      const host = String(req.headers.host ?? '').replace(/:\d+$/, '');
      bridge
        .fetch({ url: `https://${host}${req.url ?? '/'}`, method: req.method ?? 'GET', headers: {}, ...(chunks.length ? { body: Buffer.concat(chunks).toString('utf8') } : {}) })
        .then((answer) => {
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body);
        })
        .catch((err: Error) => {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'no_fixture', message: err.message }));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { port: (server.address() as AddressInfo).port, hosts, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
