/**
 * Opens a support ticket for the partner team (GraphQL
 * `openPartnerSupportTicket`): a subject of up to 200 characters and a
 * message of up to 5,000, checked here first and refused by the API too.
 */
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Notice } from '../../components/status';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/generated';
import { PartnerErrorNotice } from '../partner-errors';

const OpenSupportTicketDocument = graphql(`
  mutation OpenPartnerSupportTicket($partnerId: ID!, $subject: String!, $body: String!) {
    openPartnerSupportTicket(partnerId: $partnerId, subject: $subject, body: $body) { id status }
  }
`);

export const SUBJECT_MAX = 200;
export const BODY_MAX = 5000;

export function SupportTicketForm({ partnerId, onOpened }: { partnerId: string; onOpened(): void }) {
  const id = useId();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const open = useMutation({
    mutationFn: (input: { subject: string; body: string }) => request(OpenSupportTicketDocument, { partnerId, ...input }),
    onSuccess: () => {
      setSubject('');
      setBody('');
      onOpened();
    },
  });
  return (
    <form
      className="panel stack narrow"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const s = subject.trim();
        const b = body.trim();
        if (!s) setProblem('Enter a subject.');
        else if (s.length > SUBJECT_MAX) setProblem(`Keep the subject to ${SUBJECT_MAX} characters or fewer.`);
        else if (!b) setProblem('Describe what you need help with.');
        else if (b.length > BODY_MAX) setProblem(`Keep the message to ${BODY_MAX.toLocaleString('en-US')} characters or fewer.`);
        else {
          setProblem(null);
          open.mutate({ subject: s, body: b });
        }
      }}
    >
      <h3 id={`${id}-title`}>Ask the partner team</h3>
      <label className="field">
        <span>Subject</span>
        <input value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={SUBJECT_MAX} required />
      </label>
      <label className="field">
        <span>Message</span>
        <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={4} maxLength={BODY_MAX} required />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={open.isPending}>
          Send to the partner team
        </button>
      </div>
      <div aria-live="polite">
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        {open.error ? <PartnerErrorNotice error={open.error} /> : null}
        {open.data && !open.error ? <Notice kind="success">Your question was sent; the partner team will answer here.</Notice> : null}
      </div>
    </form>
  );
}
