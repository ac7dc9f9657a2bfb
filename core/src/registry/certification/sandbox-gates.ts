/**
 * Gates that run the bundle in the production sandbox: it loads (2), its own
 * tests pass against its fixtures (3), performance meets the seed's targets (5:
 * each sync brings 1,000 fixture records in under 30 s, each action's p95 is
 * under 200 ms) and syncs are reliable (6: at least 95 % of runs succeed).
 */
import type { CertificationSandbox, CertificationTargets, Gate } from './gate-types.js';

const names = (group: unknown) => Object.keys((group ?? {}) as Record<string, unknown>);

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function loadGate(sandbox: CertificationSandbox): Gate {
  return {
    name: 'sandbox_load',
    async run(ctx) {
      const loaded = await sandbox.load(ctx.bundle);
      if (!loaded.ok) {
        ctx.log(`FAIL the bundle does not load: ${loaded.message}`);
        return { status: 'failed', result: { message: loaded.message } };
      }
      const missing: string[] = [];
      for (const group of ['actions', 'triggers', 'syncs'] as const) {
        for (const name of names(ctx.manifest[group])) if (!loaded.defines[group].includes(name)) missing.push(`${group}.${name}`);
      }
      for (const m of missing) ctx.log(`FAIL the manifest declares ${m} but the code does not define it`);
      ctx.log(`loaded: ${JSON.stringify(loaded.defines)}`);
      return { status: missing.length ? 'failed' : 'passed', result: { defines: loaded.defines, missing } };
    },
  };
}

export function testsGate(sandbox: CertificationSandbox): Gate {
  return {
    name: 'plugin_tests',
    async run(ctx) {
      if (ctx.bundle.tests.length === 0) {
        ctx.log('FAIL the bundle has no tests: certification needs at least one test case per plugin');
        return { status: 'failed', result: { cases: [] } };
      }
      const cases = await sandbox.runTests(ctx.bundle);
      for (const c of cases) ctx.log(`${c.ok ? 'pass' : 'FAIL'} ${c.name} (${c.durationMs} ms)${c.message ? `: ${c.message}` : ''}`);
      const failed = cases.filter((c) => !c.ok).length;
      return { status: failed ? 'failed' : 'passed', result: { cases, passed: cases.length - failed, failed } };
    },
  };
}

export function performanceGate(sandbox: CertificationSandbox, targets: CertificationTargets): Gate {
  return {
    name: 'performance',
    async run(ctx) {
      const problems: string[] = [];
      const syncs = [];
      for (const name of names(ctx.manifest.syncs)) {
        const timing = await sandbox.timeSync(ctx.bundle, name);
        syncs.push({ name, ...timing });
        ctx.log(`sync ${name}: ${timing.records} records in ${timing.ms.toFixed(0)} ms`);
        if (!timing.ok) problems.push(`sync ${name} failed: ${timing.message ?? 'error'}`);
        else if (timing.records < targets.syncRecords) problems.push(`sync ${name} brought ${timing.records} records from its fixtures; the gate needs ${targets.syncRecords}`);
        else if (timing.ms > targets.syncMaxMs) problems.push(`sync ${name} took ${timing.ms.toFixed(0)} ms for ${timing.records} records; the limit is ${targets.syncMaxMs} ms`);
      }
      const actions = [];
      for (const name of names(ctx.manifest.actions)) {
        const timing = await sandbox.timeAction(ctx.bundle, name, targets.actionRuns);
        const p95 = percentile(timing.durationsMs, 95);
        actions.push({ name, ok: timing.ok, p95Ms: p95, runs: timing.durationsMs.length });
        ctx.log(`action ${name}: p95 ${p95.toFixed(2)} ms over ${timing.durationsMs.length} runs`);
        if (!timing.ok) problems.push(`action ${name} failed with its sample input: ${timing.message ?? 'error'}`);
        else if (p95 > targets.actionP95MaxMs) problems.push(`action ${name} p95 ${p95.toFixed(1)} ms exceeds ${targets.actionP95MaxMs} ms`);
      }
      for (const p of problems) ctx.log(`FAIL ${p}`);
      return { status: problems.length ? 'failed' : 'passed', result: { syncs, actions, problems } };
    },
  };
}

export function reliabilityGate(sandbox: CertificationSandbox, targets: CertificationTargets): Gate {
  return {
    name: 'reliability',
    async run(ctx) {
      const syncNames = names(ctx.manifest.syncs);
      if (syncNames.length === 0) {
        ctx.log('no syncs: nothing to measure');
        return { status: 'skipped', result: {} };
      }
      const results = [];
      for (const name of syncNames) {
        let succeeded = 0;
        // One session: the plugin's store carries over between runs, as in production.
        const session = `reliability:${ctx.bundle.digest}:${name}:${Date.now()}`;
        for (let i = 0; i < targets.reliabilityRuns; i++) if ((await sandbox.timeSync(ctx.bundle, name, session)).ok) succeeded += 1;
        const rate = succeeded / targets.reliabilityRuns;
        results.push({ name, runs: targets.reliabilityRuns, succeeded, rate });
        ctx.log(`sync ${name}: ${succeeded}/${targets.reliabilityRuns} runs succeeded (${(rate * 100).toFixed(1)} %)`);
      }
      const failing = results.filter((r) => r.rate < targets.reliabilityMin);
      for (const f of failing) ctx.log(`FAIL sync ${f.name} reliability ${(f.rate * 100).toFixed(1)} % is under ${targets.reliabilityMin * 100} %`);
      return { status: failing.length ? 'failed' : 'passed', result: { syncs: results } };
    },
  };
}
