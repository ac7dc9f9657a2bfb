/**
 * `npm run bench:sandbox [-- --json]`: cold start (first invocation of a new
 * digest), warm action latency, throughput with all cores busy, and the same
 * function called directly and through node:vm (the unsafe baseline) as ratios.
 * Loops are bounded; nothing here asserts a timing.
 */
import os from 'node:os';
import vm from 'node:vm';
import { IsolateEngine } from '@nudgecampaign/plugin-sdk/runtime/isolate-engine';
import { actionRequest, actionsBundle, digestOf, recordingBridge } from '@nudgecampaign/plugin-sdk/runtime/test-bundles';
import { SandboxSupervisor, type SandboxInvocation } from '@nudgecampaign/core/sandbox/sandbox-supervisor';

const json = process.argv.includes('--json');
// The supervisor runs in this process; its CPU (and the bench loop's) is reported per invocation.
const ECHO = 'async (ctx, input) => ({ echoed: input.msg, n: input.n + 1 })';
const COLD_RUNS = 40;
const WARM_RUNS = 3_000;
const THROUGHPUT_RUNS = 20_000;
const CONCURRENCY = 32;

function pct(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const round = (n: number, d = 4) => Number(n.toFixed(d));

function call(code: string, n: number): SandboxInvocation {
  return {
    version: { digest: digestOf(code), code, manifest: { id: 'bench', permissions: { hosts: [] } } },
    installation: { id: 'inst-bench', workspaceId: 'ws-bench', settings: {} },
    kind: 'action',
    name: 'echo',
    input: { msg: 'hi', n },
  };
}

/** Share of all cores busy (anyone's work, not only ours) between two os.cpus() readings. */
function cpuTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    const t = cpu.times;
    busy += t.user + t.nice + t.sys + t.irq;
    total += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busy, total };
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function main(): Promise<void> {
  const workers = os.availableParallelism();
  const supervisor = await SandboxSupervisor.start({ workers });
  try {
    // Cold: every run publishes a new version (new digest), so no worker has it warm.
    const cold: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const code = actionsBundle({ echo: ECHO }, `// version ${i} ${Date.now()}`);
      const ms = await timeIt(async () => {
        const res = await supervisor.invoke(call(code, i));
        if (!res.ok) throw new Error(`cold invocation failed: ${JSON.stringify(res.error)}`);
      });
      cold.push(ms);
    }

    const code = actionsBundle({ echo: ECHO });
    for (let i = 0; i < 300; i++) await supervisor.invoke(call(code, i));
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      warm.push(await timeIt(async () => {
        const res = await supervisor.invoke(call(code, i));
        if (!res.ok) throw new Error('warm invocation failed');
      }));
    }

    // Throughput: CONCURRENCY invocations kept in flight until THROUGHPUT_RUNS are done.
    let issued = 0;
    let failed = 0;
    const cpuBefore = cpuTimes();
    const ownBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (issued < THROUGHPUT_RUNS) {
          issued++;
          const res = await supervisor.invoke(call(code, issued));
          if (!res.ok) failed++;
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuAfter = cpuTimes();
    const own = process.cpuUsage(ownBefore);
    const machineBusy = (cpuAfter.busy - cpuBefore.busy) / Math.max(1, cpuAfter.total - cpuBefore.total);

    // The engine alone, in this process (no IPC, no supervisor): what the worker spends on one invocation.
    const engine = new IsolateEngine();
    const bridge = recordingBridge();
    const engineSamples: number[] = [];
    let engineSliceShare = 0;
    try {
      for (let i = 0; i < 300; i++) await engine.invoke(actionRequest(code, 'echo', { msg: 'hi', n: i }), bridge);
      for (let i = 0; i < WARM_RUNS; i++) {
        // A gap like the one IPC leaves between back-to-back invocations in the supervised path.
        await new Promise((resolve) => setImmediate(resolve));
        engineSamples.push(await timeIt(async () => {
          const res = await engine.invoke(actionRequest(code, 'echo', { msg: 'hi', n: i }), bridge);
          if (!res.ok) throw new Error('engine invocation failed');
        }));
      }
      // Share of the engine's invocations begun in a synchronous slice (run-slice.ts); 1 unless slices were turned away.
      engineSliceShare = engine.slicesRun / (300 + WARM_RUNS);
    } finally {
      engine.dispose();
    }

    // Baselines: the same function, directly and through node:vm (not a security boundary).
    const direct = async (_ctx: unknown, input: { msg: string; n: number }) => ({ echoed: input.msg, n: input.n + 1 });
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const vmRun = vm.runInContext('__nudgePlugin.default.actions.echo.run', context) as typeof direct;
    const directSamples: number[] = [];
    const vmSamples: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      directSamples.push(await timeIt(() => direct({}, { msg: 'hi', n: i })));
      vmSamples.push(await timeIt(() => vmRun({}, { msg: 'hi', n: i })));
    }

    const result = {
      workers,
      cores: os.availableParallelism(),
      cold_p50_ms: round(pct(cold, 50), 3),
      cold_p95_ms: round(pct(cold, 95), 3),
      warm_p50_ms: round(pct(warm, 50)),
      warm_p99_ms: round(pct(warm, 99)),
      warm_per_s: Math.round(THROUGHPUT_RUNS / seconds),
      throughput_failures: failed,
      throughput_concurrency: CONCURRENCY,
      // All cores' busy share during the throughput run, whoever used them: other load on the machine shows here.
      throughput_machine_cpu_busy: round(machineBusy, 2),
      throughput_supervisor_process_cpu_us_per_inv: round((own.user + own.system) / THROUGHPUT_RUNS, 1),
      engine_in_process_warm_p50_ms: round(pct(engineSamples, 50)),
      engine_in_process_warm_p99_ms: round(pct(engineSamples, 99)),
      engine_in_process_slice_share: round(engineSliceShare, 3),
      direct_p50_ms: round(pct(directSamples, 50), 5),
      node_vm_p50_ms: round(pct(vmSamples, 50), 5),
      warm_vs_direct_ratio: round(pct(warm, 50) / pct(directSamples, 50), 1),
      warm_vs_node_vm_ratio: round(pct(warm, 50) / pct(vmSamples, 50), 1),
    };
    if (json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      for (const [k, v] of Object.entries(result)) process.stdout.write(`${k.padEnd(24)} ${v}\n`);
      process.stdout.write('targets (2 cores): warm_p50_ms <= 0.3, cold_p50_ms <= 15, warm_per_s >= 3000\n');
    }
  } finally {
    await supervisor.stop();
  }
}

await main();
