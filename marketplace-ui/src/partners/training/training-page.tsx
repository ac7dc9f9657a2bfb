/**
 * Training and certificates (GraphQL `trainingModules`, `partner {
 * certificates tierEligibility }`): each module with the viewer's
 * organisation's certificate state, the assessment, and the agency tier
 * requirements measured from real data.
 */
import { useQuery } from '@tanstack/react-query';
import { ErrorNotice, formatDate, Loading } from '../../components/status';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/generated';
import { TIER_LABELS, TRACK_LABELS } from '../partner-labels';
import { formatCents } from '../partner-money';
import { AssessmentForm } from './assessment-form';

const PartnerTrainingDocument = graphql(`
  query PartnerTraining($id: ID!) {
    trainingModules { id slug title track durationMinutes questions { prompt choices } }
    partner(id: $id) {
      id
      agencyTier
      certificates { id moduleId userId scoreBps issuedAt expiresAt expired }
      tierEligibility { tier eligible requirements { requirement required actual met } }
    }
  }
`);

/** The server states money requirements in cents ("≥ 1000000 cents"): show dollars. */
const readable = (text: string) => text.replace(/(-?\d+) cents/g, (_, cents: string) => formatCents(Number(cents)));

const REQUIREMENTS: Record<string, string> = {
  training_minutes: 'Training time',
  tracks: 'Certified tracks',
  assessment: 'Best assessment score',
  managed_accounts: 'Managed accounts',
  annual_revenue: 'Annual revenue',
  nps: 'Net promoter score',
};

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
      <h2>Agency tier requirements</h2>
      <p>
        {partner.agencyTier ? `Your approved tier: ${TIER_LABELS[partner.agencyTier]}. ` : 'Your organisation has no approved agency tier yet. '}
        Each tier below is measured from your organisation's data; the partner team reviews tier requests.
      </p>
      {partner.tierEligibility.map((t) => (
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
        </section>
      ))}
    </>
  );
}
