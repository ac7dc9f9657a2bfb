/**
 * Moving an installation to a new major: the plan (compatibility, settings
 * changes, new scopes and hosts) before anything moves, consent when the new
 * version asks for more, and rollback to the version it ran before.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice, Loading, Notice } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { CompatibilityChanges, SettingsChanges } from './migration-changes';

const MigrationPlanDocument = graphql(`
  query MigrationPlan($installationId: ID!, $targetVersionId: ID!) {
    migrationPlan(installationId: $installationId, targetVersionId: $targetVersionId) {
      fromVersion toVersion compatibility settingsBefore settingsAfter settingsChanges needsReconsent
    }
  }
`);
const MigrateDocument = graphql(`
  mutation MigrateInstallation($id: ID!, $targetVersionId: ID!, $consent: Boolean) {
    migrateInstallation(id: $id, targetVersionId: $targetVersionId, consent: $consent) { installation { id state version { version } } }
  }
`);
const RollbackDocument = graphql(`
  mutation RollbackInstallation($id: ID!) {
    rollbackInstallation(id: $id) { id version { version } }
  }
`);

interface Upgrade {
  id: string;
  version: string;
  scopes: string[];
  hosts: string[];
  changelog: string;
}

interface Props {
  installationId: string;
  current: string;
  consentedScopes: string[];
  consentedHosts: string[];
  upgrades: Upgrade[];
  previousVersion: { id: string; version: string } | null | undefined;
  onDone(): void;
}

export function MigrationPanel({ installationId, current, consentedScopes, consentedHosts, upgrades, previousVersion, onDone }: Props) {
  const [targetId, setTargetId] = useState<string | null>(null);
  const [consent, setConsent] = useState(false);
  const target = upgrades.find((u) => u.id === targetId);
  const plan = useQuery({
    queryKey: ['migration-plan', installationId, targetId],
    queryFn: () => request(MigrationPlanDocument, { installationId, targetVersionId: targetId! }),
    enabled: Boolean(targetId),
  });
  const migrate = useMutation({
    mutationFn: () => request(MigrateDocument, { id: installationId, targetVersionId: targetId!, consent }),
    onSuccess: () => {
      setTargetId(null);
      onDone();
    },
  });
  const rollback = useMutation({ mutationFn: () => request(RollbackDocument, { id: installationId }), onSuccess: onDone });
  if (upgrades.length === 0 && !previousVersion) return null;
  const newScopes = target ? target.scopes.filter((s) => !consentedScopes.includes(s)) : [];
  const newHosts = target ? target.hosts.filter((h) => !consentedHosts.includes(h)) : [];
  const p = plan.data?.migrationPlan;

  return (
    <section aria-labelledby="migrate-title" className="panel">
      <h2 id="migrate-title">Versions</h2>
      {migrate.isSuccess ? <Notice kind="success">Moved to version {migrate.data.migrateInstallation.installation.version.version}.</Notice> : null}
      {upgrades.length ? (
        <>
          <p>You are on {current}. A new major version is available:</p>
          <div className="actions wrap">
            {upgrades.map((u) => (
              <button key={u.id} type="button" onClick={() => setTargetId(u.id)} aria-pressed={u.id === targetId}>
                Review upgrade to {u.version}
              </button>
            ))}
          </div>
        </>
      ) : null}
      {target ? (
        <div className="stack">
          <h3>Upgrade to {target.version}</h3>
          <p className="changelog">{target.changelog}</p>
          {plan.isPending ? <Loading what="the migration plan" /> : null}
          <ErrorNotice error={plan.error} />
          {p ? (
            <>
              <h3>Compatibility</h3>
              <CompatibilityChanges report={p.compatibility} />
              <h3>Settings changes</h3>
              <SettingsChanges changes={p.settingsChanges} />
              {p.needsReconsent || newScopes.length || newHosts.length ? (
                <div className="notice notice-warning">
                  <strong>This version asks for more access.</strong>
                  {newScopes.length ? <p>New permissions: {newScopes.map((s) => <code key={s}>{s} </code>)}</p> : null}
                  {newHosts.length ? <p>New services: {newHosts.map((h) => <code key={h}>{h} </code>)}</p> : null}
                  <label className="chip">
                    <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> I allow this new access
                  </label>
                </div>
              ) : null}
              <ErrorNotice error={migrate.error} title="The installation was not moved." />
              <div className="actions">
                <button type="button" className="primary" disabled={migrate.isPending || (p.needsReconsent && !consent)} onClick={() => migrate.mutate()}>
                  Upgrade to {p.toVersion}
                </button>
                <button type="button" onClick={() => setTargetId(null)}>
                  Not now
                </button>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
      {previousVersion ? (
        <div className="actions">
          <ErrorNotice error={rollback.error} />
          <button type="button" onClick={() => rollback.mutate()} disabled={rollback.isPending}>
            Roll back to {previousVersion.version}
          </button>
        </div>
      ) : null}
    </section>
  );
}
