/**
 * Runs the seed's quality gates on a submitted version, in order, each with its
 * own status, result, logs and duration: manifest, sandbox load, the plugin's
 * tests, security review, performance, reliability; then it waits for a human
 * reviewer. The first failing gate rejects the version and skips the rest.
 */
import { and, eq } from 'drizzle-orm';
import { certificationChecks, certificationRuns, CERTIFICATION_GATES } from '../../db/schema/registry.js';
import { loadStoredBundle } from '../bundle-store.js';
import type { RegistryDeps } from '../registry-deps.js';
import { lockVersion, transitionVersion } from '../version-lifecycle.js';
import { DEFAULT_TARGETS, type CertificationSandbox, type CertificationTargets, type Gate, type GateName } from './gate-types.js';
import { loadGate, performanceGate, reliabilityGate, testsGate } from './sandbox-gates.js';
import { manifestGate, securityGate } from './static-gates.js';

export interface CertificationDeps extends RegistryDeps {
  sandbox: CertificationSandbox;
  targets?: CertificationTargets;
}

export interface CertificationSummary {
  runId: string;
  status: 'awaiting_review' | 'failed';
  gates: Array<{ gate: GateName; status: string }>;
}

export function automatedGates(sandbox: CertificationSandbox, targets: CertificationTargets): Gate[] {
  return [manifestGate, loadGate(sandbox), testsGate(sandbox), securityGate(targets), performanceGate(sandbox, targets), reliabilityGate(sandbox, targets)];
}

export async function runCertification(deps: CertificationDeps, versionId: string): Promise<CertificationSummary> {
  const targets = deps.targets ?? DEFAULT_TARGETS;
  const runId = await deps.db.transaction(async (tx) => {
    await transitionVersion(tx, { versionId, to: 'in_review', actorUserId: null, reason: 'automated certification started', now: deps.clock.now() });
    const [run] = await tx.insert(certificationRuns).values({ versionId, startedAt: deps.clock.now() }).returning({ id: certificationRuns.id });
    await tx.insert(certificationChecks).values(CERTIFICATION_GATES.map((gate) => ({ runId: run!.id, gate })));
    return run!.id;
  });
  const version = await lockVersion(deps.db, versionId);
  const bundle = await loadStoredBundle(deps.db, version.bundleDigest);
  const gates = automatedGates(deps.sandbox, targets);
  const summary: CertificationSummary['gates'] = [];
  let failedGate: GateName | undefined;

  for (const gate of gates) {
    const check = (set: Partial<typeof certificationChecks.$inferInsert>) =>
      deps.db.update(certificationChecks).set(set).where(and(eq(certificationChecks.runId, runId), eq(certificationChecks.gate, gate.name)));
    if (failedGate) break;
    const logs: string[] = [];
    const started = performance.now();
    await check({ status: 'running', startedAt: deps.clock.now() });
    let outcome;
    try {
      outcome = await gate.run({ bundle, manifest: version.manifest as Record<string, unknown>, log: (line) => logs.push(line) });
    } catch (err) {
      logs.push(`FAIL the gate could not run: ${(err as Error).message}`);
      outcome = { status: 'failed' as const, result: { error: (err as Error).message } };
    }
    await check({ status: outcome.status, result: outcome.result, logs: logs.join('\n'), durationMs: Math.round(performance.now() - started), finishedAt: deps.clock.now() });
    summary.push({ gate: gate.name, status: outcome.status });
    if (outcome.status === 'failed') failedGate = gate.name;
  }

  const now = deps.clock.now();
  if (failedGate) {
    await deps.db.transaction(async (tx) => {
      // Gates after the failed one never ran.
      const rows = await tx.select().from(certificationChecks).where(eq(certificationChecks.runId, runId));
      for (const row of rows) {
        if (row.status === 'pending') {
          await tx.update(certificationChecks).set({ status: 'skipped', logs: `skipped: gate ${failedGate} failed` }).where(eq(certificationChecks.id, row.id));
        }
      }
      await tx.update(certificationRuns).set({ status: 'failed', finishedAt: now }).where(eq(certificationRuns.id, runId));
      await transitionVersion(tx, { versionId, to: 'rejected', actorUserId: null, reason: `automated gate "${failedGate}" failed`, now });
    });
    return { runId, status: 'failed', gates: summary };
  }
  await deps.db.update(certificationRuns).set({ status: 'awaiting_review' }).where(eq(certificationRuns.id, runId));
  summary.push({ gate: 'human_review', status: 'pending' });
  return { runId, status: 'awaiting_review', gates: summary };
}
