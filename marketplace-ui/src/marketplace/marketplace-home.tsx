/**
 * The marketplace home: search, category, kind and trust filters, sort, trust
 * badges and popularity, with cursor pagination.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PluginIcon } from '../components/plugin-icon';
import { ErrorNotice, Loading, Stars, TrustBadge } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { ListingSort, PluginKind } from '../graphql/generated/graphql';

const MarketplaceDocument = graphql(`
  query Marketplace($search: String, $filter: ListingFilter, $sort: ListingSort, $after: String) {
    marketplace(search: $search, filter: $filter, sort: $sort, first: 24, after: $after) {
      edges {
        node {
          id name description kind categories iconUrl authType trustLevel certification installCount rating ratingCount
          publisher { name verified }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const CategoriesDocument = graphql(`
  query Categories {
    categories
  }
`);

const KINDS: { value: PluginKind; label: string }[] = [
  { value: 'NATIVE', label: 'Native' },
  { value: 'API', label: 'API' },
  { value: 'CONNECTOR', label: 'Connector' },
];

export const KIND_LABELS: Record<PluginKind, string> = { NATIVE: 'Native', API: 'API', CONNECTOR: 'Connector' };

export function MarketplaceHome() {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const kinds = params.getAll('kind') as PluginKind[];
  const certifiedOnly = params.get('certified') === '1';
  const sort = (params.get('sort') as ListingSort | null) ?? 'POPULARITY';
  const [draft, setDraft] = useState(search);

  const categories = useQuery({ queryKey: ['categories'], queryFn: () => request(CategoriesDocument) });
  const filter = {
    ...(kinds.length ? { kind: kinds } : {}),
    ...(category ? { category } : {}),
    ...(certifiedOnly ? { trustLevel: ['CERTIFIED' as const] } : {}),
  };
  const listings = useInfiniteQuery({
    queryKey: ['marketplace', search, filter, sort],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => request(MarketplaceDocument, { search: search || null, filter, sort, after: pageParam }),
    getNextPageParam: (last) => (last.marketplace.pageInfo.hasNextPage ? last.marketplace.pageInfo.endCursor : null),
  });

  const update = (change: (p: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next, { replace: true });
  };
  const nodes = listings.data?.pages.flatMap((p) => p.marketplace.edges.map((e) => e.node)) ?? [];

  return (
    <section aria-labelledby="marketplace-title">
      <h1 id="marketplace-title">Integrations</h1>
      <p className="lead">Connect NudgeCampaign to the tools your store already uses. Setup takes under a minute.</p>
      <form
        role="search"
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          update((p) => (draft ? p.set('q', draft) : p.delete('q')));
        }}
      >
        <label className="field grow">
          <span>Search integrations</span>
          <input type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Shopify, CRM, forms…" />
        </label>
        <button type="submit">Search</button>
        <label className="field">
          <span>Category</span>
          <select value={category} onChange={(e) => update((p) => (e.target.value ? p.set('category', e.target.value) : p.delete('category')))}>
            <option value="">All categories</option>
            {categories.data?.categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Sort by</span>
          <select value={sort} onChange={(e) => update((p) => p.set('sort', e.target.value))}>
            <option value="POPULARITY">Most popular</option>
            <option value="NEWEST">Newest</option>
            <option value="RATING">Highest rated</option>
          </select>
        </label>
        <fieldset className="chips">
          <legend>Kind</legend>
          {KINDS.map((k) => (
            <label key={k.value} className="chip">
              <input
                type="checkbox"
                checked={kinds.includes(k.value)}
                onChange={(e) =>
                  update((p) => {
                    const next = e.target.checked ? [...kinds, k.value] : kinds.filter((x) => x !== k.value);
                    p.delete('kind');
                    next.forEach((x) => p.append('kind', x));
                  })
                }
              />
              {k.label}
            </label>
          ))}
          <label className="chip">
            <input type="checkbox" checked={certifiedOnly} onChange={(e) => update((p) => (e.target.checked ? p.set('certified', '1') : p.delete('certified')))} />
            Certified only
          </label>
        </fieldset>
      </form>

      <ErrorNotice error={listings.error} />
      {listings.isPending ? <Loading what="integrations" /> : null}
      {!listings.isPending && nodes.length === 0 && !listings.error ? <p>No integrations match. Try another search or clear the filters.</p> : null}
      <ul className="card-grid" aria-label="Integrations">
        {nodes.map((l) => (
          <li key={l.id} className="card listing-card">
            <div className="card-head">
              <PluginIcon name={l.name} src={l.iconUrl} />
              <div>
                <h2>
                  <Link to={`/integrations/${encodeURIComponent(l.id)}`}>{l.name}</Link>
                </h2>
                <p className="muted small">
                  by {l.publisher.name}
                  {l.publisher.verified ? ' (verified)' : ''} · {KIND_LABELS[l.kind]}
                </p>
              </div>
            </div>
            <p className="description">{l.description}</p>
            <div className="card-foot">
              <TrustBadge level={l.trustLevel} />
              <span className="small" title="Active installations">
                {l.installCount.toLocaleString()} {l.installCount === 1 ? 'install' : 'installs'}
              </span>
              <span className="small">
                <Stars rating={l.rating} count={l.ratingCount} />
              </span>
            </div>
          </li>
        ))}
      </ul>
      {listings.hasNextPage ? (
        <button type="button" onClick={() => void listings.fetchNextPage()} disabled={listings.isFetchingNextPage}>
          {listings.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </button>
      ) : null}
    </section>
  );
}
