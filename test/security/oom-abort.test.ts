import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

// The allocation pattern of isolated-vm issue #527 (and #107): V8 aborts the whole
// process (exit 134) instead of honouring memoryLimit. Only the worker may die.
const ISSUE_527 = `async () => {
  const arrayBuffer = new ArrayBuffer(40 * 1024 * 1024);
  let view = new Array(arrayBuffer.byteLength);
  let array = new Uint8Array(arrayBuffer);
  let i = view.length;
  while (i--) { view[i] = array[i]; }
  return view.length;
}`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ actions: { oom: ISSUE_527, holey: `async () => { const n = 100 * 1024 * 1024; const v = new Array(n); let i = n; while (i--) v[i] = 0; return 1; }` } });
});
afterAll(() => h?.stop());

it.each(['oom', 'holey'])('the %s OOM abort kills only its worker; a good plugin succeeds again within 2 s', async (name) => {
  const pidsBefore = h.supervisor.workerPids;
  const crashesBefore = h.supervisor.crashes().length;
  const abuse = h.abuse(name);
  // Well-behaved invocations keep running while the hostile one blows up.
  const during: Awaited<ReturnType<Harness['good']>>[] = [];
  let settled = false;
  void abuse.finally(() => (settled = true));
  let n = 0;
  while (!settled && n < 500) during.push(await h.good(++n));
  const result = await abuse;
  const diedAt = Date.now();
  expect(result).toMatchObject({ ok: false });
  expect(['SandboxCrashed', 'MemoryLimit']).toContain((result as { error: { type: string } }).error.type);
  // Good invocations on the other worker were never affected...
  const failed = during.filter((r) => !r.ok);
  expect(failed.every((r) => !r.ok && r.error.type === 'SandboxCrashed')).toBe(true);
  // ...and the next good invocation succeeds within 2 s of the crash.
  let next = await h.good(1);
  while (!next.ok && Date.now() - diedAt < 2_000) next = await h.good(1);
  expect(next).toMatchObject({ ok: true });
  expect(Date.now() - diedAt).toBeLessThan(2_000);
  if ((result as { error: { type: string } }).error.type === 'SandboxCrashed') {
    const crash = h.supervisor.crashes()[crashesBefore];
    expect(crash).toMatchObject({ pluginId: 'hostile' });
    // A forked child that aborts reports SIGABRT (a shell would show exit code 134).
    expect(crash!.exitCode === 134 || crash!.signal === 'SIGABRT').toBe(true);
    expect(crash!.bundleDigest).toMatch(/^sha256:/);
    expect(h.supervisor.workerPids).not.toEqual(pidsBefore);
  }
  expect(during.filter((r) => r.ok).every((r) => r.ok && (r.output as { upstream: boolean }).upstream === true)).toBe(true);
});
