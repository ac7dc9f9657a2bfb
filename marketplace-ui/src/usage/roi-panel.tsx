/**
 * ROI of one integration for the internal team (GraphQL `integrationRoi`):
 * costs against revenue as a chart, the ROI and payback, and the measured inputs.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorNotice, Loading } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';

const RoiIntegrationsDocument = graphql(`
  query RoiIntegrations {
    marketplace(first: 100, sort: POPULARITY) { edges { node { id name } } }
  }
`);
const IntegrationRoiDocument = graphql(`
  query IntegrationRoi($pluginId: ID!) {
    integrationRoi(pluginId: $pluginId) {
      pluginId roi paybackMonths
      costs { development maintenance support infrastructure total }
      revenue { newCustomers retentionImpact upsellOpportunity total }
      inputs { apiCalls attributedSignups }
    }
  }
`);

const dollars = (cents: number) => Math.round(cents) / 100;

export function RoiPanel() {
  const [pluginId, setPluginId] = useState('');
  const integrations = useQuery({ queryKey: ['roi-integrations'], queryFn: () => request(RoiIntegrationsDocument) });
  const roi = useQuery({ queryKey: ['roi', pluginId], queryFn: () => request(IntegrationRoiDocument, { pluginId }), enabled: Boolean(pluginId) });
  const r = roi.data?.integrationRoi;
  const rows = r
    ? [
        { part: 'Development', cost: dollars(r.costs.development) },
        { part: 'Maintenance', cost: dollars(r.costs.maintenance) },
        { part: 'Support', cost: dollars(r.costs.support) },
        { part: 'Infrastructure', cost: dollars(r.costs.infrastructure) },
        { part: 'New customers', revenue: dollars(r.revenue.newCustomers) },
        { part: 'Retention', revenue: dollars(r.revenue.retentionImpact) },
        { part: 'Upsell', revenue: dollars(r.revenue.upsellOpportunity) },
      ]
    : [];
  return (
    <section className="panel" aria-labelledby="roi-title">
      <h2 id="roi-title">Return on investment per integration</h2>
      <label className="field narrow">
        <span>Integration for ROI</span>
        <select value={pluginId} onChange={(e) => setPluginId(e.target.value)}>
          <option value="">Choose an integration</option>
          {integrations.data?.marketplace.edges.map(({ node }) => (
            <option key={node.id} value={node.id}>
              {node.name}
            </option>
          ))}
        </select>
      </label>
      <ErrorNotice error={integrations.error ?? roi.error} />
      {roi.isFetching ? <Loading what="the ROI" /> : null}
      {r ? (
        <figure className="usage-figure" aria-label="Costs and revenue in US dollars">
          <div className="kpis">
            <div className="kpi">
              <strong>{r.roi == null ? 'n/a' : `${Math.round(r.roi * 100)}%`}</strong> ROI
            </div>
            <div className="kpi">
              <strong>{r.paybackMonths == null ? 'n/a' : r.paybackMonths.toFixed(1)}</strong> months to pay back
            </div>
            <div className="kpi">
              <strong>{r.inputs.apiCalls.toLocaleString()}</strong> API calls measured
            </div>
          </div>
          <div className="chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%" minWidth={200} minHeight={200}>
              <BarChart data={rows}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="part" />
                <YAxis />
                <Tooltip />
                <Legend />
                <Bar dataKey="cost" name="Cost ($)" fill="#dc2626" />
                <Bar dataKey="revenue" name="Revenue ($)" fill="#16a34a" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <figcaption className="small muted">
            Cost {(r.costs.total / 100).toLocaleString(undefined, { style: 'currency', currency: 'USD' })} against revenue{' '}
            {(r.revenue.total / 100).toLocaleString(undefined, { style: 'currency', currency: 'USD' })}.
          </figcaption>
        </figure>
      ) : null}
    </section>
  );
}
