/** A certification run: each gate with its status, duration, result and logs. Shared by the developer portal and the reviewer console. */
import { formatDate } from '../components/status';
import type { CertificationRunStatus, GateStatus } from '../graphql/generated/graphql';

export interface Gate {
  gate: string;
  status: GateStatus;
  result?: unknown;
  logs: string;
  durationMs?: number | null;
}

export interface Report {
  status: CertificationRunStatus;
  startedAt: string;
  finishedAt?: string | null;
  decisionNotes?: string | null;
  gates: Gate[];
}

const GATE_NAMES: Record<string, string> = {
  manifest: 'Manifest checks',
  sandbox_load: 'Loads in the sandbox',
  plugin_tests: 'Plugin tests',
  security_review: 'Security review',
  performance: 'Performance',
  reliability: 'Reliability',
  human_review: 'Human review',
};
const RUN_LABELS: Record<CertificationRunStatus, string> = {
  RUNNING: 'Running',
  AWAITING_REVIEW: 'Automated checks passed; waiting for a reviewer',
  CERTIFIED: 'Certified',
  REJECTED: 'Rejected',
  FAILED: 'Automated checks failed',
};
const GATE_LABELS: Record<GateStatus, string> = { PENDING: 'Pending', RUNNING: 'Running', PASSED: 'Passed', FAILED: 'Failed', SKIPPED: 'Skipped' };

export function CertificationReportView({ report }: { report: Report | null | undefined }) {
  if (!report) return <p className="muted">Not submitted for certification yet.</p>;
  return (
    <div>
      <p>
        <strong>{RUN_LABELS[report.status]}</strong> · started {formatDate(report.startedAt, true)}
        {report.finishedAt ? ` · finished ${formatDate(report.finishedAt, true)}` : ''}
      </p>
      {report.decisionNotes ? <p>Reviewer notes: {report.decisionNotes}</p> : null}
      <ul className="gates" aria-label="Certification gates">
        {report.gates.map((g) => (
          <li key={g.gate}>
            <details>
              <summary>
                <span className={`badge badge-gate-${g.status.toLowerCase()}`}>{GATE_LABELS[g.status]}</span> {GATE_NAMES[g.gate] ?? g.gate}
                {g.durationMs != null ? <span className="muted small"> ({(g.durationMs / 1000).toFixed(1)} s)</span> : null}
              </summary>
              {g.result != null ? <pre aria-label={`${GATE_NAMES[g.gate] ?? g.gate} result`}>{JSON.stringify(g.result, null, 2)}</pre> : null}
              <pre aria-label={`${GATE_NAMES[g.gate] ?? g.gate} logs`}>{g.logs || '(no logs)'}</pre>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
