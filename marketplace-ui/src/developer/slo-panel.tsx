/**
 * A version's SLOs over the last 30 days (GraphQL `versionSlo`): invocations,
 * p95 latency, error rate and sync reliability against their objectives, and
 * the share of the error budget used as a chart.
 */
import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorNotice, Loading } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';

const VersionSloDocument = graphql(`
  query VersionSlo($versionId: ID!) {
    versionSlo(versionId: $versionId) {
      versionId invocations p95LatencyMs errorRate syncRuns syncReliability errorBudgetBurn installs activeInstalls
      meets { p95Latency errorRate syncReliability }
    }
  }
`);

function Meets({ ok }: { ok: boolean | null | undefined }) {
  if (ok == null) return <span className="badge badge-gate-pending">No data</span>;
  return ok ? <span className="badge badge-gate-passed">Meets objective</span> : <span className="badge badge-gate-failed">Misses objective</span>;
}

const percent = (v: number | null | undefined, digits = 1) => (v == null ? '—' : `${(v * 100).toFixed(digits)}%`);

export function SloPanel({ versionId }: { versionId: string }) {
  const slo = useQuery({ queryKey: ['version-slo', versionId], queryFn: () => request(VersionSloDocument, { versionId }) });
  if (slo.isPending) return <Loading what="service levels" />;
  if (slo.error) return <ErrorNotice error={slo.error} />;
  const s = slo.data.versionSlo;
  const usedPct = Math.round((s.errorBudgetBurn ?? 0) * 100);
  // The bar stops at 100 %; the caption says by how much a budget is overspent.
  const burn = [{ name: 'Error budget used', used: Math.min(usedPct, 100) }];
  return (
    <div className="stack">
      <table aria-label="Service levels, last 30 days">
        <tbody>
          <tr>
            <th scope="row">Invocations</th>
            <td>{s.invocations.toLocaleString()}</td>
            <td />
          </tr>
          <tr>
            <th scope="row">p95 latency</th>
            <td>{s.p95LatencyMs == null ? '—' : `${Math.round(s.p95LatencyMs)} ms`}</td>
            <td>
              <Meets ok={s.meets.p95Latency} />
            </td>
          </tr>
          <tr>
            <th scope="row">Error rate</th>
            <td>{percent(s.errorRate, 2)}</td>
            <td>
              <Meets ok={s.meets.errorRate} />
            </td>
          </tr>
          <tr>
            <th scope="row">Sync reliability ({s.syncRuns} runs)</th>
            <td>{percent(s.syncReliability)}</td>
            <td>
              <Meets ok={s.meets.syncReliability} />
            </td>
          </tr>
        </tbody>
      </table>
      <figure className="usage-figure" aria-label={`Error budget used: ${usedPct}%`}>
        <div className="chart chart-short" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%" minWidth={200} minHeight={100}>
            <BarChart data={burn} layout="vertical">
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" domain={[0, 100]} allowDataOverflow unit="%" />
              <YAxis type="category" dataKey="name" width={130} />
              <Tooltip />
              <Bar dataKey="used" name="Used (%)" fill={usedPct >= 100 ? '#dc2626' : '#4338ca'} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <figcaption className="small muted">
          {usedPct}% of the error budget used{usedPct > 100 ? ': over budget, so the error rate misses its objective' : ''}.
        </figcaption>
      </figure>
    </div>
  );
}
