/**
 * Deal registration (GraphQL `registerDeal`, `partner { deals }`): the form,
 * what happened to the last registration, and every registration with its
 * state — approved and protected until a date, in manual review, not
 * approved with the reviewer's note, or with its protection ended.
 */
import { useQuery } from '@tanstack/react-query';
import { ErrorNotice, formatDate, Loading } from '../../components/status';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/generated';
import { DEAL_STATE_LABELS } from '../partner-labels';
import { formatCents } from '../partner-money';
import { DealRegistrationForm } from './deal-registration-form';

const PartnerDealsDocument = graphql(`
  query PartnerDeals($id: ID!) {
    partner(id: $id) {
      id
      deals { id customerDomain customerName amountCents state submittedAt decidedAt protectedUntil note }
    }
  }
`);

export function DealsPage({ partnerId }: { partnerId: string }) {
  const deals = useQuery({ queryKey: ['partner-deals', partnerId], queryFn: () => request(PartnerDealsDocument, { id: partnerId }) });
  return (
    <>
      <h2>Deal registration</h2>
      <DealRegistrationForm partnerId={partnerId} onRegistered={() => void deals.refetch()} />
      <h3 id="deal-list-title">Your registrations</h3>
      {deals.isPending ? (
        <Loading what="your registrations" />
      ) : deals.error ? (
        <ErrorNotice error={deals.error} />
      ) : !deals.data.partner || deals.data.partner.deals.length === 0 ? (
        <p className="muted">You have not registered a deal yet.</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby="deal-list-title">
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Value</th>
                <th scope="col">Submitted</th>
                <th scope="col">State</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {[...deals.data.partner.deals]
                .sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : -1))
                .map((d) => (
                  <tr key={d.id}>
                    <td>
                      {d.customerName}
                      <br />
                      <span className="small muted">{d.customerDomain}</span>
                    </td>
                    <td>{formatCents(d.amountCents)}</td>
                    <td>{formatDate(d.submittedAt)}</td>
                    <td>
                      <span className={`badge badge-deal-${d.state.toLowerCase()}`}>{DEAL_STATE_LABELS[d.state]}</span>
                    </td>
                    <td>
                      {d.state === 'APPROVED' && d.protectedUntil ? <>Protected until {formatDate(d.protectedUntil)}. </> : null}
                      {d.state === 'PENDING_REVIEW' ? <>The partner team reviews larger deals before they are protected. </> : null}
                      {d.state === 'EXPIRED' && d.protectedUntil ? <>Protection ended {formatDate(d.protectedUntil)}. </> : null}
                      {d.note ? <span className={d.state === 'REJECTED' ? '' : 'muted'}>{d.state === 'REJECTED' ? `Reason: ${d.note}` : d.note}</span> : null}
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
