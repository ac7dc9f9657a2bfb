/**
 * The reviewer console: versions whose automated gates passed, oldest first,
 * with their check results; certify or reject with notes; and deprecating a
 * certified version with the policy-enforcing date picker (platform admins).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice, formatDate, Loading, Notice, StateBadge } from '../components/status';
import { CertificationReportView } from '../developer/certification-report';
import { DeprecateForm } from '../developer/deprecate-form';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { useSession } from '../session/session-context';

const QueueDocument = graphql(`
  query ReviewQueue {
    reviewQueue(first: 50) {
      edges {
        node {
          id version pluginId state changelog scopes hosts createdAt requiresReconsent compatibility
          listing { id name publisher { name verified } }
          certification { id status startedAt finishedAt decisionNotes gates { gate status result logs durationMs } }
        }
      }
    }
  }
`);
const CertifyDocument = graphql(`
  mutation CertifyVersion($versionId: ID!, $notes: String!) {
    certifyVersion(versionId: $versionId, notes: $notes) { version { id state } deprecatedByPolicy autoUpdated awaitingConsent }
  }
`);
const RejectDocument = graphql(`
  mutation RejectVersion($versionId: ID!, $notes: String!) {
    rejectVersion(versionId: $versionId, notes: $notes) { id state }
  }
`);
const CertifiedVersionsDocument = graphql(`
  query CertifiedVersions($id: ID!) {
    listing(id: $id) { id name versions(first: 20) { edges { node { id version state sunsetAt } } } }
  }
`);
const ListingIdsDocument = graphql(`
  query ListingIds {
    marketplace(first: 100, sort: NEWEST) { edges { node { id name } } }
  }
`);

function QueueItem({ item, onDecided }: { item: NonNullable<ReturnType<typeof useQueue>['data']>['reviewQueue']['edges'][number]['node']; onDecided(): void }) {
  const [notes, setNotes] = useState('');
  const certify = useMutation({ mutationFn: () => request(CertifyDocument, { versionId: item.id, notes }), onSuccess: onDecided });
  const reject = useMutation({ mutationFn: () => request(RejectDocument, { versionId: item.id, notes }), onSuccess: onDecided });
  const passed = item.certification?.gates.filter((g) => g.status === 'PASSED').length ?? 0;
  const total = item.certification?.gates.length ?? 0;
  return (
    <li className="panel">
      <h2>
        {item.listing.name} {item.version} <StateBadge state={item.state} />
      </h2>
      <p className="muted small">
        by {item.listing.publisher.name} · published {formatDate(item.createdAt)} · {passed} of {total} checks passed
        {item.requiresReconsent ? ' · asks for new permissions' : ''}
      </p>
      <p className="changelog">{item.changelog}</p>
      <p className="small">
        Scopes: {item.scopes.join(', ') || 'none'} · Hosts: {item.hosts.join(', ') || 'none'}
      </p>
      <CertificationReportView report={item.certification} />
      <form className="stack narrow" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>Review notes for {item.listing.name} {item.version}</span>
          <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} required />
        </label>
        <ErrorNotice error={certify.error ?? reject.error} title="The decision was not saved." />
        <div className="actions">
          <button type="button" className="primary" disabled={!notes.trim() || certify.isPending} onClick={() => certify.mutate()}>
            Certify
          </button>
          <button type="button" className="danger" disabled={!notes.trim() || reject.isPending} onClick={() => reject.mutate()}>
            Reject
          </button>
        </div>
      </form>
    </li>
  );
}

function useQueue() {
  return useQuery({ queryKey: ['review-queue'], queryFn: () => request(QueueDocument) });
}

function DeprecatePanel({ isAdmin }: { isAdmin: boolean }) {
  const [pluginId, setPluginId] = useState('');
  const [versionId, setVersionId] = useState('');
  const listings = useQuery({ queryKey: ['listing-ids'], queryFn: () => request(ListingIdsDocument) });
  const versions = useQuery({ queryKey: ['certified-versions', pluginId], queryFn: () => request(CertifiedVersionsDocument, { id: pluginId }), enabled: Boolean(pluginId) });
  const certified = versions.data?.listing?.versions.edges.map((e) => e.node).filter((v) => v.state === 'CERTIFIED') ?? [];
  const chosen = certified.find((v) => v.id === versionId);
  return (
    <section aria-labelledby="dep-title" className="panel">
      <h2 id="dep-title">Deprecate a version</h2>
      {!isAdmin ? <Notice kind="info">Only platform admins can deprecate another publisher's version; reviewers can prepare it here.</Notice> : null}
      <div className="two-col">
        <label className="field">
          <span>Integration</span>
          <select value={pluginId} onChange={(e) => (setPluginId(e.target.value), setVersionId(''))}>
            <option value="">Choose an integration</option>
            {listings.data?.marketplace.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Certified version</span>
          <select value={versionId} onChange={(e) => setVersionId(e.target.value)} disabled={!certified.length}>
            <option value="">Choose a version</option>
            {certified.map((v) => (
              <option key={v.id} value={v.id}>
                {v.version}
              </option>
            ))}
          </select>
        </label>
      </div>
      {chosen ? <DeprecateForm key={chosen.id} versionId={chosen.id} version={chosen.version} allowSecurityCritical={isAdmin} onDone={() => void versions.refetch()} /> : null}
    </section>
  );
}

export function ReviewerConsole() {
  const session = useSession();
  const queryClient = useQueryClient();
  const queue = useQueue();
  const role = session.viewer?.platformRole;
  if (role !== 'REVIEWER' && role !== 'ADMIN') return <Notice kind="info">The reviewer console is for the platform's reviewers.</Notice>;
  const items = queue.data?.reviewQueue.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title">Review queue</h1>
      <p className="lead">
        Versions whose automated checks passed, oldest first.{' '}
        {role === 'ADMIN' ? (
          <>
            See also the <Link to="/reviewer/audit">audit log</Link>.
          </>
        ) : null}
      </p>
      <ErrorNotice error={queue.error} />
      {queue.isPending ? <Loading what="the queue" /> : null}
      {!queue.isPending && items.length === 0 ? <p className="muted">Nothing waits for review.</p> : null}
      <ul className="reviews" aria-label="Versions awaiting review">
        {items.map((item) => (
          <QueueItem key={item.id} item={item} onDecided={() => void queryClient.invalidateQueries({ queryKey: ['review-queue'] })} />
        ))}
      </ul>
      <DeprecatePanel isAdmin={role === 'ADMIN'} />
    </section>
  );
}
