/**
 * After the builder saves an automation (off): send a real test — the trigger's
 * sample goes through the filters and mapping to the action, which really runs
 * (`testAutomation`) — follow the run until it finishes, show each step and
 * what the action answered or why it failed, then turn the automation on.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { RunErrorNote } from '../components/run-error-note';
import { ErrorNotice, Notice } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { RunSteps } from '../installations/run-steps';

const TestAutomationDocument = graphql(`
  mutation TestAutomation($id: ID!) {
    testAutomation(id: $id) {
      jobId
      runId
    }
  }
`);
const TestRunDocument = graphql(`
  query AutomationTestRun($id: ID!) {
    run(id: $id) {
      id
      status
      errorCode
      errorMessage
      output
      steps
    }
  }
`);
const TurnOnDocument = graphql(`
  mutation TurnOnAutomation($id: ID!) {
    setAutomationEnabled(id: $id, enabled: true) {
      id
      name
      enabled
    }
  }
`);

export interface SavedAutomation {
  id: string;
  name: string;
  actionTitle: string;
}

interface Props {
  automation: SavedAutomation;
  onTurnedOn(name: string): void;
  onLeftOff(): void;
}

export function AutomationTestSend({ automation, onTurnedOn, onLeftOff }: Props) {
  const send = useMutation({
    mutationFn: () => request(TestAutomationDocument, { id: automation.id }),
  });
  const runId = send.data?.testAutomation.runId;
  const run = useQuery({
    queryKey: ['automation-test-run', runId],
    queryFn: () => request(TestRunDocument, { id: runId! }),
    enabled: Boolean(runId),
    // The run appears once the job starts; poll until it has finished.
    refetchInterval: (q) => (q.state.data?.run && q.state.data.run.status !== 'RUNNING' ? false : 1000),
  });
  const turnOn = useMutation({
    mutationFn: () => request(TurnOnDocument, { id: automation.id }),
    onSuccess: (data) => onTurnedOn(data.setAutomationEnabled.name),
  });
  const result = run.data?.run;
  const finished = Boolean(result && result.status !== 'RUNNING');
  const filtered = Boolean((result?.output as { filtered?: boolean } | null)?.filtered);
  const waiting = send.isPending || (Boolean(runId) && !finished && !run.error);

  return (
    <section className="panel" aria-labelledby="send-test-title">
      <h3 id="send-test-title">6. Send a test</h3>
      <p>
        <strong>{automation.name}</strong> is saved and off.
      </p>
      <p className="small muted">
        Sends the trigger's sample through your filters and mapping to {automation.actionTitle}, for real: it may create a record there. Nothing else runs until you turn the automation on.
      </p>
      <button type="button" onClick={() => send.mutate()} disabled={waiting}>
        {runId ? 'Send another test' : 'Send a test'}
      </button>
      <ErrorNotice error={send.error ?? run.error} title="The test was not sent." />
      {waiting ? <p role="status">Sending the test and waiting for {automation.actionTitle} to answer…</p> : null}
      {finished && result ? (
        <div className="stack">
          {result.status === 'SUCCEEDED' && filtered ? <Notice kind="info">Your filters stopped the sample, so nothing was sent to {automation.actionTitle}.</Notice> : null}
          {result.status === 'SUCCEEDED' && !filtered ? (
            <Notice kind="success">
              <strong>The test went through.</strong> {automation.actionTitle} answered:
              <pre aria-label="Test answer">{JSON.stringify(result.output, null, 2)}</pre>
            </Notice>
          ) : null}
          {result.status !== 'SUCCEEDED' ? (
            <Notice kind="warning">
              <strong>The test did not go through.</strong>
              <RunErrorNote code={result.errorCode} message={result.errorMessage} />
            </Notice>
          ) : null}
          <RunSteps steps={result.steps} />
        </div>
      ) : null}
      <h3>7. Turn it on</h3>
      <p className="small muted">From then on it runs each time the trigger finds something new.</p>
      <ErrorNotice error={turnOn.error} title="The automation was not turned on." />
      <div className="actions wrap">
        <button type="button" className="primary" onClick={() => turnOn.mutate()} disabled={turnOn.isPending || waiting}>
          Turn on
        </button>
        <button type="button" onClick={onLeftOff}>
          Leave it off
        </button>
      </div>
    </section>
  );
}
