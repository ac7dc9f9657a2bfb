/** The monthly scorecard history: revenue 40 %, activity, enablement and relationship 20 % each, the total and its level. */
import type { ScorecardLevel } from '../../graphql/generated/graphql';
import { LEVEL_LABELS, monthLabel } from '../partner-labels';

interface ScorecardRow {
  period: string;
  revenue: number;
  activity: number;
  enablement: number;
  relationship: number;
  total: number;
  level: ScorecardLevel;
}

export function ScorecardHistory({ scorecards }: { scorecards: readonly ScorecardRow[] }) {
  const rows = [...scorecards].sort((a, b) => (a.period < b.period ? 1 : -1));
  return (
    <section aria-labelledby="scorecard-title">
      <h2 id="scorecard-title">Scorecard history</h2>
      {rows.length === 0 ? (
        <p className="muted">No scorecard yet. The partner team computes one after each month.</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby="scorecard-title">
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Revenue</th>
                <th scope="col">Activity</th>
                <th scope="col">Enablement</th>
                <th scope="col">Relationship</th>
                <th scope="col">Total</th>
                <th scope="col">Level</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.period}>
                  <td>{monthLabel(s.period)}</td>
                  <td>{s.revenue}</td>
                  <td>{s.activity}</td>
                  <td>{s.enablement}</td>
                  <td>{s.relationship}</td>
                  <td>
                    <strong>{s.total}</strong>
                  </td>
                  <td>{LEVEL_LABELS[s.level]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
