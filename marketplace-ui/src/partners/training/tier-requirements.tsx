/**
 * Agency tiers measured from the organisation's data (GraphQL `tierEligibility`),
 * with each tier's latest review and, for partner owners, a request for the
 * partner team to review a tier (`requestTierReview`).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatDate } from '../../components/status';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/generated';
import type { AgencyTier, ReviewState } from '../../graphql/generated/graphql';
import { PartnerErrorNotice } from '../partner-errors';
import { TIER_LABELS } from '../partner-labels';
import { formatCents } from '../partner-money';

const RequestTierReviewDocument = graphql(`
  mutation RequestTierReview($partnerId: ID!, $tier: AgencyTier!) {
    requestTierReview(partnerId: $partnerId, tier: $tier) { id tier state eligible }
  }
`);

const REQUIREMENTS: Record<string, string> = {
  training_minutes: 'Training time',
  tracks: 'Certified tracks',
  assessment: 'Best assessment score',
  managed_accounts: 'Managed accounts',
  annual_revenue: 'Annual revenue',
  nps: 'Net promoter score',
};
const REVIEW_STATES: Record<ReviewState, string> = { PENDING: 'in review', APPROVED: 'approved', REJECTED: 'not approved' };

/** The server states money requirements in cents ("≥ 1000000 cents"): show dollars. */
const readable = (text: string) => text.replace(/(-?\d+) cents/g, (_, cents: string) => formatCents(Number(cents)));

interface Evaluation {
  tier: AgencyTier;
  eligible: boolean;
  requirements: readonly { requirement: string; required: string; actual: string; met: boolean }[];
}
interface Review {
  id: string;
  tier: AgencyTier;
  state: ReviewState;
  requestedAt: string;
  decidedAt?: string | null;
  note?: string | null;
}

function TierReviewButton({ partnerId, tier, pending }: { partnerId: string; tier: AgencyTier; pending: boolean }) {
  const queryClient = useQueryClient();
  const ask = useMutation({
    mutationFn: () => request(RequestTierReviewDocument, { partnerId, tier }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['partner-training', partnerId] }),
  });
  return (
    <div className="actions wrap" aria-live="polite">
      <button type="button" onClick={() => ask.mutate()} disabled={pending || ask.isPending}>
        {pending ? 'Review requested' : `Ask the partner team to review the ${TIER_LABELS[tier]} tier`}
      </button>
      {ask.error ? <PartnerErrorNotice error={ask.error} /> : null}
    </div>
  );
}

export function TierRequirements({ partnerId, agencyTier, evaluations, reviews }: { partnerId: string; agencyTier: AgencyTier | null; evaluations: readonly Evaluation[]; reviews: readonly Review[] }) {
  const latest = (tier: AgencyTier) => [...reviews].filter((r) => r.tier === tier).sort((a, b) => (a.requestedAt < b.requestedAt ? 1 : -1))[0];
  return (
    <>
      <h2>Agency tier requirements</h2>
      <p>
        {agencyTier ? `Your approved tier: ${TIER_LABELS[agencyTier]}. ` : 'Your organisation has no approved agency tier yet. '}
        Each tier below is measured from your organisation's data; the partner team reviews tier requests.
      </p>
      {evaluations.map((t) => {
        const review = latest(t.tier);
        return (
          <section key={t.tier} className="panel" aria-label={`${TIER_LABELS[t.tier]} tier`}>
            <h3>
              {TIER_LABELS[t.tier]} {t.eligible ? <span className="badge badge-state-certified">Requirements met</span> : <span className="badge badge-state-pending">Not yet</span>}
            </h3>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Requirement</th>
                    <th scope="col">Needed</th>
                    <th scope="col">You have</th>
                    <th scope="col">Met</th>
                  </tr>
                </thead>
                <tbody>
                  {t.requirements.map((r) => (
                    <tr key={r.requirement}>
                      <td>{REQUIREMENTS[r.requirement] ?? r.requirement}</td>
                      <td>{readable(r.required)}</td>
                      <td>{readable(r.actual)}</td>
                      <td>{r.met ? 'Yes' : 'No'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {review ? (
              <p className="small">
                Latest review requested {formatDate(review.requestedAt)}: {REVIEW_STATES[review.state]}
                {review.decidedAt ? ` on ${formatDate(review.decidedAt)}` : ''}
                {review.note ? ` — ${review.note.replace(/\.$/, '')}` : ''}.
              </p>
            ) : null}
            {agencyTier !== t.tier ? <TierReviewButton partnerId={partnerId} tier={t.tier} pending={review?.state === 'PENDING'} /> : null}
          </section>
        );
      })}
    </>
  );
}
