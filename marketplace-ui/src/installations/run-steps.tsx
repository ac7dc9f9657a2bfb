/** An automation run's steps (trigger, filter, map, action): what each received and gave, or why it stopped. */
import { describeRunError } from '../components/run-error';

interface Step {
  name: string;
  input?: unknown;
  output?: unknown;
  error?: { code: string; message: string };
}

const STEP_LABELS: Record<string, string> = { trigger: 'Trigger event', filter: 'Filters', map: 'Mapping', action: 'Action' };

export function RunSteps({ steps }: { steps: unknown }) {
  if (!Array.isArray(steps) || steps.length === 0) return null;
  return (
    <ol className="run-steps" aria-label="Run steps">
      {(steps as Step[]).map((step, i) => (
        <li key={`${step.name}-${i}`}>
          <details>
            <summary>
              {STEP_LABELS[step.name] ?? step.name}: {step.error ? <strong>{describeRunError(step.error.code, step.error.message).title}</strong> : 'done'}
            </summary>
            {step.input !== undefined ? <pre aria-label={`${STEP_LABELS[step.name] ?? step.name} input`}>{JSON.stringify(step.input, null, 2)}</pre> : null}
            {step.output !== undefined ? <pre aria-label={`${STEP_LABELS[step.name] ?? step.name} output`}>{JSON.stringify(step.output, null, 2)}</pre> : null}
            {step.error ? <p className="small muted">{describeRunError(step.error.code, step.error.message).detail}</p> : null}
          </details>
        </li>
      ))}
    </ol>
  );
}
