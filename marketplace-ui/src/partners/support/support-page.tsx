/**
 * Support (GraphQL `partner { supportTickets }`): the partner's questions to
 * the partner team with their answers, newest first, a way to close one
 * that is settled, and the form to ask a new one.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorNotice, formatDate, Loading } from '../../components/status';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/generated';
import type { SupportTicketStatus } from '../../graphql/generated/graphql';
import { PartnerErrorNotice } from '../partner-errors';
import { SupportTicketForm } from './support-ticket-form';

const PartnerSupportDocument = graphql(`
  query PartnerSupportTickets($id: ID!) {
    partner(id: $id) {
      id
      supportTickets { id subject body status answer createdAt closedAt }
    }
  }
`);

const ClosePartnerSupportTicketDocument = graphql(`
  mutation ClosePartnerSupportTicket($id: ID!) {
    closePartnerSupportTicket(id: $id) { id status closedAt }
  }
`);

export const TICKET_STATUS_LABELS: Record<SupportTicketStatus, string> = { OPEN: 'Waiting for an answer', ANSWERED: 'Answered', CLOSED: 'Closed' };

export function SupportPage({ partnerId }: { partnerId: string }) {
  const client = useQueryClient();
  const data = useQuery({ queryKey: ['partner-support', partnerId], queryFn: () => request(PartnerSupportDocument, { id: partnerId }) });
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['partner-support', partnerId] }), client.invalidateQueries({ queryKey: ['partner-dashboard', partnerId] })]);
  const close = useMutation({ mutationFn: (id: string) => request(ClosePartnerSupportTicketDocument, { id }), onSuccess: refresh });
  if (data.isPending) return <Loading what="your support tickets" />;
  if (data.error) return <ErrorNotice error={data.error} />;
  const partner = data.data.partner;
  if (!partner) return <p>This partner organisation could not be found.</p>;
  return (
    <>
      <h2>Support</h2>
      <p>Questions about the program, payouts or your customers go to the partner team, who answer here.</p>
      <SupportTicketForm partnerId={partnerId} onOpened={() => void refresh()} />
      <h3 id="support-tickets-title">Your tickets</h3>
      {close.error ? <PartnerErrorNotice error={close.error} /> : null}
      {partner.supportTickets.length === 0 ? (
        <p className="muted">No tickets yet.</p>
      ) : (
        <ul className="stack" aria-labelledby="support-tickets-title">
          {partner.supportTickets.map((t) => (
            <li key={t.id} className="panel">
              <article aria-label={t.subject}>
                <h4>{t.subject}</h4>
                <p className="small muted">
                  {TICKET_STATUS_LABELS[t.status]} · opened {formatDate(t.createdAt)}
                  {t.closedAt ? ` · closed ${formatDate(t.closedAt)}` : ''}
                </p>
                <p>{t.body}</p>
                {t.answer ? (
                  <blockquote aria-label="Answer from the partner team">
                    <p>{t.answer}</p>
                  </blockquote>
                ) : null}
                {t.status !== 'CLOSED' ? (
                  <button type="button" disabled={close.isPending} onClick={() => close.mutate(t.id)}>
                    Close ticket
                  </button>
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
