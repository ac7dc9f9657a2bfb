/**
 * One integration: description, the scopes and hosts it asks for, versions
 * with their changelog, certification status, deprecation notices, ratings and
 * reviews, and the way into the install wizard.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PluginIcon } from '../components/plugin-icon';
import { ErrorNotice, formatDate, Loading, Notice, StateBadge, Stars, TrustBadge } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { useSession } from '../session/session-context';
import { KIND_LABELS } from './marketplace-home';
import { PermissionList } from './permission-list';

const ListingDocument = graphql(`
  query Listing($id: ID!) {
    listing(id: $id) {
      id name description kind categories iconUrl authType trustLevel certification installCount rating ratingCount scopes hosts
      publisher { name verified website }
      latestVersion { id version state deprecationMessage sunsetAt }
      versions(first: 20) {
        edges { node { id version state trustLevel changelog createdAt certifiedAt deprecatedAt deprecationMessage sunsetAt securityCritical } }
      }
      reviews(first: 20) {
        edges { node { id rating body authorName createdAt } }
      }
    }
  }
`);

const ReviewDocument = graphql(`
  mutation ReviewPlugin($pluginId: ID!, $rating: Int!, $body: String) {
    reviewPlugin(pluginId: $pluginId, rating: $rating, body: $body) { id }
  }
`);

const AUTH_LABELS = { OAUTH2: 'Sign in with the provider (OAuth)', API_KEY: 'API key', BASIC: 'Username and password', NONE: 'No account needed' } as const;

export function ListingPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const queryClient = useQueryClient();
  const listing = useQuery({ queryKey: ['listing', id], queryFn: () => request(ListingDocument, { id }) });
  const [rating, setRating] = useState(5);
  const [body, setBody] = useState('');
  const review = useMutation({
    mutationFn: () => request(ReviewDocument, { pluginId: id, rating, body: body || null }),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: ['listing', id] });
    },
  });

  if (listing.isPending) return <Loading what="the integration" />;
  if (listing.error) return <ErrorNotice error={listing.error} />;
  const l = listing.data.listing;
  if (!l) return <Notice kind="info">This integration is not listed. It may not be certified yet, or it was removed.</Notice>;
  const deprecated = l.versions.edges.map((e) => e.node).filter((v) => v.state === 'DEPRECATED');
  const latest = l.latestVersion;

  return (
    <article aria-labelledby="listing-title" className="listing">
      <header className="listing-head">
        <PluginIcon name={l.name} src={l.iconUrl} size={72} />
        <div className="grow">
          <h1 id="listing-title">{l.name}</h1>
          <p className="muted">
            by {l.publisher.name}
            {l.publisher.verified ? ' (verified publisher)' : ''} · {KIND_LABELS[l.kind]} · {l.categories.join(', ')}
          </p>
          <p className="badges">
            <TrustBadge level={l.trustLevel} /> <StateBadge state={l.certification} /> <Stars rating={l.rating} count={l.ratingCount} /> ·{' '}
            {l.installCount.toLocaleString()} installs
          </p>
        </div>
        {latest && latest.state !== 'RETIRED' ? (
          session.viewer ? (
            <Link className="button primary" to={`/integrations/${encodeURIComponent(l.id)}/install`}>
              Install {l.name}
            </Link>
          ) : (
            <Link className="button primary" to={`/login?next=${encodeURIComponent(`/integrations/${l.id}/install`)}`}>
              Sign in to install
            </Link>
          )
        ) : null}
      </header>

      {deprecated.map((v) => (
        <Notice key={v.id} kind="warning">
          <strong>
            Version {v.version} is deprecated{v.sunsetAt ? ` and stops working on ${formatDate(v.sunsetAt)}` : ''}.
          </strong>{' '}
          {v.deprecationMessage}
          {v.securityCritical ? ' This is a security fix: move soon.' : ''}
        </Notice>
      ))}

      <section aria-labelledby="about">
        <h2 id="about">About</h2>
        <p>{l.description}</p>
        <p>
          Connects with: <strong>{AUTH_LABELS[l.authType]}</strong>
        </p>
      </section>

      <PermissionList scopes={l.scopes} hosts={l.hosts} />

      <section aria-labelledby="versions">
        <h2 id="versions">Versions and changelog</h2>
        <ol className="timeline">
          {l.versions.edges.map(({ node: v }) => (
            <li key={v.id}>
              <p>
                <strong>{v.version}</strong> <StateBadge state={v.state} /> <span className="muted small">published {formatDate(v.createdAt)}</span>
                {v.certifiedAt ? <span className="muted small"> · certified {formatDate(v.certifiedAt)}</span> : null}
              </p>
              <p className="changelog">{v.changelog || 'No changelog.'}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="reviews">
        <h2 id="reviews">Ratings and reviews</h2>
        {l.reviews.edges.length === 0 ? <p className="muted">No reviews yet.</p> : null}
        <ul className="reviews">
          {l.reviews.edges.map(({ node: r }) => (
            <li key={r.id}>
              <Stars rating={r.rating} count={1} /> <strong>{r.authorName}</strong> <span className="muted small">{formatDate(r.createdAt)}</span>
              {r.body ? <p>{r.body}</p> : null}
            </li>
          ))}
        </ul>
        {session.viewer ? (
          <form
            className="stack narrow"
            onSubmit={(e) => {
              e.preventDefault();
              review.mutate();
            }}
          >
            <h3>Write a review</h3>
            <label className="field">
              <span>Rating</span>
              <select value={rating} onChange={(e) => setRating(Number(e.target.value))}>
                {[5, 4, 3, 2, 1].map((n) => (
                  <option key={n} value={n}>
                    {n} {n === 1 ? 'star' : 'stars'}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Your review (optional)</span>
              <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={3} maxLength={2000} />
            </label>
            <ErrorNotice error={review.error} />
            <button type="submit" disabled={review.isPending}>
              Post review
            </button>
          </form>
        ) : null}
      </section>
    </article>
  );
}
