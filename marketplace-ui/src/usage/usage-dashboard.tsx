/**
 * Usage and ROI for the workspace, from the GraphQL usage API: totals per
 * metric and attributed value, a chart per day for the whole workspace and
 * for one installation; the internal team also sees ROI per integration.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice, Notice } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { useSession } from '../session/session-context';
import { RoiPanel } from './roi-panel';
import { UsageChart } from './usage-chart';
import { fetchUsage, metricLabel } from './usage-report';

const UsageInstallationsDocument = graphql(`
  query UsageInstallations($workspaceId: ID!) {
    workspace(id: $workspaceId) { id name installations(first: 100) { edges { node { id state listing { name } } } } }
  }
`);

const money = (cents: number) => (cents / 100).toLocaleString(undefined, { style: 'currency', currency: 'USD' });

export function UsageDashboard() {
  const session = useSession();
  const workspaceId = session.workspaceId ?? '';
  const internal = session.viewer?.platformRole === 'ADMIN' || session.viewer?.platformRole === 'REVIEWER';
  const [installationId, setInstallationId] = useState('');
  const installs = useQuery({ queryKey: ['usage-installations', workspaceId], queryFn: () => request(UsageInstallationsDocument, { workspaceId }), enabled: Boolean(workspaceId) });
  // The same query key as the workspace chart below: one request serves both.
  const usage = useQuery({ queryKey: ['usage', 'WORKSPACE', workspaceId], queryFn: () => fetchUsage('WORKSPACE', workspaceId), enabled: Boolean(workspaceId) });
  if (!workspaceId && !internal) return <Notice kind="info">You are not a member of a workspace yet.</Notice>;
  const totals = usage.data?.totals ?? [];
  const value = totals.reduce((s, t) => s + t.valueCents, 0);
  const list = installs.data?.workspace?.installations.edges.map((e) => e.node).filter((i) => i.state !== 'UNINSTALLED') ?? [];

  return (
    <section aria-labelledby="usage-title">
      <h1 id="usage-title">Usage and ROI</h1>
      {workspaceId ? (
        <>
          <p className="lead">What your integrations did for {installs.data?.workspace?.name ?? 'your workspace'} in the last 30 days.</p>
          <ErrorNotice error={usage.error ?? installs.error} />
          <div className="kpis" aria-label="Totals for the last 30 days">
            {totals.map((t) => (
              <div className="kpi" key={t.metric}>
                <strong>{t.count.toLocaleString()}</strong> {metricLabel(t.metric)}
              </div>
            ))}
            <div className="kpi">
              <strong>{money(value)}</strong> attributed value
            </div>
          </div>
          <section className="panel" aria-labelledby="ws-chart-title">
            <h2 id="ws-chart-title">All integrations, per day</h2>
            <UsageChart dimension="WORKSPACE" id={workspaceId} title="Workspace usage per day" />
          </section>
          <section className="panel" aria-labelledby="inst-chart-title">
            <h2 id="inst-chart-title">One integration</h2>
            <label className="field narrow">
              <span>Integration</span>
              <select value={installationId} onChange={(e) => setInstallationId(e.target.value)}>
                <option value="">Choose an installation</option>
                {list.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.listing.name}
                  </option>
                ))}
              </select>
            </label>
            {installationId ? <UsageChart dimension="INSTALLATION" id={installationId} title="Installation usage per day" /> : null}
          </section>
        </>
      ) : null}
      {internal ? <RoiPanel /> : null}
    </section>
  );
}
