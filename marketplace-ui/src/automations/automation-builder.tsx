/**
 * The automation builder: a trigger from one enabled integration, a mapping of
 * the action's fields as templates over the trigger's output, an action from
 * another (or the same) integration, a test run on the trigger's sample
 * (rendered with the same mapping module the platform's runner uses, then
 * checked against the action's input schema; nothing is sent), save (off)
 * through `createAutomation`, then send a real test and turn it on
 * (automation-test-send.tsx).
 */
import { useMutation } from '@tanstack/react-query';
import validator from '@rjsf/validator-ajv8';
import type { RJSFSchema } from '@rjsf/utils';
import { renderMapping } from '@nudgecampaign/plugin-sdk/mapping-template';
import { useState } from 'react';
import { ErrorNotice, Notice } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { filledMapping, leafPaths } from './field-paths';
import { MappingFields } from './mapping-fields';
import type { Choice } from './automation-sources';
import { AutomationTestSend, type SavedAutomation } from './automation-test-send';

const CreateAutomationDocument = graphql(`
  mutation CreateAutomation($input: CreateAutomationInput!) {
    createAutomation(input: $input) { id name enabled }
  }
`);

const STEPS = ['Trigger', 'Mapping', 'Action', 'Test run', 'Save', 'Send a test', 'Turn on'] as const;

interface Props {
  workspaceId: string;
  triggers: Choice[];
  actions: Choice[];
  /** Saved, still off: the list shows it. */
  onSaved(): void;
  onTurnedOn(name: string): void;
}

const keyOf = (c: Choice) => `${c.installationId}:${c.name}`;
const titleOf = (c: Choice) => c.member.title ?? c.name;

export function AutomationBuilder({ workspaceId, triggers, actions, onSaved, onTurnedOn }: Props) {
  const [triggerKey, setTriggerKey] = useState('');
  const [actionKey, setActionKey] = useState('');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [name, setName] = useState('');
  const [result, setResult] = useState<{ input: unknown; errors: string[] } | null>(null);
  const [saved, setSaved] = useState<SavedAutomation | null>(null);
  const trigger = triggers.find((t) => keyOf(t) === triggerKey);
  const action = actions.find((a) => keyOf(a) === actionKey);
  const fields = leafPaths(trigger?.member.sample);
  const passed = Boolean(result && result.errors.length === 0);
  const step = saved ? 5 : !trigger ? 0 : !action ? 2 : !result ? 3 : passed ? 4 : 3;
  const defaultName = trigger && action ? `${titleOf(trigger)} → ${titleOf(action)}` : '';

  const save = useMutation({
    mutationFn: () =>
      request(CreateAutomationDocument, {
        input: {
          workspaceId,
          name: name.trim() || defaultName,
          trigger: { installationId: trigger!.installationId, name: trigger!.name },
          action: { installationId: action!.installationId, name: action!.name },
          mapping: filledMapping(mapping),
          enabled: false,
        },
      }),
    onSuccess: (data) => {
      setSaved({ id: data.createAutomation.id, name: data.createAutomation.name, actionTitle: action!.integration });
      onSaved();
    },
  });
  const reset = () => {
    setTriggerKey('');
    setActionKey('');
    setMapping({});
    setName('');
    setResult(null);
    setSaved(null);
    save.reset();
  };

  const testRun = () => {
    const input = renderMapping(filledMapping(mapping), trigger?.member.sample ?? {});
    const check = validator.validateFormData(input, (action?.member.input ?? {}) as RJSFSchema);
    setResult({ input, errors: check.errors.map((e) => e.stack) });
  };
  const changeMapping = (next: Record<string, string>) => (setMapping(next), setResult(null));

  return (
    <section aria-labelledby="builder-title" className="stack">
      <h2 id="builder-title">New automation</h2>
      <ol className="wizard-steps" aria-label="Automation steps">
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined} className={i < step ? 'done' : ''}>
            <span className="step-no">{i + 1}</span> {s}
          </li>
        ))}
      </ol>

      {saved ? (
        <AutomationTestSend automation={saved} onTurnedOn={(n) => (reset(), onTurnedOn(n))} onLeftOff={reset} />
      ) : (
        <div className="stack">
          <section className="panel" aria-labelledby="trigger-title">
            <h3 id="trigger-title">1. When this happens</h3>
            <label className="field narrow">
              <span>Trigger</span>
              <select value={triggerKey} onChange={(e) => (setTriggerKey(e.target.value), setResult(null))}>
                <option value="">Choose a trigger</option>
                {triggers.map((t) => (
                  <option key={keyOf(t)} value={keyOf(t)}>
                    {t.integration}: {titleOf(t)}
                  </option>
                ))}
              </select>
            </label>
            {trigger?.member.description ? <p className="muted small">{trigger.member.description}</p> : null}
          </section>

          <section className="panel" aria-labelledby="mapping-title">
            <h3 id="mapping-title">2. Map its data</h3>
            {!trigger ? <p className="muted">Choose a trigger to see its fields.</p> : null}
            {trigger && fields.length ? (
              <p className="small">
                Fields from {titleOf(trigger)}: {fields.slice(0, 30).map((f) => <code key={f}>{`{{${f}}}`} </code>)}
              </p>
            ) : null}
            {action ? <MappingFields member={action.member} fields={fields} mapping={mapping} onChange={changeMapping} /> : null}
            {trigger && !action ? <p className="muted">Choose the action below; its fields appear here to map.</p> : null}
          </section>

          <section className="panel" aria-labelledby="action-title">
            <h3 id="action-title">3. Do this</h3>
            <label className="field narrow">
              <span>Action</span>
              <select value={actionKey} onChange={(e) => (setActionKey(e.target.value), setMapping({}), setResult(null))} disabled={!trigger}>
                <option value="">Choose an action</option>
                {actions.map((a) => (
                  <option key={keyOf(a)} value={keyOf(a)}>
                    {a.integration}: {titleOf(a)}
                  </option>
                ))}
              </select>
            </label>
            {action?.member.description ? <p className="muted small">{action.member.description}</p> : null}
          </section>

          <section className="panel" aria-labelledby="test-title">
            <h3 id="test-title">4. Test run</h3>
            <p className="small muted">Runs the mapping on the trigger's sample and checks the result against what the action accepts. Nothing is sent.</p>
            <button type="button" onClick={testRun} disabled={!trigger || !action}>
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
          </section>

          <section className="panel" aria-labelledby="save-title">
            <h3 id="save-title">5. Save</h3>
            <label className="field narrow">
              <span>Automation name</span>
              <input value={name} onChange={(e) => setName(e.target.value)} placeholder={defaultName || 'Name it'} maxLength={200} />
            </label>
            <p className="small muted">{passed ? 'It is saved off; then you send it a real test and turn it on.' : 'Run a passing test first; then the automation can be saved.'}</p>
            <ErrorNotice error={save.error} title="The automation was not saved." />
            <button type="button" className="primary" onClick={() => save.mutate()} disabled={!passed || save.isPending}>
              Save
            </button>
          </section>
        </div>
      )}
    </section>
  );
}
