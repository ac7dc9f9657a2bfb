import { expect, it } from 'vitest';
import { MessageBatcher } from './worker-protocol.js';

type M = { t: string; n?: number };

it('writes a lone message as itself, and messages of one turn as one batch in order', async () => {
  const written: unknown[] = [];
  const outbox = new MessageBatcher<M>((m) => written.push(m));
  outbox.send({ t: 'x', n: 1 });
  expect(written).toEqual([]);
  await Promise.resolve();
  expect(written).toEqual([{ t: 'x', n: 1 }]);
  outbox.send({ t: 'x', n: 2 });
  outbox.send({ t: 'y', n: 3 });
  outbox.send({ t: 'x', n: 4 });
  await new Promise((resolve) => setImmediate(resolve));
  expect(written).toEqual([{ t: 'x', n: 1 }, { t: 'batch', m: [{ t: 'x', n: 2 }, { t: 'y', n: 3 }, { t: 'x', n: 4 }] }]);
});
