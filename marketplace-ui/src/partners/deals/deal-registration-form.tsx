/**
 * The deal registration form: labelled fields with their errors announced and
 * linked (aria-describedby), the first wrong field focused on submit, and the
 * outcome in product language — approved and protected, sent to review, or
 * refused with the reason (GraphQL `registerDeal`).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { formatDate, Notice } from '../../components/status';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/generated';
import { PartnerErrorNotice } from '../partner-errors';
import { formatCents } from '../partner-money';
import { validateDeal, type DealDraft, type DealErrors } from './deal-form';

const RegisterDealDocument = graphql(`
  mutation RegisterDeal($partnerId: ID!, $input: DealInput!) {
    registerDeal(partnerId: $partnerId, input: $input) { id customerDomain customerName amountCents state protectedUntil note }
  }
`);

const DealTermsDocument = graphql(`
  query PartnerProgramTermsForDeals($id: ID!) {
    partner(id: $id) { id programTerms { dealAutoApproveBelowCents dealProtectionDays } }
  }
`);

const EMPTY: DealDraft = { customerDomain: '', customerName: '', amount: '' };
const FIELDS: { key: keyof DealDraft; label: string; hint: string; inputMode?: 'decimal' }[] = [
  { key: 'customerDomain', label: 'Customer domain', hint: 'The website of the customer, for example brightside.example.' },
  { key: 'customerName', label: 'Customer name', hint: 'The company you are selling to.' },
  { key: 'amount', label: 'Expected deal value (USD)', hint: 'The first-year value, for example 8,500.', inputMode: 'decimal' },
];

export function DealRegistrationForm({ partnerId, onRegistered }: { partnerId: string; onRegistered(): void }) {
  const id = useId();
  const [draft, setDraft] = useState<DealDraft>(EMPTY);
  const [errors, setErrors] = useState<DealErrors>({});
  const refs = useRef<Partial<Record<keyof DealDraft, HTMLInputElement | null>>>({});
  const terms = useQuery({ queryKey: ['partner-program-terms', 'deals', partnerId], queryFn: () => request(DealTermsDocument, { id: partnerId }) });
  const register = useMutation({
    mutationFn: (input: { customerDomain: string; customerName: string; amountCents: number }) => request(RegisterDealDocument, { partnerId, input }),
    onSuccess: () => {
      setDraft(EMPTY);
      onRegistered();
    },
  });
  const t = terms.data?.partner?.programTerms;
  const deal = register.data?.registerDeal;
  return (
    <form
      className="panel stack narrow"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const checked = validateDeal(draft);
        setErrors(checked.errors);
        const first = FIELDS.find((f) => checked.errors[f.key]);
        if (first) refs.current[first.key]?.focus();
        else if (checked.input) register.mutate(checked.input);
      }}
    >
      <h3 id={`${id}-title`}>Register a deal</h3>
      <p className="small muted">
        {t
          ? `Deals under ${formatCents(t.dealAutoApproveBelowCents)} are approved at once; larger ones are reviewed by the partner team. An approved registration protects the customer for ${t.dealProtectionDays} days.`
          : 'Smaller deals are approved at once; larger ones are reviewed by the partner team.'}
      </p>
      {FIELDS.map((f) => (
        <label key={f.key} className="field">
          <span>{f.label}</span>
          <input
            ref={(el) => {
              refs.current[f.key] = el;
            }}
            name={f.key}
            value={draft[f.key]}
            inputMode={f.inputMode}
            required
            aria-invalid={errors[f.key] ? true : undefined}
            aria-describedby={`${id}-${f.key}-hint${errors[f.key] ? ` ${id}-${f.key}-error` : ''}`}
            onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
          />
          <small id={`${id}-${f.key}-hint`} className="muted">
            {f.hint}
          </small>
          {errors[f.key] ? (
            <p id={`${id}-${f.key}-error`} className="field-error">
              {errors[f.key]}
            </p>
          ) : null}
        </label>
      ))}
      <div className="actions">
        <button type="submit" className="primary" disabled={register.isPending}>
          {register.isPending ? 'Registering…' : 'Register deal'}
        </button>
      </div>
      <div aria-live="polite">
        {register.error ? <PartnerErrorNotice error={register.error} /> : null}
        {deal && !register.error ? (
          <Notice kind="success">
            {deal.state === 'APPROVED'
              ? `${deal.customerName} (${formatCents(deal.amountCents)}) is approved and protected until ${formatDate(deal.protectedUntil)}.`
              : `${deal.customerName} (${formatCents(deal.amountCents)}) is registered and waits for the partner team's review.`}
          </Notice>
        ) : null}
      </div>
    </form>
  );
}
