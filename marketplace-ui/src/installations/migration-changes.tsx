/**
 * A migration plan in words: what the new major changes (the compatibility
 * report's breaks, each with its sentence) and what happens to each setting
 * (kept, removed, or added with its default).
 */
interface Break {
  kind?: string;
  path?: string;
  message?: string;
}
interface SettingChange {
  field: string;
  change: 'kept' | 'removed' | 'added_default' | string;
  before?: unknown;
  after?: unknown;
}

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

export function CompatibilityChanges({ report }: { report: unknown }) {
  const breaks = ((report as { breaking?: Break[] } | null)?.breaking ?? []).filter((b) => b && typeof b === 'object');
  if (breaks.length === 0) return <p className="muted">Nothing in this version works differently for your automations and settings.</p>;
  return (
    <ul aria-label="What changes">
      {breaks.map((b, i) => (
        <li key={`${b.path ?? ''}-${i}`}>{b.message ?? `${b.kind ?? 'change'} at ${b.path ?? 'the definition'}`}</li>
      ))}
    </ul>
  );
}

const CHANGE_LABELS: Record<string, string> = { kept: 'Kept', removed: 'Removed (no longer used)', added_default: 'New, set to its default' };

export function SettingsChanges({ changes }: { changes: unknown }) {
  const rows = (Array.isArray(changes) ? (changes as SettingChange[]) : []).filter((c) => c && typeof c.field === 'string');
  if (rows.length === 0) return <p className="muted">No settings change.</p>;
  return (
    <div className="table-wrap">
      <table aria-label="Settings after the upgrade">
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">What happens</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.field}>
              <td>{c.field}</td>
              <td>{CHANGE_LABELS[c.change] ?? c.change}</td>
              <td>{show(c.before)}</td>
              <td>{show(c.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
