/**
 * Payouts and scorecards (GraphQL `partner { statements scorecards }`): each
 * monthly payout statement with its lines and audited adjustments, a CSV
 * download of the statement as the platform renders it (`statement { csv }`),
 * and the monthly scorecard history.
 */
import { useQuery } from '@tanstack/react-query';
import { ErrorNotice, formatDate, Loading } from '../../components/status';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/generated';
import { monthLabel } from '../partner-labels';
import { formatCents } from '../partner-money';
import { ScorecardHistory } from './scorecard-history';
import { StatementCsvButton } from './statement-csv-button';

const PartnerStatementsDocument = graphql(`
  query PartnerStatements($id: ID!) {
    partner(id: $id) {
      id
      statements {
        id
        period
        commissionCents
        adjustmentCents
        totalCents
        computedAt
        lines { externalId type rule basisCents rateBps amountCents occurredAt }
        adjustments { id amountCents reason }
      }
      scorecards { period revenue activity enablement relationship total level computedAt }
    }
  }
`);

const LINE_TYPES: Record<string, string> = {
  agency_commission: 'Agency commission',
  referral_bounty: 'Referral bounty',
  referral_commission: 'Referral commission',
  refund_clawback: 'Refund clawback',
};

export function PayoutsPage({ partnerId }: { partnerId: string }) {
  const data = useQuery({ queryKey: ['partner-statements', partnerId], queryFn: () => request(PartnerStatementsDocument, { id: partnerId }) });
  if (data.isPending) return <Loading what="your payout statements" />;
  if (data.error) return <ErrorNotice error={data.error} />;
  const partner = data.data.partner;
  if (!partner) return <p>This partner organisation could not be found.</p>;
  const statements = [...partner.statements].sort((a, b) => (a.period < b.period ? 1 : -1));
  return (
    <>
      <h2>Payout statements</h2>
      {statements.length === 0 ? <p className="muted">No payout statements yet. Statements are computed after each month closes.</p> : null}
      {statements.map((s) => (
        <section key={s.id} className="panel" aria-labelledby={`statement-${s.id}`}>
          <div className="actions wrap">
            <h3 id={`statement-${s.id}`} className="grow">
              {monthLabel(s.period)}: {formatCents(s.totalCents)}
            </h3>
            <StatementCsvButton partnerId={partnerId} period={s.period} />
          </div>
          <p className="small muted">
            Commission {formatCents(s.commissionCents)} · adjustments {formatCents(s.adjustmentCents)} · computed {formatDate(s.computedAt)}
          </p>
          <details>
            <summary>
              {s.lines.length} {s.lines.length === 1 ? 'line' : 'lines'}
              {s.adjustments.length ? `, ${s.adjustments.length} adjustments` : ''}
            </summary>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Type</th>
                    <th scope="col">Payment</th>
                    <th scope="col">Amount</th>
                  </tr>
                </thead>
                <tbody>
                  {s.lines.map((l) => (
                    <tr key={`${l.externalId}-${l.type}`}>
                      <td>{formatDate(l.occurredAt)}</td>
                      <td>{LINE_TYPES[l.type] ?? l.type}</td>
                      <td>{formatCents(l.basisCents)}</td>
                      <td>{formatCents(l.amountCents)}</td>
                    </tr>
                  ))}
                  {s.adjustments.map((a) => (
                    <tr key={a.id}>
                      <td>—</td>
                      <td>Adjustment: {a.reason}</td>
                      <td>—</td>
                      <td>{formatCents(a.amountCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>
      ))}
      <ScorecardHistory scorecards={partner.scorecards} />
    </>
  );
}
