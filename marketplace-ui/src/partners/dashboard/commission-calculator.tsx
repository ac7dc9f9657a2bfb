/**
 * The commission calculator: pick a tier and enter revenue (or closed deals
 * for the per-deal bounty); the commission is computed in integer cents with
 * the program's configured rates (GraphQL `Partner.programTerms`).
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ErrorNotice, Loading } from '../../components/status';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/generated';
import { applyBps, formatBps, formatCents, parseDollars } from '../partner-money';
import { calculatorTiers } from './commission-rates';

const ProgramTermsDocument = graphql(`
  query PartnerProgramTermsForCalculator($id: ID!) {
    partner(id: $id) {
      id
      programTerms {
        agencyTiers { tier commissionBps }
        referralBountyCents
        referralProfessionalBps
        referralProfessionalMonths
        referralStrategicBps
      }
    }
  }
`);

export function CommissionCalculator({ partnerId, initialTier }: { partnerId: string; initialTier?: string }) {
  const rates = useQuery({ queryKey: ['partner-program-terms', 'calculator', partnerId], queryFn: () => request(ProgramTermsDocument, { id: partnerId }) });
  const [tierId, setTierId] = useState(initialTier ?? 'agency-certified');
  const [revenue, setRevenue] = useState('10,000');
  const [deals, setDeals] = useState('1');
  const id = useId();
  if (rates.isPending) return <Loading what="the commission rates" />;
  if (rates.error) return <ErrorNotice error={rates.error} title="The commission calculator is not available." />;
  const terms = rates.data.partner?.programTerms;
  if (!terms) return null;
  const tiers = calculatorTiers(terms);
  const tier = tiers.find((t) => t.id === tierId) ?? tiers[0]!;
  const revenueCents = parseDollars(revenue);
  const dealCount = /^\d{1,4}$/.test(deals.trim()) ? Number(deals.trim()) : undefined;
  const result = tier.kind === 'rate' ? (revenueCents === undefined ? undefined : applyBps(revenueCents, tier.bps)) : dealCount === undefined ? undefined : tier.cents * dealCount;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Commission calculator</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label className="field grow">
          <span>Tier</span>
          <select value={tier.id} onChange={(e) => setTierId(e.target.value)}>
            {tiers.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        {tier.kind === 'rate' ? (
          <label className="field">
            <span>Customer revenue (USD)</span>
            <input inputMode="decimal" value={revenue} onChange={(e) => setRevenue(e.target.value)} aria-invalid={revenueCents === undefined} aria-describedby={`${id}-help`} />
          </label>
        ) : (
          <label className="field">
            <span>Closed deals</span>
            <input inputMode="numeric" value={deals} onChange={(e) => setDeals(e.target.value)} aria-invalid={dealCount === undefined} aria-describedby={`${id}-help`} />
          </label>
        )}
      </form>
      <p id={`${id}-help`} className="small muted">
        {tier.kind === 'rate' ? `Enter an amount in dollars, for example 12,500.00. The rate is ${formatBps(tier.bps)}.` : `Enter a whole number of deals. Each earns ${formatCents(tier.cents)} after the customer's first payment.`}
      </p>
      <p aria-live="polite" role="status">
        {result === undefined ? (
          <span className="field-error">Enter a valid {tier.kind === 'rate' ? 'amount' : 'number of deals'} to see the commission.</span>
        ) : (
          <>
            Commission: <output className="calculator-result">{formatCents(result)}</output>
          </>
        )}
      </p>
      <p className="small muted">Rates are the program's current settings; payouts are computed monthly from recorded payments.</p>
    </section>
  );
}
