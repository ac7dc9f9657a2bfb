/**
 * The connect step of the egress guard: one HTTP(S) exchange to an address the
 * guard has already checked. The socket is pinned to that address through a
 * fixed `lookup` and verified again after connecting; TLS still verifies the
 * certificate against the original hostname. Response size and time are capped.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

export interface ConnectTarget {
  protocol: 'http:' | 'https:';
  /** The name the plugin asked for: Host header, SNI and certificate check. */
  hostname: string;
  /** The checked IP the socket must connect to. */
  address: string;
  family: 4 | 6;
  port: number;
  path: string;
  ca?: string;
}

export interface TransportRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type EgressTransport = (target: ConnectTarget, req: TransportRequest, caps: { timeoutMs: number; maxBytes: number }) => Promise<TransportResponse>;

function fail(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

export const nodeTransport: EgressTransport = (target, req, caps) =>
  new Promise((resolve, reject) => {
    const pinned: net.LookupFunction = (_host, options, callback) => {
      if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address: target.address, family: target.family }]);
      else callback(null, target.address, target.family);
    };
    const options: https.RequestOptions = {
      protocol: target.protocol,
      hostname: net.isIP(target.hostname) ? target.address : target.hostname,
      port: target.port,
      path: target.path || '/',
      method: req.method,
      headers: { ...req.headers, ...(req.body !== undefined ? { 'content-length': String(Buffer.byteLength(req.body)) } : {}) },
      lookup: pinned,
      agent: false,
      ...(target.protocol === 'https:' && !net.isIP(target.hostname) ? { servername: target.hostname } : {}),
      ...(target.ca ? { ca: target.ca } : {}),
    };
    const request = (target.protocol === 'https:' ? https : http).request(options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > caps.maxBytes) {
          request.destroy(fail('RESPONSE_TOO_LARGE', `The response is larger than ${caps.maxBytes} bytes.`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    request.on('socket', (socket) => {
      socket.once('connect', () => {
        // Belt and braces: the socket must be connected to the checked address.
        if (socket.remoteAddress !== target.address && socket.remoteAddress !== `::ffff:${target.address}`) {
          request.destroy(fail('ADDRESS_MISMATCH', 'The connection did not reach the checked address.'));
        }
      });
    });
    const timer = setTimeout(() => request.destroy(fail('UPSTREAM_TIMEOUT', `The upstream did not answer within ${caps.timeoutMs} ms.`)), caps.timeoutMs);
    request.on('close', () => clearTimeout(timer));
    request.on('error', (err: Error & { code?: string }) => {
      clearTimeout(timer);
      reject(err.code === 'RESPONSE_TOO_LARGE' || err.code === 'UPSTREAM_TIMEOUT' || err.code === 'ADDRESS_MISMATCH' ? err : fail('NETWORK_ERROR', `The request failed (${err.code ?? err.message}).`));
    });
    request.end(req.body);
  });
