/**
 * The install wizard, five clicks or fewer: consent to scopes and hosts → the
 * provider's OAuth page (or an API-key form) → settings generated from the
 * plugin's JSON Schema → a connection test → enabled. OAuth leaves the SPA and
 * comes back to /install/:installationId with ?connected=1 or ?oauth_error=….
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorNotice, Loading, Notice } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { InstallationWizardQuery } from '../graphql/generated/graphql';
import { PermissionList } from '../marketplace/permission-list';
import { useSession } from '../session/session-context';
import { oauthErrorSentence } from './oauth-errors';
import { SchemaForm } from './schema-form';

const InstallListingDocument = graphql(`
  query InstallListing($id: ID!) {
    listing(id: $id) { id name authType scopes hosts latestVersion { id version } }
  }
`);

const InstallPluginDocument = graphql(`
  mutation InstallPlugin($workspaceId: ID!, $pluginId: ID!) {
    installPlugin(workspaceId: $workspaceId, pluginId: $pluginId) { id }
  }
`);

const InstallationWizardDocument = graphql(`
  query InstallationWizard($id: ID!) {
    installation(id: $id) {
      id state settings settingsSchema consentedScopes
      listing { id name authType }
      version { id version manifest }
      connection { id state grantedScopes }
    }
  }
`);

const StartOAuthDocument = graphql(`
  mutation StartOAuth($installationId: ID!, $returnTo: String) {
    startOAuth(installationId: $installationId, returnTo: $returnTo) { url }
  }
`);

const ConnectApiKeyDocument = graphql(`
  mutation ConnectApiKey($installationId: ID!, $values: JSON!) {
    connectWithApiKey(installationId: $installationId, values: $values) { id }
  }
`);

const ConnectBasicDocument = graphql(`
  mutation ConnectBasic($installationId: ID!, $username: String!, $password: String!) {
    connectWithBasicAuth(installationId: $installationId, username: $username, password: $password) { id }
  }
`);

const ConfigureDocument = graphql(`
  mutation ConfigureInstallation($id: ID!, $settings: JSON!) {
    configureInstallation(id: $id, settings: $settings) { id settings }
  }
`);

const TestConnectionDocument = graphql(`
  mutation TestConnection($installationId: ID!) {
    testConnection(installationId: $installationId) { ok account message code }
  }
`);

const EnableDocument = graphql(`
  mutation EnableInstallation($id: ID!) {
    enableInstallation(id: $id) { id state }
  }
`);

const STEPS = ['Permissions', 'Connect', 'Settings', 'Test', 'Enabled'] as const;
type Step = (typeof STEPS)[number];

function Progress({ current }: { current: Step }) {
  return (
    <ol className="wizard-steps" aria-label="Install steps">
      {STEPS.map((s, i) => (
        <li key={s} aria-current={s === current ? 'step' : undefined} className={STEPS.indexOf(current) > i ? 'done' : ''}>
          <span className="step-no">{i + 1}</span> {s}
        </li>
      ))}
    </ol>
  );
}

/** Step 1, before an installation exists: consent, then install and connect. */
export function InstallStart() {
  const { id = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const listing = useQuery({ queryKey: ['install-listing', id], queryFn: () => request(InstallListingDocument, { id }) });
  const consent = useMutation({
    mutationFn: async () => {
      if (!session.workspaceId) throw new Error('You are not a member of a workspace that can install integrations.');
      const { installPlugin } = await request(InstallPluginDocument, { workspaceId: session.workspaceId, pluginId: id });
      if (listing.data?.listing?.authType === 'OAUTH2') {
        const { startOAuth } = await request(StartOAuthDocument, { installationId: installPlugin.id, returnTo: `/install/${installPlugin.id}` });
        window.location.assign(startOAuth.url);
        return;
      }
      navigate(`/install/${installPlugin.id}`);
    },
  });
  if (listing.isPending) return <Loading what="the integration" />;
  if (listing.error) return <ErrorNotice error={listing.error} />;
  const l = listing.data.listing;
  if (!l) return <Notice kind="info">This integration cannot be installed: it is not listed.</Notice>;
  return (
    <section aria-labelledby="wizard-title" className="wizard">
      <h1 id="wizard-title">Install {l.name}</h1>
      <Progress current="Permissions" />
      <p>
        {l.name} {l.latestVersion ? `(version ${l.latestVersion.version})` : ''} asks for the access below. You can uninstall it at any time; its
        connection is then revoked.
      </p>
      <PermissionList scopes={l.scopes} hosts={l.hosts} title="Review what it can access" />
      <ErrorNotice error={consent.error} title="The integration could not be installed." />
      <div className="actions">
        <button type="button" className="primary" onClick={() => consent.mutate()} disabled={consent.isPending}>
          {consent.isPending ? 'Installing…' : l.authType === 'OAUTH2' ? 'Allow and connect account' : 'Allow and continue'}
        </button>
        <Link to={`/integrations/${encodeURIComponent(l.id)}`}>Cancel</Link>
      </div>
    </section>
  );
}

type WizardInstallation = NonNullable<InstallationWizardQuery['installation']>;

function secretFieldsOf(schema: unknown): string[] {
  const props = (schema as { properties?: Record<string, unknown> } | null)?.properties ?? {};
  return Object.keys(props).filter((k) => /key|secret|token|password/i.test(k));
}

/** Steps 2–5 on an existing installation (also where OAuth returns). */
export function InstallResume() {
  const { installationId = '' } = useParams();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['wizard', installationId], queryFn: () => request(InstallationWizardDocument, { id: installationId }) });
  const [stepOverride, setStep] = useState<Step | null>(null);
  const refetch = () => queryClient.invalidateQueries({ queryKey: ['wizard', installationId] });

  const oauth = useMutation({
    mutationFn: async () => {
      const { startOAuth } = await request(StartOAuthDocument, { installationId, returnTo: `/install/${installationId}` });
      window.location.assign(startOAuth.url);
    },
  });
  const apiKey = useMutation({
    mutationFn: (values: Record<string, unknown>) => request(ConnectApiKeyDocument, { installationId, values }),
    onSuccess: () => void refetch(),
  });
  const basic = useMutation({
    mutationFn: (v: { username: string; password: string }) => request(ConnectBasicDocument, { installationId, ...v }),
    onSuccess: () => void refetch(),
  });
  const configure = useMutation({
    mutationFn: (settings: Record<string, unknown>) => request(ConfigureDocument, { id: installationId, settings }),
    onSuccess: () => {
      setStep('Test');
      void refetch();
    },
  });
  const test = useMutation({ mutationFn: () => request(TestConnectionDocument, { installationId }) });
  const enable = useMutation({
    mutationFn: () => request(EnableDocument, { id: installationId }),
    onSuccess: () => {
      setStep('Enabled');
      void queryClient.invalidateQueries({ queryKey: ['installations'] });
    },
  });

  if (query.isPending) return <Loading what="the installation" />;
  if (query.error) return <ErrorNotice error={query.error} />;
  const inst: WizardInstallation | null | undefined = query.data.installation;
  if (!inst) return <Notice kind="info">This installation was not found in your workspaces.</Notice>;
  const auth = inst.listing.authType;
  const connected = auth === 'NONE' || inst.connection?.state === 'ACTIVE';
  const step: Step = stepOverride ?? (inst.state === 'ACTIVE' ? 'Enabled' : connected ? 'Settings' : 'Connect');
  const oauthError = params.get('oauth_error');
  const manifest = inst.version.manifest as { auth?: { fields?: unknown } } | null;

  return (
    <section aria-labelledby="wizard-title" className="wizard">
      <h1 id="wizard-title">Install {inst.listing.name}</h1>
      <Progress current={step} />
      {params.get('connected') === '1' && step === 'Settings' ? <Notice kind="success">Your account is connected.</Notice> : null}
      {oauthError && !connected ? (
        <Notice kind="warning">
          <strong>The account was not connected.</strong> {oauthErrorSentence(oauthError)}
        </Notice>
      ) : null}

      {step === 'Connect' ? (
        <div className="stack narrow">
          <h2>Connect your {inst.listing.name} account</h2>
          {auth === 'OAUTH2' ? (
            <>
              <p>You will sign in at {inst.listing.name} and come straight back here.</p>
              <ErrorNotice error={oauth.error} />
              <button type="button" className="primary" onClick={() => oauth.mutate()} disabled={oauth.isPending}>
                Connect account
              </button>
            </>
          ) : auth === 'API_KEY' ? (
            <>
              <ErrorNotice error={apiKey.error} title="The key was not accepted." />
              <SchemaForm
                idPrefix="apikey"
                schema={manifest?.auth?.fields}
                formData={{}}
                submitLabel={apiKey.isPending ? 'Checking…' : 'Connect'}
                busy={apiKey.isPending}
                secretFields={secretFieldsOf(manifest?.auth?.fields)}
                onSubmit={(values) => apiKey.mutate(values)}
              />
            </>
          ) : (
            <BasicAuthForm busy={basic.isPending} error={basic.error} onSubmit={(v) => basic.mutate(v)} />
          )}
        </div>
      ) : null}

      {step === 'Settings' ? (
        <div className="stack narrow">
          <h2>Settings</h2>
          <ErrorNotice error={configure.error} title="The settings were not saved." />
          <SchemaForm
            idPrefix="settings"
            schema={inst.settingsSchema}
            formData={inst.settings}
            submitLabel={configure.isPending ? 'Saving…' : 'Save settings'}
            busy={configure.isPending}
            onSubmit={(settings) => configure.mutate(settings)}
          />
        </div>
      ) : null}

      {step === 'Test' ? (
        <div className="stack narrow">
          <h2>Test the connection</h2>
          {auth === 'NONE' ? (
            <p>{inst.listing.name} connects to no account, so there is nothing to test: enable it when the settings are right.</p>
          ) : (
            <p>We run the integration's own check against your account, in the sandbox.</p>
          )}
          {test.data ? (
            test.data.testConnection.ok ? (
              <Notice kind="success">
                Connection works{test.data.testConnection.account ? ` (account: ${test.data.testConnection.account})` : ''}.
              </Notice>
            ) : (
              <Notice kind="warning">
                <strong>The connection test failed.</strong> {test.data.testConnection.message ?? 'The provider refused the credentials.'} Check the account,
                then try again.
              </Notice>
            )
          ) : null}
          <ErrorNotice error={test.error} title="The connection could not be tested." />
          <ErrorNotice error={enable.error} title="The integration could not be enabled." />
          <div className="actions">
            {test.data?.testConnection.ok || auth === 'NONE' ? (
              <button type="button" className="primary" onClick={() => enable.mutate()} disabled={enable.isPending}>
                Enable {inst.listing.name}
              </button>
            ) : (
              <button type="button" className="primary" onClick={() => test.mutate()} disabled={test.isPending}>
                {test.isPending ? 'Testing…' : 'Test connection'}
              </button>
            )}
            <button type="button" onClick={() => setStep('Settings')}>
              Back to settings
            </button>
          </div>
        </div>
      ) : null}

      {step === 'Enabled' ? (
        <div className="stack narrow">
          <Notice kind="success">
            <strong>{inst.listing.name} is enabled.</strong> It now runs for your workspace.
          </Notice>
          <p>
            <Link to={`/installations/${inst.id}`}>View the installation</Link> · <Link to="/automations">Build an automation</Link>
          </p>
        </div>
      ) : null}
    </section>
  );
}

function BasicAuthForm({ busy, error, onSubmit }: { busy: boolean; error: unknown; onSubmit(v: { username: string; password: string }): void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ username, password });
      }}
    >
      <label className="field">
        <span>Username</span>
        <input value={username} onChange={(e) => setUsername(e.target.value)} required autoComplete="username" />
      </label>
      <label className="field">
        <span>Password</span>
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" />
      </label>
      <ErrorNotice error={error} title="These credentials were not accepted." />
      <button type="submit" className="primary" disabled={busy}>
        Connect
      </button>
    </form>
  );
}
