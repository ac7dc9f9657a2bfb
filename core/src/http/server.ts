/**
 * Listens with @hono/node-server and stops gracefully: on close, new
 * connections are refused, in-flight requests finish (up to a grace period),
 * then idle keep-alive sockets are dropped.
 */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  server: Server;
  port: number;
  /** Resolves once every in-flight request has finished or the grace period ended. */
  close(graceMs?: number): Promise<void>;
}

export function listen(fetch: (req: Request) => Response | Promise<Response>, port: number, hostname: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () => {
      server.off('error', reject);
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        close: (graceMs = 10_000) =>
          new Promise<void>((done) => {
            const forced = setTimeout(() => server.closeAllConnections(), graceMs);
            forced.unref();
            server.close(() => {
              clearTimeout(forced);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    }) as Server;
    server.once('error', reject);
  });
}
