/** A bar chart (recharts) of usage counts per day and metric for one scope (GraphQL `usage`), with a table for screen readers. */
import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorNotice, Loading } from '../components/status';
import { fetchUsage, metricLabel, pivotByDay, type UsageDimension } from './usage-report';

const COLOURS = ['#4338ca', '#0891b2', '#16a34a', '#d97706', '#dc2626', '#7c3aed', '#db2777', '#475569'];

export function UsageChart({ dimension, id, title }: { dimension: UsageDimension; id: string; title?: string }) {
  const usage = useQuery({ queryKey: ['usage', dimension, id], queryFn: () => fetchUsage(dimension, id) });
  if (usage.isPending) return <Loading what="usage" />;
  if (usage.error) return <ErrorNotice error={usage.error} />;
  const { days, metrics } = pivotByDay(usage.data.points);
  if (days.length === 0) return <p className="muted">No usage recorded in the last 30 days.</p>;
  return (
    <figure className="usage-figure" aria-label={title ?? 'Usage per day'}>
      <div className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%" minWidth={200} minHeight={200}>
          <BarChart data={days}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {metrics.map((m, i) => (
              <Bar key={m} dataKey={m} name={metricLabel(m)} stackId="usage" fill={COLOURS[i % COLOURS.length]} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>Show as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {metrics.map((m) => (
                <th key={m} scope="col">
                  {metricLabel(m)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={String(d.day)}>
                <td>{d.day}</td>
                {metrics.map((m) => (
                  <td key={m}>{d[m] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
