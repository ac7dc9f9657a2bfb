/**
 * The partner portal: for members of a partner organisation, a dashboard,
 * deal registration, payouts, referrals, training, the resources library and
 * support, one sub-page each. A member of several organisations picks one.
 */
import { NavLink, Route, Routes, useSearchParams } from 'react-router';
import { ErrorNotice, Loading } from '../components/status';
import { DealsPage } from './deals/deals-page';
import { MdfPage } from './mdf/mdf-page';
import { PartnerDashboard } from './dashboard/partner-dashboard';
import { useMyPartners } from './partner-membership';
import { PayoutsPage } from './payouts/payouts-page';
import { ReferralsPage } from './referrals/referrals-page';
import { ResourcesPage } from './resources/resources-page';
import { SupportPage } from './support/support-page';
import { TrainingPage } from './training/training-page';
import { PARTNER_KIND_LABELS, TIER_LABELS } from './partner-labels';
import './partner-portal.css';

const SECTIONS = [
  { to: '', label: 'Dashboard' },
  { to: 'deals', label: 'Deal registration' },
  { to: 'payouts', label: 'Payouts & scorecards' },
  { to: 'referrals', label: 'Referrals' },
  { to: 'funds', label: 'Marketing funds' },
  { to: 'training', label: 'Training' },
  { to: 'resources', label: 'Resources' },
  { to: 'support', label: 'Support' },
] as const;

export function PartnerPortal() {
  const partners = useMyPartners();
  const [params, setParams] = useSearchParams();
  if (partners.isPending) return <Loading what="your partner organisations" />;
  if (partners.error) return <ErrorNotice error={partners.error} />;
  const list = partners.data.myPartners;
  if (list.length === 0) {
    return (
      <section>
        <h1>Partner portal</h1>
        <p>You are not a member of a partner organisation. Ask your organisation's owner to add you, or contact the partner team.</p>
      </section>
    );
  }
  const partner = list.find((p) => p.id === params.get('partner')) ?? list[0]!;
  const query = list.length > 1 ? `?partner=${encodeURIComponent(partner.id)}` : '';
  return (
    <section className="partner-portal">
      <div className="partner-head">
        <div>
          <h1>Partner portal</h1>
          <p className="lead">
            {partner.name} · {PARTNER_KIND_LABELS[partner.kind]}
            {partner.agencyTier ? ` · ${TIER_LABELS[partner.agencyTier]} agency` : ''}
          </p>
        </div>
        {list.length > 1 ? (
          <label className="field">
            <span>Organisation</span>
            <select value={partner.id} onChange={(e) => setParams({ partner: e.target.value })}>
              {list.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <nav aria-label="Partner portal" className="partner-tabs">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.to}>
              <NavLink to={`/partners${s.to ? `/${s.to}` : ''}${query}`} end>
                {s.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<PartnerDashboard partnerId={partner.id} />} />
        <Route path="deals" element={<DealsPage partnerId={partner.id} />} />
        <Route path="payouts" element={<PayoutsPage partnerId={partner.id} />} />
        <Route path="referrals" element={<ReferralsPage partnerId={partner.id} />} />
        <Route path="funds" element={<MdfPage partnerId={partner.id} />} />
        <Route path="training" element={<TrainingPage partnerId={partner.id} />} />
        <Route path="resources" element={<ResourcesPage />} />
        <Route path="support" element={<SupportPage partnerId={partner.id} />} />
        <Route path="*" element={<p>This part of the partner portal does not exist.</p>} />
      </Routes>
    </section>
  );
}
