/** The automations screen: the saved automations with their runs, then the builder for a new one. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice, Loading, Notice } from '../components/status';
import { request } from '../graphql/client';
import { useSession } from '../session/session-context';
import { AutomationBuilder } from './automation-builder';
import { AutomationList } from './automation-list';
import { AutomationSourcesDocument, choicesOf } from './automation-sources';

export function AutomationsPage() {
  const session = useSession();
  const queryClient = useQueryClient();
  const workspaceId = session.workspaceId ?? '';
  const [saved, setSaved] = useState<string | null>(null);
  const sources = useQuery({ queryKey: ['automation-sources', workspaceId], queryFn: () => request(AutomationSourcesDocument, { workspaceId }), enabled: Boolean(workspaceId) });
  if (!workspaceId) return <Notice kind="info">You are not a member of a workspace yet.</Notice>;
  if (sources.isPending) return <Loading what="your integrations" />;
  if (sources.error) return <ErrorNotice error={sources.error} />;
  const { triggers, actions } = choicesOf(sources.data.workspace?.installations.edges.map((e) => e.node) ?? []);
  const titles = new Map([...triggers, ...actions].map((c) => [`${c.installationId}:${c.name}`, c.member.title ?? c.name]));
  const memberTitle = (installationId: string | undefined, name: string) => titles.get(`${installationId}:${name}`) ?? name;
  return (
    <section aria-labelledby="auto-title" className="stack">
      <h1 id="auto-title">Automations</h1>
      <p className="lead">When something happens in one integration, do something in another.</p>
      {saved ? <Notice kind="success">{saved} is saved and on.</Notice> : null}
      <AutomationList workspaceId={workspaceId} memberTitle={memberTitle} />
      {triggers.length === 0 || actions.length === 0 ? (
        <Notice kind="info">Enable an integration first: automations connect the triggers and actions of enabled integrations.</Notice>
      ) : (
        <AutomationBuilder
          workspaceId={workspaceId}
          triggers={triggers}
          actions={actions}
          onSaved={() => {
            setSaved(null);
            void queryClient.invalidateQueries({ queryKey: ['automations', workspaceId] });
          }}
          onTurnedOn={(name) => {
            setSaved(name);
            void queryClient.invalidateQueries({ queryKey: ['automations', workspaceId] });
          }}
        />
      )}
    </section>
  );
}
