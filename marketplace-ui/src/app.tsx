/**
 * The app shell: skip link, navigation by role (customer, developer, reviewer),
 * the unread-notification count, and the routes of every screen.
 */
import { useQuery } from '@tanstack/react-query';
import { NavLink, Route, Routes, useLocation, useNavigate } from 'react-router';
import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from './components/status';
import { request } from './graphql/client';
import { graphql } from './graphql/generated';
import { MarketplaceHome } from './marketplace/marketplace-home';
import { PartnerNavEntry } from './partners/partner-nav';
import { RequireSignIn } from './session/require-sign-in';
import { useSession } from './session/session-context';
import { SessionProvider } from './session/session-context';

// Code-split by route: the marketplace home is in the entry chunk; every other
// screen (and the libraries only it uses: the chart library, the form
// generator) loads when it is first visited.
const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(async () => ({ default: (await load())[name] }));
const AutomationsPage = named(() => import('./automations/automations-page'), 'AutomationsPage');
const DeveloperPortal = named(() => import('./developer/developer-portal'), 'DeveloperPortal');
const PublisherPage = named(() => import('./developer/publisher-page'), 'PublisherPage');
const VersionPage = named(() => import('./developer/version-page'), 'VersionPage');
const InstallStart = named(() => import('./install/install-wizard'), 'InstallStart');
const InstallResume = named(() => import('./install/install-wizard'), 'InstallResume');
const InstallationPage = named(() => import('./installations/installation-page'), 'InstallationPage');
const InstallationsPage = named(() => import('./installations/installations-page'), 'InstallationsPage');
const ListingPage = named(() => import('./marketplace/listing-page'), 'ListingPage');
const PartnerPortal = named(() => import('./partners/partner-portal'), 'PartnerPortal');
const NotificationsCentre = named(() => import('./notifications/notifications-centre'), 'NotificationsCentre');
const AuditLogPage = named(() => import('./reviewer/audit-log'), 'AuditLogPage');
const ReviewerConsole = named(() => import('./reviewer/reviewer-console'), 'ReviewerConsole');
const LoginPage = named(() => import('./session/login-page'), 'LoginPage');
const UsageDashboard = named(() => import('./usage/usage-dashboard'), 'UsageDashboard');

const UnreadDocument = graphql(`
  query UnreadNotifications {
    viewer { notifications(unreadOnly: true, first: 50) { edges { node { id } } } }
  }
`);

function Navigation() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const unread = useQuery({
    queryKey: ['unread', location.pathname],
    queryFn: () => request(UnreadDocument),
    enabled: Boolean(session.viewer),
  });
  const count = unread.data?.viewer?.notifications.edges.length ?? 0;
  const viewer = session.viewer;
  const reviewer = viewer?.platformRole === 'REVIEWER' || viewer?.platformRole === 'ADMIN';
  return (
    <header className="topbar">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <NavLink to="/" className="brand" end>
        NudgeCampaign <span>Marketplace</span>
      </NavLink>
      <nav aria-label="Main">
        <ul>
          <li>
            <NavLink to="/" end>
              Integrations
            </NavLink>
          </li>
          {viewer && viewer.workspaces.length > 0 ? (
            <>
              <li>
                <NavLink to="/installations">Installed</NavLink>
              </li>
              <li>
                <NavLink to="/automations">Automations</NavLink>
              </li>
              <li>
                <NavLink to="/usage">Usage &amp; ROI</NavLink>
              </li>
            </>
          ) : reviewer ? (
            <li>
              <NavLink to="/usage">Usage &amp; ROI</NavLink>
            </li>
          ) : null}
          {viewer && viewer.publishers.length > 0 ? (
            <li>
              <NavLink to="/developer">Developer</NavLink>
            </li>
          ) : null}
          {viewer ? <PartnerNavEntry /> : null}
          {reviewer ? (
            <>
              <li>
                <NavLink to="/reviewer">Review</NavLink>
              </li>
              {viewer?.platformRole === 'ADMIN' ? (
                <li>
                  <NavLink to="/reviewer/audit">Audit log</NavLink>
                </li>
              ) : null}
            </>
          ) : null}
          {viewer ? (
            <li>
              <NavLink to="/notifications" aria-label={`Notifications, ${count} unread`}>
                Notifications{count > 0 ? <span className="count">{count}</span> : null}
              </NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <div className="who">
        {viewer ? (
          <>
            <span className="small">{viewer.user.name}</span>
            <button
              type="button"
              className="link"
              onClick={() => {
                // Leave the signed-in page first, so nothing on it asks for data the session no longer grants.
                navigate('/');
                void session.logout();
              }}
            >
              Sign out
            </button>
          </>
        ) : (
          <NavLink to="/login">Sign in</NavLink>
        )}
      </div>
    </header>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Navigation />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading what="the page" />}>
          <Routes>
            <Route path="/" element={<MarketplaceHome />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/integrations/:id" element={<ListingPage />} />
            <Route element={<RequireSignIn />}>
              <Route path="/integrations/:id/install" element={<InstallStart />} />
              <Route path="/install/:installationId" element={<InstallResume />} />
              <Route path="/installations" element={<InstallationsPage />} />
              <Route path="/installations/:id" element={<InstallationPage />} />
              <Route path="/automations" element={<AutomationsPage />} />
              <Route path="/usage" element={<UsageDashboard />} />
              <Route path="/notifications" element={<NotificationsCentre />} />
              <Route path="/developer" element={<DeveloperPortal />} />
              <Route path="/developer/publishers/:id" element={<PublisherPage />} />
              <Route path="/developer/versions/:id" element={<VersionPage />} />
              <Route path="/reviewer" element={<ReviewerConsole />} />
              <Route path="/reviewer/audit" element={<AuditLogPage />} />
              <Route path="/partners/*" element={<PartnerPortal />} />
            </Route>
            <Route path="*" element={<p>This page does not exist. Go back to the integrations.</p>} />
          </Routes>
        </Suspense>
      </main>
    </SessionProvider>
  );
}
