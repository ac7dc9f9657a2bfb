/**
 * Market development funds (GraphQL `partner { mdfAccruals mdfClaims mdfRoi }`):
 * the quarterly accruals, the claims with their review and reimbursement
 * dates, the fund's ROI against the program's target, the claim form, and
 * the results report for an approved claim.
 */
import { useQuery } from '@tanstack/react-query';
import { ErrorNotice, formatDate, Loading } from '../../components/status';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/generated';
import type { MdfClaimState } from '../../graphql/generated/graphql';
import { formatBps, formatCents } from '../partner-money';
import { MdfClaimForm } from './mdf-claim-form';
import { MdfResultsForm } from './mdf-results-form';

const PartnerMdfDocument = graphql(`
  query PartnerMdf($id: ID!) {
    partner(id: $id) {
      id
      mdfAccruals { quarter revenueCents rateBps amountCents }
      mdfClaims { id quarter category activity description amountCents state submittedAt reviewDueAt reviewOverdue reimbursementDueAt reimbursedAt }
      mdfRoi { spendCents revenueCents roi target meetsTarget }
    }
  }
`);

const CLAIM_STATES: Record<MdfClaimState, string> = { SUBMITTED: 'In review', APPROVED: 'Approved', REJECTED: 'Not approved', COMPLETED: 'Done, awaiting reimbursement', REIMBURSED: 'Reimbursed' };

export function MdfPage({ partnerId }: { partnerId: string }) {
  const data = useQuery({ queryKey: ['partner-mdf', partnerId], queryFn: () => request(PartnerMdfDocument, { id: partnerId }) });
  if (data.isPending) return <Loading what="your market development funds" />;
  if (data.error) return <ErrorNotice error={data.error} />;
  const partner = data.data.partner;
  if (!partner) return <p>This partner organisation could not be found.</p>;
  const roi = partner.mdfRoi;
  return (
    <>
      <h2>Market development funds</h2>
      <p>
        Spent {formatCents(roi.spendCents)}, attributed revenue {formatCents(roi.revenueCents)}:{' '}
        {roi.roi == null ? 'no ROI until funds are spent' : `ROI ${roi.roi.toFixed(1)} against a target of ${roi.target.toFixed(1)} (${roi.meetsTarget ? 'met' : 'not met yet'})`}.
      </p>
      <h3 id="mdf-accruals-title">Quarterly funds</h3>
      {partner.mdfAccruals.length === 0 ? (
        <p className="muted">No fund accrued yet. Funds accrue each quarter from your revenue and tier.</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby="mdf-accruals-title">
            <thead>
              <tr>
                <th scope="col">Quarter</th>
                <th scope="col">Partner revenue</th>
                <th scope="col">Rate</th>
                <th scope="col">Fund</th>
              </tr>
            </thead>
            <tbody>
              {partner.mdfAccruals.map((a) => (
                <tr key={a.quarter}>
                  <td>{a.quarter}</td>
                  <td>{formatCents(a.revenueCents)}</td>
                  <td>{formatBps(a.rateBps)}</td>
                  <td>{formatCents(a.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <MdfClaimForm partnerId={partnerId} onSubmitted={() => void data.refetch()} />
      <h3 id="mdf-claims-title">Your claims</h3>
      {partner.mdfClaims.length === 0 ? (
        <p className="muted">No claims yet.</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby="mdf-claims-title">
            <thead>
              <tr>
                <th scope="col">Quarter</th>
                <th scope="col">Activity</th>
                <th scope="col">Amount</th>
                <th scope="col">State</th>
                <th scope="col">Dates</th>
              </tr>
            </thead>
            <tbody>
              {partner.mdfClaims.map((c) => (
                <tr key={c.id}>
                  <td>{c.quarter}</td>
                  <td>
                    {c.activity}
                    <br />
                    <span className="small muted">{c.description}</span>
                  </td>
                  <td>{formatCents(c.amountCents)}</td>
                  <td>{CLAIM_STATES[c.state]}</td>
                  <td className="small">
                    Submitted {formatDate(c.submittedAt)}
                    {c.state === 'SUBMITTED' ? `; decision due ${formatDate(c.reviewDueAt)}${c.reviewOverdue ? ' (overdue)' : ''}` : ''}
                    {c.reimbursementDueAt && !c.reimbursedAt ? `; reimbursement due ${formatDate(c.reimbursementDueAt)}` : ''}
                    {c.reimbursedAt ? `; reimbursed ${formatDate(c.reimbursedAt)}` : ''}
                    {c.state === 'APPROVED' ? <MdfResultsForm claimId={c.id} activity={c.activity} onDone={() => void data.refetch()} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
