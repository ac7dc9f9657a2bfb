/** One text field per action input, each a template over the trigger's fields (with a picker of them). */
import type { MemberManifest } from './automation-sources';

interface Props {
  member: MemberManifest;
  fields: string[];
  mapping: Record<string, string>;
  onChange(next: Record<string, string>): void;
}

export function MappingFields({ member, fields, mapping, onChange }: Props) {
  const inputs = Object.entries(member.input?.properties ?? {});
  const required = new Set(member.input?.required ?? []);
  if (inputs.length === 0) return <p className="muted">This action takes no input.</p>;
  return (
    <div className="stack narrow">
      {inputs.map(([name, prop]) => (
        <label key={name} className="field">
          <span>
            {prop.title ?? name}
            {required.has(name) ? ' (required)' : ''}
          </span>
          <input
            list={`fields-${name}`}
            value={mapping[name] ?? ''}
            onChange={(e) => onChange({ ...mapping, [name]: e.target.value })}
            placeholder={fields[0] ? `{{${fields[0]}}}` : 'A value or {{field}}'}
          />
          <datalist id={`fields-${name}`}>
            {fields.map((f) => (
              <option key={f} value={`{{${f}}}`} />
            ))}
          </datalist>
        </label>
      ))}
    </div>
  );
}
