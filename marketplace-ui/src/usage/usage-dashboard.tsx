/**
 * Usage and ROI for the workspace: totals per metric and a chart per day from
 * the usage export, per installation on demand. ROI figures need an API the
 * platform does not offer yet (see the notice).
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice, Notice } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { useSession } from '../session/session-context';
import { UsageChart } from './usage-chart';
import { fetchUsage } from './usage-csv';

const UsageInstallationsDocument = graphql(`
  query UsageInstallations($workspaceId: ID!) {
    workspace(id: $workspaceId) { id name installations(first: 100) { edges { node { id state listing { name } } } } }
  }
`);

export function UsageDashboard() {
  const session = useSession();
  const workspaceId = session.workspaceId ?? '';
  const [installationId, setInstallationId] = useState('');
  const installs = useQuery({ queryKey: ['usage-installations', workspaceId], queryFn: () => request(UsageInstallationsDocument, { workspaceId }), enabled: Boolean(workspaceId) });
  const totals = useQuery({ queryKey: ['usage-totals', workspaceId], queryFn: () => fetchUsage('workspace', workspaceId), enabled: Boolean(workspaceId) });
  if (!workspaceId) return <Notice kind="info">You are not a member of a workspace yet.</Notice>;
  const byMetric = new Map<string, { count: number; valueCents: number }>();
  for (const r of totals.data ?? []) {
    const t = byMetric.get(r.metric) ?? { count: 0, valueCents: 0 };
    t.count += r.count;
    t.valueCents += r.valueCents;
    byMetric.set(r.metric, t);
  }
  const value = [...byMetric.values()].reduce((s, t) => s + t.valueCents, 0);
  const list = installs.data?.workspace?.installations.edges.map((e) => e.node).filter((i) => i.state !== 'UNINSTALLED') ?? [];

  return (
    <section aria-labelledby="usage-title">
      <h1 id="usage-title">Usage and ROI</h1>
      <p className="lead">What your integrations did for {installs.data?.workspace?.name ?? 'your workspace'} in the last 30 days.</p>
      <ErrorNotice error={totals.error ?? installs.error} />
      <div className="kpis" aria-label="Totals for the last 30 days">
        {[...byMetric.entries()].map(([metric, t]) => (
          <div className="kpi" key={metric}>
            <strong>{t.count.toLocaleString()}</strong> {metric.replaceAll('_', ' ')}
          </div>
        ))}
        <div className="kpi">
          <strong>{(value / 100).toLocaleString(undefined, { style: 'currency', currency: 'USD' })}</strong> attributed value
        </div>
      </div>
      <section className="panel" aria-labelledby="ws-chart-title">
        <h2 id="ws-chart-title">All integrations, per day</h2>
        <UsageChart dimension="workspace" id={workspaceId} title="Workspace usage per day" />
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
        {installationId ? <UsageChart dimension="installation" id={installationId} title="Installation usage per day" /> : null}
      </section>
      <Notice kind="info">
        Return on investment per integration (hours saved and revenue against cost) is calculated by the platform but not yet available through its
        API; it will appear here once it is.
      </Notice>
    </section>
  );
}
