/**
 * One installation: status with a needs-reauth banner and reconnect, pause,
 * resume and uninstall, settings, migration to a new major (changes and new
 * scopes first), rollback, and run history.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorNotice, formatDate, Loading, Notice, StateBadge } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { oauthErrorSentence } from '../install/oauth-errors';
import { SchemaForm } from '../install/schema-form';
import { MigrationPanel } from './migration-panel';
import { reauthReason } from './reauth-reason';
import { RunHistory } from './run-history';

const InstallationDocument = graphql(`
  query Installation($id: ID!) {
    installation(id: $id) {
      id state stateReason settings settingsSchema consentedScopes consentedHosts pinnedMajor createdAt
      listing { id name authType }
      version { id version state deprecationMessage sunsetAt }
      previousVersion { id version }
      connection { id state provider grantedScopes lastError metadata updatedAt }
      upgrades { id version scopes hosts changelog }
    }
  }
`);

const ReconnectDocument = graphql(`
  mutation Reconnect($installationId: ID!, $returnTo: String) {
    startOAuth(installationId: $installationId, returnTo: $returnTo) { url }
  }
`);
const DisableDocument = graphql(`
  mutation DisableInstallation($id: ID!) {
    disableInstallation(id: $id) { id state }
  }
`);
const ResumeDocument = graphql(`
  mutation ResumeInstallation($id: ID!) {
    enableInstallation(id: $id) { id state }
  }
`);
const UninstallDocument = graphql(`
  mutation UninstallInstallation($id: ID!) {
    uninstallInstallation(id: $id) { id state }
  }
`);
const SaveSettingsDocument = graphql(`
  mutation SaveSettings($id: ID!, $settings: JSON!) {
    configureInstallation(id: $id, settings: $settings) { id settings }
  }
`);

export function InstallationPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const query = useQuery({ queryKey: ['installation', id], queryFn: () => request(InstallationDocument, { id }) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['installation', id] });
  const reconnect = useMutation({
    mutationFn: async () => {
      const { startOAuth } = await request(ReconnectDocument, { installationId: id, returnTo: `/installations/${id}` });
      window.location.assign(startOAuth.url);
    },
  });
  const disable = useMutation({ mutationFn: () => request(DisableDocument, { id }), onSuccess: refresh });
  const resume = useMutation({ mutationFn: () => request(ResumeDocument, { id }), onSuccess: refresh });
  const uninstall = useMutation({ mutationFn: () => request(UninstallDocument, { id }), onSuccess: refresh });
  const settings = useMutation({ mutationFn: (s: Record<string, unknown>) => request(SaveSettingsDocument, { id, settings: s }), onSuccess: refresh });

  if (query.isPending) return <Loading what="the installation" />;
  if (query.error) return <ErrorNotice error={query.error} />;
  const inst = query.data.installation;
  if (!inst) return <Notice kind="info">This installation was not found in your workspaces.</Notice>;
  const oauthError = params.get('oauth_error');

  return (
    <article aria-labelledby="inst-title">
      <p className="small">
        <Link to="/installations">← All installations</Link>
      </p>
      <h1 id="inst-title">
        {inst.listing.name} <StateBadge state={inst.state} />
      </h1>
      <p className="muted">
        Version {inst.version.version} (major {inst.pinnedMajor}) · installed {formatDate(inst.createdAt)} ·{' '}
        <Link to={`/integrations/${encodeURIComponent(inst.listing.id)}`}>listing</Link>
      </p>
      {params.get('connected') === '1' ? <Notice kind="success">The account is connected again.</Notice> : null}
      {oauthError ? (
        <Notice kind="warning">
          <strong>The account was not reconnected.</strong> {oauthErrorSentence(oauthError)}
        </Notice>
      ) : null}

      {inst.state === 'NEEDS_REAUTH' ? (
        <div className="notice notice-warning" role="alert">
          <strong>{inst.listing.name} needs you to reconnect the account.</strong>
          <p>{reauthReason(inst.stateReason ?? inst.connection?.lastError)} Nothing runs until you reconnect.</p>
          <ErrorNotice error={reconnect.error} />
          <button type="button" className="primary" onClick={() => reconnect.mutate()} disabled={reconnect.isPending}>
            Reconnect {inst.listing.name}
          </button>
        </div>
      ) : null}
      {inst.state === 'PAUSED' ? (
        <Notice kind="warning">
          <strong>Paused by the platform.</strong> {inst.stateReason}
        </Notice>
      ) : null}
      {inst.version.state === 'DEPRECATED' ? (
        <Notice kind="warning">
          <strong>
            Version {inst.version.version} is deprecated{inst.version.sunsetAt ? ` and stops working on ${formatDate(inst.version.sunsetAt)}` : ''}.
          </strong>{' '}
          {inst.version.deprecationMessage}
        </Notice>
      ) : null}

      <section aria-labelledby="status-title" className="panel">
        <h2 id="status-title">Status and connection</h2>
        <p>
          Connection:{' '}
          {inst.connection ? (
            <>
              {inst.connection.state === 'ACTIVE' ? 'connected' : inst.connection.state === 'NEEDS_REAUTH' ? 'needs reconnection' : 'revoked'} via{' '}
              {inst.connection.provider}
              {inst.connection.lastError ? <span className="muted"> — last problem: {reauthReason(inst.connection.lastError)}</span> : null}
            </>
          ) : (
            'not connected'
          )}
        </p>
        <p className="small muted">Granted permissions: {inst.connection?.grantedScopes.join(', ') || inst.consentedScopes.join(', ') || 'none'}</p>
        <ErrorNotice error={disable.error ?? resume.error ?? uninstall.error} />
        <div className="actions wrap">
          {inst.state === 'ACTIVE' ? (
            <button type="button" onClick={() => disable.mutate()} disabled={disable.isPending}>
              Pause
            </button>
          ) : null}
          {inst.state === 'DISABLED' || inst.state === 'PENDING' ? (
            <button type="button" className="primary" onClick={() => resume.mutate()} disabled={resume.isPending}>
              {inst.state === 'PENDING' ? 'Enable' : 'Resume'}
            </button>
          ) : null}
          {inst.state === 'PENDING' && inst.listing.authType !== 'NONE' ? <Link to={`/install/${inst.id}`}>Finish setup</Link> : null}
          {inst.state !== 'UNINSTALLED' ? (
            confirming ? (
              <>
                <span>Uninstall {inst.listing.name}? The connection is revoked; history is kept.</span>
                <button type="button" className="danger" onClick={() => uninstall.mutate()} disabled={uninstall.isPending}>
                  Yes, uninstall
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  Keep it
                </button>
              </>
            ) : (
              <button type="button" className="danger" onClick={() => setConfirming(true)}>
                Uninstall
              </button>
            )
          ) : null}
        </div>
      </section>

      {inst.state !== 'UNINSTALLED' ? (
        <section aria-labelledby="settings-title" className="panel narrow">
          <h2 id="settings-title">Settings</h2>
          {settings.isSuccess ? <Notice kind="success">Settings saved.</Notice> : null}
          <ErrorNotice error={settings.error} title="The settings were not saved." />
          <SchemaForm
            idPrefix="inst-settings"
            schema={inst.settingsSchema}
            formData={inst.settings}
            submitLabel="Save settings"
            busy={settings.isPending}
            onSubmit={(s) => settings.mutate(s)}
          />
        </section>
      ) : null}

      {inst.state !== 'UNINSTALLED' ? (
        <MigrationPanel installationId={inst.id} current={inst.version.version} consentedScopes={inst.consentedScopes} consentedHosts={inst.consentedHosts} upgrades={inst.upgrades} previousVersion={inst.previousVersion} onDone={refresh} />
      ) : null}

      <RunHistory installationId={inst.id} />
    </article>
  );
}
