/**
 * Reporting an approved MDF claim's activity as done, with its results; the
 * reimbursement is then due (GraphQL `completeMdfClaim`).
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/generated';
import { PartnerErrorNotice } from '../partner-errors';
import { parseDollars } from '../partner-money';

const CompleteMdfClaimDocument = graphql(`
  mutation CompleteMdfClaim($id: ID!, $results: MdfResultsInput!) {
    completeMdfClaim(id: $id, results: $results) { id state reimbursementDueAt }
  }
`);

const COUNTS = [
  { key: 'leads', label: 'Leads' },
  { key: 'opportunities', label: 'Opportunities' },
  { key: 'customersAcquired', label: 'Customers acquired' },
] as const;
const AMOUNTS = [
  { key: 'pipeline', label: 'Pipeline (USD)' },
  { key: 'revenue', label: 'Attributed revenue (USD)' },
] as const;
type Key = (typeof COUNTS)[number]['key'] | (typeof AMOUNTS)[number]['key'];

export function MdfResultsForm({ claimId, activity, onDone }: { claimId: string; activity: string; onDone(): void }) {
  const [values, setValues] = useState<Record<Key, string>>({ leads: '0', opportunities: '0', customersAcquired: '0', pipeline: '0', revenue: '0' });
  const [problem, setProblem] = useState<string | null>(null);
  const complete = useMutation({
    mutationFn: (results: { leads: number; opportunities: number; customersAcquired: number; pipelineCents: number; attributedRevenueCents: number }) => request(CompleteMdfClaimDocument, { id: claimId, results }),
    onSuccess: onDone,
  });
  const field = (key: Key, label: string, inputMode: 'numeric' | 'decimal') => (
    <label key={key} className="field">
      <span>{label}</span>
      <input inputMode={inputMode} value={values[key]} onChange={(e) => setValues({ ...values, [key]: e.target.value })} />
    </label>
  );
  return (
    <details>
      <summary>Report results for {activity}</summary>
      <form
        className="filters"
        aria-label={`Results for ${activity}`}
        onSubmit={(e) => {
          e.preventDefault();
          const counts = COUNTS.map((c) => (/^\d{1,7}$/.test(values[c.key].trim()) ? Number(values[c.key].trim()) : undefined));
          const pipelineCents = parseDollars(values.pipeline);
          const attributedRevenueCents = parseDollars(values.revenue);
          if (counts.some((c) => c === undefined)) return setProblem('Enter whole numbers of leads, opportunities and customers.');
          if (pipelineCents === undefined || attributedRevenueCents === undefined) return setProblem('Enter the pipeline and revenue in dollars, for example 12,000.');
          setProblem(null);
          complete.mutate({ leads: counts[0]!, opportunities: counts[1]!, customersAcquired: counts[2]!, pipelineCents, attributedRevenueCents });
        }}
      >
        {COUNTS.map((c) => field(c.key, c.label, 'numeric'))}
        {AMOUNTS.map((a) => field(a.key, a.label, 'decimal'))}
        <button type="submit" className="primary" disabled={complete.isPending}>
          Mark as done
        </button>
        <div aria-live="polite" className="grow">
          {problem ? (
            <p className="field-error" role="alert">
              {problem}
            </p>
          ) : null}
          {complete.error ? <PartnerErrorNotice error={complete.error} /> : null}
        </div>
      </form>
    </details>
  );
}
