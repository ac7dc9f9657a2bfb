/**
 * Training and certificates (GraphQL `trainingModules`, `partner {
 * certificates tierEligibility tierReviews }`): each module with the
 * organisation's certificate state, the assessment, and the agency tier
 * requirements measured from real data with tier review requests.
 */
import { useQuery } from '@tanstack/react-query';
import { ErrorNotice, formatDate, Loading } from '../../components/status';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/generated';
import { TRACK_LABELS } from '../partner-labels';
import { AssessmentForm } from './assessment-form';
import { TierRequirements } from './tier-requirements';

const PartnerTrainingDocument = graphql(`
  query PartnerTraining($id: ID!) {
    trainingModules { id slug title track durationMinutes questions { prompt choices } }
    partner(id: $id) {
      id
      agencyTier
      certificates { id moduleId userId scoreBps issuedAt expiresAt expired }
      tierEligibility { tier eligible requirements { requirement required actual met } }
      tierReviews { id tier state requestedAt decidedAt note }
    }
  }
`);

export function TrainingPage({ partnerId }: { partnerId: string }) {
  const data = useQuery({ queryKey: ['partner-training', partnerId], queryFn: () => request(PartnerTrainingDocument, { id: partnerId }) });
  if (data.isPending) return <Loading what="training" />;
  if (data.error) return <ErrorNotice error={data.error} />;
  const { trainingModules, partner } = data.data;
  if (!partner) return <p>This partner organisation could not be found.</p>;
  const valid = (moduleId: string) => partner.certificates.filter((c) => c.moduleId === moduleId && !c.expired).sort((a, b) => (a.expiresAt < b.expiresAt ? 1 : -1))[0];
  return (
    <>
      <h2>Training and certificates</h2>
      {trainingModules.length === 0 ? <p className="muted">No training modules are published yet.</p> : null}
      <ul className="plain stack" aria-label="Training modules">
        {trainingModules.map((m) => {
          const cert = valid(m.id);
          return (
            <li key={m.id} className="panel">
              <h3>{m.title}</h3>
              <p className="small muted">
                {TRACK_LABELS[m.track]} track · {Math.round(m.durationMinutes / 6) / 10} h · {m.questions.length} questions
              </p>
              {cert ? (
                <p>
                  <span className="badge badge-state-certified">Certified</span> Score {cert.scoreBps / 100} %, valid until {formatDate(cert.expiresAt)}.
                </p>
              ) : (
                <p>No valid certificate in your organisation yet.</p>
              )}
              {m.questions.length > 0 ? <AssessmentForm partnerId={partnerId} module={m} /> : null}
            </li>
          );
        })}
      </ul>
      <TierRequirements partnerId={partnerId} agencyTier={partner.agencyTier ?? null} evaluations={partner.tierEligibility} reviews={partner.tierReviews} />
    </>
  );
}
