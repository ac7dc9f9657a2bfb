/**
 * One plugin version for its publisher: the state timeline, submitting for
 * certification, the certification report with each gate's logs, analytics
 * (installs, active installs, errors, versions in use) and deprecation.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ErrorNotice, formatDate, Loading, Notice, StateBadge } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { useSession } from '../session/session-context';
import { UsageChart } from '../usage/usage-chart';
import { SloPanel } from './slo-panel';
import { CertificationReportView } from './certification-report';
import { DeprecateForm } from './deprecate-form';

const VersionDocument = graphql(`
  query PluginVersion($id: ID!) {
    pluginVersion(id: $id) {
      id pluginId version state trustLevel changelog scopes hosts createdAt certifiedAt deprecatedAt deprecationMessage sunsetAt retiredAt securityCritical requiresReconsent compatibility
      analytics { installs activeInstalls }
      certification { id status startedAt finishedAt decisionNotes gates { gate status result logs durationMs } }
      listing {
        id name
        versions(first: 20) { edges { node { id version state analytics { installs activeInstalls } } } }
      }
    }
  }
`);
const SubmitDocument = graphql(`
  mutation SubmitVersion($versionId: ID!) {
    submitVersion(versionId: $versionId) { certificationStarted version { id state } }
  }
`);

export function VersionPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['version', id],
    queryFn: () => request(VersionDocument, { id }),
    // While the automated gates run, follow them.
    refetchInterval: (q) => (q.state.data?.pluginVersion?.certification?.status === 'RUNNING' || q.state.data?.pluginVersion?.state === 'SUBMITTED' ? 2000 : false),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['version', id] });
  const submit = useMutation({ mutationFn: () => request(SubmitDocument, { versionId: id }), onSuccess: refresh });

  if (query.isPending) return <Loading what="the version" />;
  if (query.error) return <ErrorNotice error={query.error} />;
  const v = query.data.pluginVersion;
  if (!v) return <Notice kind="info">This version was not found, or you cannot see it.</Notice>;
  const timeline = [
    { label: 'Published as a draft', at: v.createdAt },
    { label: 'Certification started', at: v.certification?.startedAt },
    { label: 'Automated checks finished', at: v.certification?.finishedAt },
    { label: 'Certified', at: v.certifiedAt },
    { label: `Deprecated${v.deprecationMessage ? `: ${v.deprecationMessage}` : ''}`, at: v.deprecatedAt },
    { label: 'Sunset', at: v.sunsetAt },
    { label: 'Retired', at: v.retiredAt },
  ].filter((e): e is { label: string; at: string } => Boolean(e.at));
  const isAdmin = session.viewer?.platformRole === 'ADMIN';

  return (
    <article aria-labelledby="version-title">
      <p className="small">
        <Link to="/developer">← Developer portal</Link> · <Link to={`/integrations/${encodeURIComponent(v.pluginId)}`}>Marketplace listing</Link>
      </p>
      <h1 id="version-title">
        {v.listing.name} {v.version} <StateBadge state={v.state} />
      </h1>
      <p className="changelog">{v.changelog}</p>

      {v.state === 'DRAFT' || v.state === 'REJECTED' ? (
        <div className="actions">
          <ErrorNotice error={submit.error} title="The version was not submitted." />
          <button type="button" className="primary" onClick={() => submit.mutate()} disabled={submit.isPending}>
            Submit for certification
          </button>
        </div>
      ) : null}
      {submit.data && !submit.data.submitVersion.certificationStarted ? (
        <Notice kind="info">Submitted. The automated checks start when the platform's certification sandbox is available.</Notice>
      ) : null}

      <div className="two-col">
        <section aria-labelledby="timeline-title" className="panel">
          <h2 id="timeline-title">Timeline</h2>
          <ol className="timeline">
            {timeline.map((e) => (
              <li key={e.label}>
                <strong>{e.label}</strong>
                <div className="small muted">{formatDate(e.at, true)}</div>
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="analytics-title" className="panel">
          <h2 id="analytics-title">Analytics</h2>
          <div className="kpis">
            <div className="kpi">
              <strong>{v.analytics?.installs ?? 0}</strong> installs
            </div>
            <div className="kpi">
              <strong>{v.analytics?.activeInstalls ?? 0}</strong> active installs
            </div>
          </div>
          <h3>Versions in use</h3>
          <table aria-label="Versions in use">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">State</th>
                <th scope="col">Installs</th>
                <th scope="col">Active</th>
              </tr>
            </thead>
            <tbody>
              {v.listing.versions.edges.map(({ node: o }) => (
                <tr key={o.id}>
                  <td>{o.version}</td>
                  <td>
                    <StateBadge state={o.state} />
                  </td>
                  <td>{o.analytics?.installs ?? 0}</td>
                  <td>{o.analytics?.activeInstalls ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      <section aria-labelledby="usage-title" className="panel">
        <h2 id="usage-title">Runs and errors (last 30 days)</h2>
        <UsageChart dimension="VERSION" id={v.id} />
      </section>

      <section aria-labelledby="slo-title" className="panel">
        <h2 id="slo-title">Service levels (last 30 days)</h2>
        <SloPanel versionId={v.id} />
      </section>

      <section aria-labelledby="cert-title" className="panel">
        <h2 id="cert-title">Certification report</h2>
        <CertificationReportView report={v.certification} />
      </section>

      {v.state === 'CERTIFIED' ? (
        <section aria-labelledby="deprecate-title" className="panel">
          <h2 id="deprecate-title">Deprecate this version</h2>
          <DeprecateForm versionId={v.id} version={v.version} allowSecurityCritical={isAdmin} onDone={refresh} />
        </section>
      ) : null}
    </article>
  );
}
