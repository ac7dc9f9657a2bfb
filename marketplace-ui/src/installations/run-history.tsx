/** Run history of an installation, newest first, with each run's logs on demand. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { RunErrorNote } from '../components/run-error-note';
import { ErrorNotice, formatDate, Loading } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { RunSteps } from './run-steps';

const RunsDocument = graphql(`
  query InstallationRuns($id: ID!) {
    installation(id: $id) {
      id
      runs(first: 50) { edges { node { id kind name status attempt errorCode errorMessage startedAt finishedAt } } }
    }
  }
`);
const RunLogsDocument = graphql(`
  query RunLogs($id: ID!) {
    run(id: $id) { id input output steps logs(first: 100) { edges { node { at level message data } } } }
  }
`);

export const STATUS_LABELS = { RUNNING: 'Running', SUCCEEDED: 'Succeeded', FAILED: 'Failed', CANCELLED: 'Cancelled' } as const;

export function RunLogs({ runId }: { runId: string }) {
  const logs = useQuery({ queryKey: ['run', runId], queryFn: () => request(RunLogsDocument, { id: runId }) });
  if (logs.isPending) return <Loading what="logs" />;
  if (logs.error) return <ErrorNotice error={logs.error} />;
  const run = logs.data.run;
  const lines = run?.logs.edges.map((e) => e.node) ?? [];
  return (
    <div>
      <RunSteps steps={run?.steps} />
      {lines.length === 0 ? <p className="muted">This run wrote no logs.</p> : null}
      {lines.length ? (
        <pre aria-label="Run logs">{lines.map((l) => `${new Date(l.at).toISOString()} ${l.level.toUpperCase().padEnd(5)} ${l.message}${l.data ? ` ${JSON.stringify(l.data)}` : ''}`).join('\n')}</pre>
      ) : null}
      {run?.output != null ? (
        <details>
          <summary>Output</summary>
          <pre>{JSON.stringify(run.output, null, 2)}</pre>
        </details>
      ) : null}
    </div>
  );
}

export function RunHistory({ installationId }: { installationId: string }) {
  const runs = useQuery({ queryKey: ['runs', installationId], queryFn: () => request(RunsDocument, { id: installationId }) });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-labelledby="runs-title" className="panel">
      <h2 id="runs-title">Run history</h2>
      {runs.isPending ? <Loading what="runs" /> : null}
      <ErrorNotice error={runs.error} />
      {runs.data && runs.data.installation?.runs.edges.length === 0 ? <p className="muted">No runs yet.</p> : null}
      {runs.data?.installation?.runs.edges.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">What</th>
                <th scope="col">Result</th>
                <th scope="col">Logs</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.installation.runs.edges.map(({ node: r }) => (
                <tr key={r.id}>
                  <td>{formatDate(r.startedAt, true)}</td>
                  <td>
                    {r.kind}: {r.name} {r.attempt > 1 ? <span className="small muted">(attempt {r.attempt})</span> : null}
                  </td>
                  <td>
                    {STATUS_LABELS[r.status]}
                    <RunErrorNote code={r.errorCode} message={r.errorMessage} />
                  </td>
                  <td>
                    <button type="button" className="link" aria-expanded={open === r.id} onClick={() => setOpen(open === r.id ? null : r.id)}>
                      {open === r.id ? 'Hide logs' : 'Show logs'}
                    </button>
                    {open === r.id ? <RunLogs runId={r.id} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
