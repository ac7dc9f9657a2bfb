/**
 * The workspace's saved automations: what each connects, on or off, delete,
 * and its latest runs (refreshed while the page is open, so a run that starts
 * or a replay that finishes shows up without a reload).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice, Loading } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { AutomationRuns } from './automation-runs';

export const AutomationsDocument = graphql(`
  query Automations($workspaceId: ID!) {
    workspace(id: $workspaceId) {
      id
      automations(first: 50) {
        edges {
          node {
            id name enabled triggerName actionName mapping createdAt
            triggerInstallation { id listing { name } }
            actionInstallation { id listing { name } }
            runs(first: 10) { edges { node { id status attempt errorCode errorMessage startedAt replayOf } } }
          }
        }
      }
    }
  }
`);
const SetEnabledDocument = graphql(`
  mutation SetAutomationEnabled($id: ID!, $enabled: Boolean!) {
    setAutomationEnabled(id: $id, enabled: $enabled) { id enabled }
  }
`);
const DeleteDocument = graphql(`
  mutation DeleteAutomation($id: ID!) {
    deleteAutomation(id: $id)
  }
`);

/** A trigger's or action's title from the installed manifest, else its member name. */
export type MemberTitle = (installationId: string | undefined, name: string) => string;

export function AutomationList({ workspaceId, memberTitle }: { workspaceId: string; memberTitle: MemberTitle }) {
  const queryClient = useQueryClient();
  const key = ['automations', workspaceId];
  const list = useQuery({ queryKey: key, queryFn: () => request(AutomationsDocument, { workspaceId }), refetchInterval: 4000 });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
  const toggle = useMutation({ mutationFn: (v: { id: string; enabled: boolean }) => request(SetEnabledDocument, v), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (id: string) => request(DeleteDocument, { id }), onSuccess: refresh });
  const [confirming, setConfirming] = useState<string | null>(null);

  if (list.isPending) return <Loading what="your automations" />;
  if (list.error) return <ErrorNotice error={list.error} />;
  const automations = list.data.workspace?.automations.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="saved-title" className="stack">
      <h2 id="saved-title">Your automations</h2>
      <ErrorNotice error={toggle.error ?? remove.error} />
      {automations.length === 0 ? <p className="muted">No automations yet. Build one below.</p> : null}
      <ul className="stack plain" aria-label="Automations">
        {automations.map((a) => (
          <li key={a.id} className="panel">
            <h3>
              {a.name} <span className={`badge ${a.enabled ? 'badge-state-active' : 'badge-state-disabled'}`}>{a.enabled ? 'On' : 'Off'}</span>
            </h3>
            <p className="small muted">
              When {a.triggerInstallation?.listing.name ?? 'a removed integration'}: {memberTitle(a.triggerInstallation?.id, a.triggerName)}, then{' '}
              {a.actionInstallation?.listing.name ?? 'a removed integration'}: {memberTitle(a.actionInstallation?.id, a.actionName)}
            </p>
            <div className="actions wrap">
              <button type="button" onClick={() => toggle.mutate({ id: a.id, enabled: !a.enabled })} disabled={toggle.isPending}>
                {a.enabled ? `Turn off ${a.name}` : `Turn on ${a.name}`}
              </button>
              {confirming === a.id ? (
                <>
                  <span>Delete {a.name}? Its runs are kept.</span>
                  <button type="button" className="danger" onClick={() => remove.mutate(a.id)} disabled={remove.isPending}>
                    Yes, delete
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    Keep it
                  </button>
                </>
              ) : (
                <button type="button" className="danger" onClick={() => setConfirming(a.id)}>
                  Delete {a.name}
                </button>
              )}
            </div>
            <AutomationRuns automationName={a.name} runs={a.runs.edges.map((e) => e.node)} onReplayed={refresh} />
          </li>
        ))}
      </ul>
    </section>
  );
}
