/** The latest runs of one automation, with each run's logs on demand and a replay for failed runs. */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { RunErrorNote } from '../components/run-error-note';
import { ErrorNotice, formatDate, Notice } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { RunStatus } from '../graphql/generated/graphql';
import { RunLogs, STATUS_LABELS } from '../installations/run-history';

const ReplayRunDocument = graphql(`
  mutation ReplayRun($runId: ID!) {
    replayRun(runId: $runId) { jobId replayOf }
  }
`);

export interface AutomationRun {
  id: string;
  status: RunStatus;
  attempt: number;
  errorCode?: string | null;
  errorMessage?: string | null;
  startedAt: string;
  replayOf?: string | null;
}

export function AutomationRuns({ automationName, runs, onReplayed }: { automationName: string; runs: AutomationRun[]; onReplayed(): void }) {
  const [open, setOpen] = useState<string | null>(null);
  const replay = useMutation({ mutationFn: (runId: string) => request(ReplayRunDocument, { runId }), onSuccess: onReplayed });
  if (runs.length === 0) return <p className="small muted">No runs yet. It runs when the trigger next finds something new.</p>;
  return (
    <div className="table-wrap">
      {replay.isSuccess ? <Notice kind="success">The replay is queued; it appears here as a new run.</Notice> : null}
      <ErrorNotice error={replay.error} title="The run was not replayed." />
      <table aria-label={`Runs of ${automationName}`}>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Result</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <td>
                {formatDate(r.startedAt, true)}
                {r.replayOf ? <div className="small muted">replay (attempt {r.attempt})</div> : null}
              </td>
              <td>
                <span className={`badge badge-run-${r.status.toLowerCase()}`}>{STATUS_LABELS[r.status]}</span>
                <RunErrorNote code={r.errorCode} message={r.errorMessage} />
              </td>
              <td>
                <div className="actions wrap">
                  <button type="button" className="link" aria-expanded={open === r.id} onClick={() => setOpen(open === r.id ? null : r.id)}>
                    {open === r.id ? 'Hide logs' : 'Show logs'}
                  </button>
                  {r.status === 'FAILED' ? (
                    <button type="button" onClick={() => replay.mutate(r.id)} disabled={replay.isPending}>
                      Replay run
                    </button>
                  ) : null}
                </div>
                {open === r.id ? <RunLogs runId={r.id} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
