/**
 * The automation builder: a trigger from one installed integration, an action
 * from another (or the same), a mapping of the action's fields as templates over
 * the trigger's output, and a test run against the trigger's sample that checks
 * the result against the action's input schema. Saving and live runs need the
 * platform's automation API, which GraphQL does not offer yet.
 */
import { useQuery } from '@tanstack/react-query';
import validator from '@rjsf/validator-ajv8';
import type { RJSFSchema } from '@rjsf/utils';
import { useState } from 'react';
import { ErrorNotice, Loading, Notice } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { useSession } from '../session/session-context';
import { leafPaths, renderMapping } from './mapping-template';

const AutomationSourcesDocument = graphql(`
  query AutomationSources($workspaceId: ID!) {
    workspace(id: $workspaceId) {
      id
      installations(first: 100) { edges { node { id state listing { name } version { manifest } } } }
    }
  }
`);

interface MemberManifest {
  title?: string;
  description?: string;
  input?: { properties?: Record<string, { title?: string; type?: string }>; required?: string[] };
  output?: unknown;
  sample?: unknown;
}
interface Manifest {
  triggers?: Record<string, MemberManifest>;
  actions?: Record<string, MemberManifest>;
}
interface Choice {
  installationId: string;
  integration: string;
  name: string;
  member: MemberManifest;
}

const STEPS = ['Trigger', 'Mapping', 'Action', 'Test run'] as const;

export function AutomationBuilder() {
  const session = useSession();
  const workspaceId = session.workspaceId ?? '';
  const sources = useQuery({ queryKey: ['automation-sources', workspaceId], queryFn: () => request(AutomationSourcesDocument, { workspaceId }), enabled: Boolean(workspaceId) });
  const [triggerKey, setTriggerKey] = useState('');
  const [actionKey, setActionKey] = useState('');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ input: Record<string, unknown>; errors: string[] } | null>(null);

  if (!workspaceId) return <Notice kind="info">You are not a member of a workspace yet.</Notice>;
  if (sources.isPending) return <Loading what="your integrations" />;
  if (sources.error) return <ErrorNotice error={sources.error} />;
  const installs = sources.data.workspace?.installations.edges.map((e) => e.node).filter((i) => i.state === 'ACTIVE') ?? [];
  const triggers: Choice[] = [];
  const actions: Choice[] = [];
  for (const inst of installs) {
    const manifest = inst.version.manifest as Manifest;
    for (const [name, member] of Object.entries(manifest.triggers ?? {})) triggers.push({ installationId: inst.id, integration: inst.listing.name, name, member });
    for (const [name, member] of Object.entries(manifest.actions ?? {})) actions.push({ installationId: inst.id, integration: inst.listing.name, name, member });
  }
  const keyOf = (c: Choice) => `${c.installationId}:${c.name}`;
  const trigger = triggers.find((t) => keyOf(t) === triggerKey);
  const action = actions.find((a) => keyOf(a) === actionKey);
  const fields = leafPaths(trigger?.member.sample);
  const inputs = Object.entries(action?.member.input?.properties ?? {});
  const required = new Set(action?.member.input?.required ?? []);
  const step = !trigger ? 0 : !action ? 1 : result ? 3 : 2;

  const testRun = () => {
    const input = renderMapping(mapping, trigger?.member.sample ?? {});
    const check = validator.validateFormData(input, (action?.member.input ?? {}) as RJSFSchema);
    setResult({ input, errors: check.errors.map((e) => e.stack) });
  };

  return (
    <section aria-labelledby="auto-title">
      <h1 id="auto-title">Automation builder</h1>
      <ol className="wizard-steps" aria-label="Automation steps">
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined} className={i < step ? 'done' : ''}>
            <span className="step-no">{i + 1}</span> {s}
          </li>
        ))}
      </ol>
      {installs.length === 0 ? <Notice kind="info">Enable an integration first: automations connect the triggers and actions of enabled integrations.</Notice> : null}

      <section className="panel" aria-labelledby="trigger-title">
        <h2 id="trigger-title">1. When this happens</h2>
        <label className="field narrow">
          <span>Trigger</span>
          <select value={triggerKey} onChange={(e) => (setTriggerKey(e.target.value), setResult(null))}>
            <option value="">Choose a trigger</option>
            {triggers.map((t) => (
              <option key={keyOf(t)} value={keyOf(t)}>
                {t.integration}: {t.member.title ?? t.name}
              </option>
            ))}
          </select>
        </label>
        {trigger?.member.description ? <p className="muted small">{trigger.member.description}</p> : null}
      </section>

      <section className="panel" aria-labelledby="mapping-title">
        <h2 id="mapping-title">2. Map its data</h2>
        {!trigger ? <p className="muted">Choose a trigger to see its fields.</p> : null}
        {trigger && fields.length ? (
          <p className="small">
            Fields from {trigger.member.title ?? trigger.name}: {fields.slice(0, 30).map((f) => <code key={f}>{`{{${f}}}`} </code>)}
          </p>
        ) : null}
        {action ? (
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
                  onChange={(e) => (setMapping({ ...mapping, [name]: e.target.value }), setResult(null))}
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
        ) : trigger ? (
          <p className="muted">Choose the action below; its fields appear here to map.</p>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="action-title">
        <h2 id="action-title">3. Do this</h2>
        <label className="field narrow">
          <span>Action</span>
          <select value={actionKey} onChange={(e) => (setActionKey(e.target.value), setMapping({}), setResult(null))} disabled={!trigger}>
            <option value="">Choose an action</option>
            {actions.map((a) => (
              <option key={keyOf(a)} value={keyOf(a)}>
                {a.integration}: {a.member.title ?? a.name}
              </option>
            ))}
          </select>
        </label>
        {action?.member.description ? <p className="muted small">{action.member.description}</p> : null}
      </section>

      <section className="panel" aria-labelledby="test-title">
        <h2 id="test-title">4. Test run</h2>
        <p className="small muted">Runs the mapping on the trigger's sample and checks the result against what the action accepts. Nothing is sent.</p>
        <button type="button" className="primary" onClick={testRun} disabled={!trigger || !action}>
          Run test
        </button>
        {result ? (
          result.errors.length ? (
            <Notice kind="warning">
              <strong>The action would refuse this input.</strong>
              <ul>
                {result.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </Notice>
          ) : (
            <Notice kind="success">
              <strong>Test run passed.</strong> The action would receive:
              <pre aria-label="Test run input">{JSON.stringify(result.input, null, 2)}</pre>
            </Notice>
          )
        ) : null}
        <Notice kind="info">
          Saving this automation and running it live will be possible once the platform's automation API is available; the automation runtime
          already exists.
        </Notice>
      </section>
    </section>
  );
}
