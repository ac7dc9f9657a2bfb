/**
 * A TCP relay on loopback in front of a server (PostgreSQL in the tests): `cut`
 * drops every connection and refuses new ones until `restore`, which listens
 * again on the same port. The real server keeps running for everyone else.
 */
import net from 'node:net';

export interface TcpRelay {
  /** Starts (or restarts) listening; resolves to the relay's port. */
  restore(): Promise<number>;
  cut(): Promise<void>;
}

export function tcpRelay(target: { host: string; port: number }): TcpRelay {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  return {
    restore: () =>
      new Promise<number>((resolve) => {
        server = net.createServer((client) => {
          const upstream = net.connect(target.port, target.host);
          for (const s of [client, upstream]) {
            sockets.add(s);
            s.on('close', () => sockets.delete(s));
            s.on('error', () => {});
          }
          client.pipe(upstream).pipe(client);
        });
        server.listen(port, '127.0.0.1', () => {
          port = (server!.address() as net.AddressInfo).port;
          resolve(port);
        });
      }),
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server!.close(() => resolve());
      }),
  };
}
