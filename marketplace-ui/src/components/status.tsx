/**
 * Small shared pieces of every screen: loading and error notices, trust and
 * state badges, and dates in the reader's locale.
 */
import type { ReactNode } from 'react';
import { describeError } from '../graphql/api-error';
import type { InstallationState, TrustLevel, VersionState } from '../graphql/generated/graphql';

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const described = describeError(error);
  return (
    <div className="notice notice-error" role="alert">
      <strong>{title ?? described.title}</strong>
      {title ? <p>{described.title}</p> : null}
      {described.detail ? <p>{described.detail}</p> : null}
    </div>
  );
}

export function Notice({ kind, children }: { kind: 'info' | 'warning' | 'success'; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'warning' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

const TRUST_LABELS: Record<TrustLevel, string> = { CERTIFIED: 'Certified', VERIFIED_PUBLISHER: 'Verified publisher', COMMUNITY: 'Community' };

export function TrustBadge({ level }: { level: TrustLevel }) {
  return (
    <span className={`badge badge-trust-${level.toLowerCase()}`} title={`Trust level: ${TRUST_LABELS[level]}`}>
      {level === 'CERTIFIED' ? '✔ ' : ''}
      {TRUST_LABELS[level]}
    </span>
  );
}

const STATE_LABELS: Record<VersionState | InstallationState, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  IN_REVIEW: 'In review',
  CERTIFIED: 'Certified',
  REJECTED: 'Rejected',
  DEPRECATED: 'Deprecated',
  RETIRED: 'Retired',
  PENDING: 'Setup pending',
  ACTIVE: 'Active',
  DISABLED: 'Paused',
  PAUSED: 'Paused by the platform',
  NEEDS_REAUTH: 'Needs reconnection',
  UNINSTALLED: 'Uninstalled',
};

export function StateBadge({ state }: { state: VersionState | InstallationState }) {
  return <span className={`badge badge-state-${state.toLowerCase()}`}>{STATE_LABELS[state]}</span>;
}

export function formatDate(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return withTime ? d.toLocaleString() : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function Stars({ rating, count }: { rating: number | null | undefined; count: number }) {
  if (rating == null) return <span className="muted">No ratings yet</span>;
  return (
    <span aria-label={`Rated ${rating.toFixed(1)} out of 5 by ${count} ${count === 1 ? 'person' : 'people'}`}>
      <span aria-hidden="true">{'★'.repeat(Math.round(rating)) + '☆'.repeat(5 - Math.round(rating))}</span> {rating.toFixed(1)} ({count})
    </span>
  );
}
