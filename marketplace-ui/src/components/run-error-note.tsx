/** Why a run failed, in words: the sentence for its code, then the integration's own message. */
import { describeRunError } from './run-error';

export function RunErrorNote({ code, message }: { code?: string | null; message?: string | null }) {
  if (!code && !message) return null;
  const { title, detail } = describeRunError(code, message);
  return (
    <div className="small">
      <strong>{title}</strong>
      {detail ? <span className="muted"> {detail}</span> : null}
    </div>
  );
}
