/**
 * The dashboard's charts (recharts), each with a table for screen readers:
 * a monthly money trend (revenue, commission), customer growth and the
 * leaderboard position with the scorecard history behind it.
 */
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScorecardLevel } from '../../graphql/generated/graphql';
import { LEVEL_LABELS, monthLabel } from '../partner-labels';
import { formatCents, formatCentsShort } from '../partner-money';
import { customerGrowth } from './customer-growth';

interface MonthlyAmount {
  period: string;
  amountCents: number;
}

function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  return (
    <details>
      <summary>Show {caption} as a table</summary>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r[0]}>
                {r.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function MoneyTrendChart({ title, points, empty }: { title: string; points: readonly MonthlyAmount[]; empty: string }) {
  const data = points.map((p) => ({ month: monthLabel(p.period), cents: p.amountCents }));
  return (
    <figure className="panel" aria-label={title}>
      <figcaption>{title}</figcaption>
      {points.every((p) => p.amountCents === 0) ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%" minWidth={200} minHeight={200}>
            <BarChart data={data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" />
              <YAxis tickFormatter={(v: number) => formatCentsShort(v)} width={64} />
              <Tooltip formatter={(v) => formatCents(Number(v))} />
              <Bar dataKey="cents" name={title} fill="#4338ca" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <DataTable caption={title.toLowerCase()} head={['Month', 'Amount']} rows={points.map((p) => [monthLabel(p.period), formatCents(p.amountCents)])} />
    </figure>
  );
}

export function CustomerGrowthChart({ clients, attributions }: { clients: readonly { grantedAt: string }[]; attributions: readonly { attributedAt: string }[] }) {
  const points = customerGrowth(
    clients.map((c) => c.grantedAt),
    attributions.map((a) => a.attributedAt),
    new Date(),
  );
  const data = points.map((p) => ({ ...p, month: monthLabel(p.period) }));
  return (
    <figure className="panel" aria-label="Customer growth">
      <figcaption>Customer growth</figcaption>
      {clients.length + attributions.length === 0 ? (
        <p className="muted">No managed or referred customers yet.</p>
      ) : (
        <div className="chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%" minWidth={200} minHeight={200}>
            <LineChart data={data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Line type="monotone" dataKey="managed" name="Managed" stroke="#4338ca" isAnimationActive={false} />
              <Line type="monotone" dataKey="referred" name="Referred" stroke="#16a34a" strokeDasharray="5 3" isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <DataTable caption="customer growth" head={['Month', 'Managed', 'Referred']} rows={points.map((p) => [monthLabel(p.period), String(p.managed), String(p.referred)])} />
      <p className="small muted">Counts the customers you manage and refer today, from the month each started.</p>
    </figure>
  );
}

export function LeaderboardPanel({ rank, scorecards }: { rank: number | null | undefined; scorecards: readonly { period: string; total: number; level: ScorecardLevel }[] }) {
  const history = [...scorecards].sort((a, b) => (a.period < b.period ? -1 : 1));
  const latest = history.at(-1);
  return (
    <figure className="panel" aria-label="Leaderboard">
      <figcaption>Leaderboard</figcaption>
      {rank == null ? (
        <p>You are not on the leaderboard yet: it ranks partners by their latest monthly scorecard.</p>
      ) : (
        <p>
          Your position: <strong>#{rank}</strong> among partners by the latest scorecard
          {latest ? ` (${latest.total} points, ${LEVEL_LABELS[latest.level]})` : ''}.
        </p>
      )}
      {history.length > 0 ? (
        <div className="chart chart-short" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%" minWidth={200} minHeight={120}>
            <LineChart data={history.map((s) => ({ month: monthLabel(s.period), total: s.total }))}>
              <XAxis dataKey="month" />
              <YAxis domain={[0, 100]} />
              <Tooltip />
              <Line type="monotone" dataKey="total" name="Scorecard" stroke="#d97706" isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      ) : null}
      <p className="small muted">Other partners' names and scores are not shown.</p>
    </figure>
  );
}
