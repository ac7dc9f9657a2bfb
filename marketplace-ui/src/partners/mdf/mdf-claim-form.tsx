/**
 * An MDF claim: the quarter, an eligible activity (the program's list, by
 * category, from `Partner.programTerms`), a description and an amount in
 * whole cents; refusals (not eligible, over the category's share) in product
 * language (GraphQL `submitMdfClaim`).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Notice } from '../../components/status';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/generated';
import { MDF_CATEGORY_NAMES, PartnerErrorNotice } from '../partner-errors';
import { formatBps, parseDollars } from '../partner-money';

const MdfTermsDocument = graphql(`
  query PartnerProgramTermsForMdf($id: ID!) {
    partner(id: $id) { id programTerms { mdfCategories { category weightBps activities } mdfReviewBusinessDays mdfReimbursementDays } }
  }
`);

const SubmitMdfClaimDocument = graphql(`
  mutation SubmitMdfClaim($partnerId: ID!, $input: MdfClaimInput!) {
    submitMdfClaim(partnerId: $partnerId, input: $input) { id state reviewDueAt }
  }
`);

function currentQuarter(now = new Date()): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

export function MdfClaimForm({ partnerId, onSubmitted }: { partnerId: string; onSubmitted(): void }) {
  const id = useId();
  const terms = useQuery({ queryKey: ['partner-program-terms', 'mdf', partnerId], queryFn: () => request(MdfTermsDocument, { id: partnerId }) });
  const [quarter, setQuarter] = useState(currentQuarter);
  const [activity, setActivity] = useState('');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = useMutation({
    mutationFn: (input: { quarter: string; activity: string; description: string; amountCents: number }) => request(SubmitMdfClaimDocument, { partnerId, input }),
    onSuccess: () => {
      setDescription('');
      setAmount('');
      onSubmitted();
    },
  });
  const t = terms.data?.partner?.programTerms;
  return (
    <form
      className="panel stack narrow"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const amountCents = parseDollars(amount);
        if (!/^\d{4}-Q[1-4]$/.test(quarter.trim())) setProblem('Enter the quarter as YYYY-Qn, for example 2027-Q2.');
        else if (!activity) setProblem('Choose an eligible activity.');
        else if (!description.trim()) setProblem('Describe the activity.');
        else if (amountCents === undefined || amountCents <= 0) setProblem('Enter the amount in dollars, for example 2,500.');
        else {
          setProblem(null);
          submit.mutate({ quarter: quarter.trim(), activity, description: description.trim(), amountCents });
        }
      }}
    >
      <h3 id={`${id}-title`}>Claim funds</h3>
      {t ? (
        <p className="small muted">
          The partner team decides within {t.mdfReviewBusinessDays} business days; completed activities are reimbursed within {t.mdfReimbursementDays} days.
        </p>
      ) : null}
      <label className="field">
        <span>Quarter</span>
        <input value={quarter} onChange={(e) => setQuarter(e.target.value)} required />
      </label>
      <label className="field">
        <span>Activity</span>
        <select value={activity} onChange={(e) => setActivity(e.target.value)} required>
          <option value="">Choose an eligible activity</option>
          {(t?.mdfCategories ?? []).map((c) => (
            <optgroup key={c.category} label={`${MDF_CATEGORY_NAMES[c.category] ?? c.category} (up to ${formatBps(c.weightBps)} of the fund)`}>
              {c.activities.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Description</span>
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} required />
      </label>
      <label className="field">
        <span>Amount (USD)</span>
        <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} required />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={submit.isPending}>
          Submit claim
        </button>
      </div>
      <div aria-live="polite">
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        {submit.error ? <PartnerErrorNotice error={submit.error} /> : null}
        {submit.data && !submit.error ? <Notice kind="success">Claim submitted; the partner team will decide on it.</Notice> : null}
      </div>
    </form>
  );
}
