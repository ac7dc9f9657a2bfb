/** The partner resources library: enablement guides, brand assets and links to the platform's own documentation and screens. */
import { Link } from 'react-router';

const GUIDES = [
  { title: 'Partner program overview', body: 'How tiers, commissions, deal registration and payouts work, and what each tier asks of you.' },
  { title: 'Selling NudgeCampaign', body: 'Positioning for small e-commerce teams: the problems we solve, discovery questions and common objections.' },
  { title: 'Onboarding a client', body: 'Ask the client workspace admin to grant your agency access, then install and configure integrations on their behalf.' },
  { title: 'Registering deals', body: 'Register an opportunity as soon as it is qualified; approved registrations protect the customer for you.' },
];

const BRAND = [
  { title: 'Logo usage', body: 'Use the NudgeCampaign wordmark on light backgrounds with clear space equal to the height of the “N”.' },
  { title: 'Partner badge', body: 'Show your tier badge (Certified, Premier, Strategic) only while the tier is approved.' },
  { title: 'Co-branded materials', body: 'Co-branded campaigns and events can be funded by market development funds; describe them in your claim.' },
];

export function ResourcesPage() {
  return (
    <>
      <h2>Resources</h2>
      <section aria-labelledby="guides-title">
        <h3 id="guides-title">Enablement guides</h3>
        <ul className="resource-list">
          {GUIDES.map((g) => (
            <li key={g.title} className="card">
              <h4>{g.title}</h4>
              <p className="small">{g.body}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="brand-title">
        <h3 id="brand-title">Brand assets</h3>
        <ul className="resource-list">
          {BRAND.map((b) => (
            <li key={b.title} className="card">
              <h4>{b.title}</h4>
              <p className="small">{b.body}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="api-title">
        <h3 id="api-title">API and integrations</h3>
        <ul>
          <li>
            <Link to="/">Browse the integrations marketplace</Link> to see what your clients can connect.
          </li>
          <li>
            <Link to="/developer">Developer portal</Link>: publish integrations built with the plugin SDK (technology partners).
          </li>
          <li>
            <Link to="/usage">Usage &amp; ROI</Link>: the numbers behind your clients' integrations.
          </li>
          <li>
            The GraphQL API is served at <code>/graphql</code>; partner data (deals, statements, referrals) is available there with an API token.
          </li>
        </ul>
      </section>
      <section aria-labelledby="next-title">
        <h3 id="next-title">Next steps in the portal</h3>
        <ul>
          <li>
            <Link to="/partners/training">Take the training and earn certificates</Link>
          </li>
          <li>
            <Link to="/partners/deals">Register a deal</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
