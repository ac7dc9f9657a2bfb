import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { REDACTED, redact } from './redact.js';

describe('redact', () => {
  it('replaces secret-named keys at any depth and masks inline credentials', () => {
    const input = {
      user: 'ann',
      password: 'hunter2',
      nested: { accessToken: 'at-123', list: [{ client_secret: 'cs-9' }], note: 'sent Bearer abc.def-ghi ok' },
      headers: { Authorization: 'Basic dXNlcjpwYXNz', accept: 'json' },
    };
    const out = redact(input) as typeof input;
    expect(out.user).toBe('ann');
    expect(out.password).toBe(REDACTED);
    expect(out.nested.accessToken).toBe(REDACTED);
    expect(out.nested.list[0]!.client_secret).toBe(REDACTED);
    expect(out.nested.note).toBe(`sent Bearer ${REDACTED} ok`);
    expect(out.headers.Authorization).toBe(REDACTED);
    expect(out.headers.accept).toBe('json');
    expect(input.password).toBe('hunter2');
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(redact(a)).toEqual({ name: 'a', self: '[Circular]' });
  });
});

describe('createLogger', () => {
  it('never writes a secret value', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const logger = createLogger('info', sink);
    logger.info({ token: 'tok-SECRET-1', req: { headers: { authorization: 'Bearer tok-SECRET-2' } } }, 'call with Bearer tok-SECRET-3');
    logger.error({ err: new Error('failed for password=x'), apiKey: 'tok-SECRET-4' }, 'oops');
    const text = lines.join('');
    expect(lines.length).toBe(2);
    expect(text).not.toMatch(/tok-SECRET/);
    expect(text).toContain(REDACTED);
  });
});
