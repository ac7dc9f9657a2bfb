import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { listen } from './server.js';

describe('listen/close', () => {
  it('lets an in-flight request finish and refuses new connections after close', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const app = new Hono().get('/slow', async (c) => {
      await gate;
      return c.text('finished');
    });
    const running = await listen(app.fetch, 0, '127.0.0.1');
    const base = `http://127.0.0.1:${running.port}`;
    const inFlight = fetch(`${base}/slow`).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 100));

    let closed = false;
    const closing = running.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(closed).toBe(false);
    await expect(fetch(`${base}/slow`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();

    release();
    expect(await inFlight).toBe('finished');
    await closing;
    expect(closed).toBe(true);
  });

  it('rejects with EADDRINUSE on an occupied port', async () => {
    const first = await listen(new Hono().fetch, 0, '127.0.0.1');
    await expect(listen(new Hono().fetch, first.port, '127.0.0.1')).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await first.close();
  });
});
