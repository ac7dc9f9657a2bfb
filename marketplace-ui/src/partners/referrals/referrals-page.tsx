/**
 * Referral codes and links (GraphQL `partner { referralCodes referralTier
 * attributions }`, `createReferralCode`): the link to share, a copy button,
 * the referral tier earned and the customers attributed to the partner.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice, formatDate, Loading } from '../../components/status';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/generated';
import { REFERRAL_TIER_LABELS } from '../partner-labels';

const PartnerReferralsDocument = graphql(`
  query PartnerReferrals($id: ID!) {
    partner(id: $id) {
      id
      referralTier
      referralCodes { id code link createdAt }
      attributions { workspaceId touchedAt attributedAt }
    }
  }
`);

const CreateReferralCodeDocument = graphql(`
  mutation CreateReferralCode($partnerId: ID!) {
    createReferralCode(partnerId: $partnerId) { id code link createdAt }
  }
`);

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={label}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      {copied ? 'Copied' : 'Copy link'}
    </button>
  );
}

export function ReferralsPage({ partnerId }: { partnerId: string }) {
  const data = useQuery({ queryKey: ['partner-referrals', partnerId], queryFn: () => request(PartnerReferralsDocument, { id: partnerId }) });
  const create = useMutation({ mutationFn: () => request(CreateReferralCodeDocument, { partnerId }), onSuccess: () => void data.refetch() });
  if (data.isPending) return <Loading what="your referral links" />;
  if (data.error) return <ErrorNotice error={data.error} />;
  const partner = data.data.partner;
  if (!partner) return <p>This partner organisation could not be found.</p>;
  return (
    <>
      <h2>Referrals</h2>
      <p>
        Your referral tier: <strong>{REFERRAL_TIER_LABELS[partner.referralTier]}</strong>. A visit through your link is remembered by the platform for the
        attribution window; a signup in that window is attributed to you.
      </p>
      {partner.referralCodes.length === 0 ? <p className="muted">You have no referral link yet.</p> : null}
      <ul className="plain stack" aria-label="Referral links">
        {partner.referralCodes.map((c) => (
          <li key={c.id} className="panel referral-link">
            <span>
              Code <strong>{c.code}</strong>
            </span>
            <code>{c.link}</code>
            <CopyButton text={c.link} label={`Copy the link for code ${c.code}`} />
            <span className="small muted">created {formatDate(c.createdAt)}</span>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="primary" onClick={() => create.mutate()} disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create a referral link'}
        </button>
      </div>
      {create.error ? <ErrorNotice error={create.error} /> : null}
      <h3>Attributed customers</h3>
      {partner.attributions.length === 0 ? (
        <p className="muted">No signups are attributed to your links yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Workspace</th>
                <th scope="col">First visit</th>
                <th scope="col">Signed up</th>
              </tr>
            </thead>
            <tbody>
              {partner.attributions.map((a) => (
                <tr key={a.workspaceId}>
                  <td>
                    <code>{a.workspaceId.slice(0, 8)}</code>
                  </td>
                  <td>{formatDate(a.touchedAt)}</td>
                  <td>{formatDate(a.attributedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
