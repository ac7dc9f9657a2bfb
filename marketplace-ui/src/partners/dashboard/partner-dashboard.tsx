/**
 * The partner dashboard (GraphQL `partner { dashboard … }`): revenue generated,
 * customers managed, commission earned, training progress and support tickets
 * as tiles, then the charts and the commission calculator. A number the API
 * does not offer says so instead of showing a guess.
 */
import { useQuery } from '@tanstack/react-query';
import { ErrorNotice, Loading } from '../../components/status';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/generated';
import { formatCents } from '../partner-money';
import { CommissionCalculator } from './commission-calculator';
import { CustomerGrowthChart, LeaderboardPanel, MoneyTrendChart } from './partner-charts';

const PartnerDashboardDocument = graphql(`
  query PartnerDashboard($id: ID!) {
    partner(id: $id) {
      id
      name
      agencyTier
      dashboard {
        revenueGeneratedCents
        customersManaged
        customersReferred
        commissionEarnedCents
        trainingCompleted
        trainingTotal
        revenueTrend { period amountCents }
        commissionTrend { period amountCents }
        leaderboardRank
        openSupportTickets
        supportTicketsTotal
      }
      clients { id workspaceId grantedAt }
      attributions { workspaceId attributedAt }
      scorecards { period total level }
    }
  }
`);

function Tile({ label, value, note }: { label: string; value: string | null; note?: string }) {
  return (
    <div className="kpi" role="group" aria-label={label}>
      <span>{label}</span>
      {value === null ? <strong className="unavailable">Not available yet</strong> : <strong>{value}</strong>}
      {note ? <small>{note}</small> : null}
    </div>
  );
}

export function PartnerDashboard({ partnerId }: { partnerId: string }) {
  const data = useQuery({ queryKey: ['partner-dashboard', partnerId], queryFn: () => request(PartnerDashboardDocument, { id: partnerId }) });
  if (data.isPending) return <Loading what="the partner dashboard" />;
  if (data.error) return <ErrorNotice error={data.error} />;
  const partner = data.data.partner;
  if (!partner) return <p>This partner organisation could not be found.</p>;
  const d = partner.dashboard;
  return (
    <>
      <h2>Dashboard</h2>
      <div className="kpis partner-kpis">
        <Tile label="Revenue generated" value={formatCents(d.revenueGeneratedCents)} note="Managed and referred customers, last 12 months" />
        <Tile label="Customers managed" value={String(d.customersManaged)} note={`${d.customersReferred} referred`} />
        <Tile label="Commission earned" value={formatCents(d.commissionEarnedCents)} note="All payout statements" />
        <Tile
          label="Training progress"
          value={`${d.trainingCompleted} of ${d.trainingTotal} modules`}
          note={d.trainingTotal > 0 ? 'With a valid certificate' : 'No training modules are published yet'}
        />
        <Tile
          label="Support tickets"
          value={`${d.openSupportTickets} open of ${d.supportTicketsTotal}`}
          note={d.supportTicketsTotal > 0 ? 'Open tickets wait for an answer from the partner team' : 'No support tickets yet'}
        />
      </div>
      <div className="partner-charts">
        <MoneyTrendChart title="Revenue trend" points={d.revenueTrend} empty="No revenue from your customers in the last 12 months." />
        <CustomerGrowthChart clients={partner.clients} attributions={partner.attributions} />
        <MoneyTrendChart title="Commission per month" points={d.commissionTrend} empty="No payout statements yet." />
        <LeaderboardPanel rank={d.leaderboardRank} scorecards={partner.scorecards} />
      </div>
      <CommissionCalculator partnerId={partnerId} initialTier={partner.agencyTier ? `agency-${partner.agencyTier.toLowerCase()}` : undefined} />
    </>
  );
}
