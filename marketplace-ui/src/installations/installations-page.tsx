/** The workspace's installations with their state, version and what needs attention. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PluginIcon } from '../components/plugin-icon';
import { ErrorNotice, formatDate, Loading, Notice, StateBadge } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { useSession } from '../session/session-context';

const InstallationsDocument = graphql(`
  query Installations($workspaceId: ID!) {
    workspace(id: $workspaceId) {
      id name
      installations(first: 100) {
        edges {
          node {
            id state stateReason updatedAt
            listing { id name iconUrl }
            version { id version state sunsetAt }
            upgrades { id version }
          }
        }
      }
    }
  }
`);

export function InstallationsPage() {
  const session = useSession();
  const workspaceId = session.workspaceId ?? '';
  const query = useQuery({ queryKey: ['installations', workspaceId], queryFn: () => request(InstallationsDocument, { workspaceId }), enabled: Boolean(workspaceId) });
  if (!workspaceId) return <Notice kind="info">You are not a member of a workspace yet.</Notice>;
  if (query.isPending) return <Loading what="installations" />;
  if (query.error) return <ErrorNotice error={query.error} />;
  const ws = query.data.workspace;
  const rows = (ws?.installations.edges.map((e) => e.node) ?? []).filter((i) => i.state !== 'UNINSTALLED');
  const attention = rows.filter((i) => i.state === 'NEEDS_REAUTH' || i.state === 'PAUSED' || i.version.state === 'DEPRECATED');
  return (
    <section aria-labelledby="installs-title">
      <h1 id="installs-title">Installed in {ws?.name}</h1>
      {attention.length ? (
        <Notice kind="warning">
          {attention.length} {attention.length === 1 ? 'integration needs' : 'integrations need'} your attention.
        </Notice>
      ) : null}
      {rows.length === 0 ? (
        <p>
          Nothing installed yet. <Link to="/">Browse integrations</Link>.
        </p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Integration</th>
                <th scope="col">Status</th>
                <th scope="col">Version</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((i) => (
                <tr key={i.id}>
                  <td>
                    <span className="card-head">
                      <PluginIcon name={i.listing.name} src={i.listing.iconUrl} size={28} />
                      <Link to={`/installations/${i.id}`}>{i.listing.name}</Link>
                    </span>
                  </td>
                  <td>
                    <StateBadge state={i.state} />
                    {i.stateReason ? <div className="small muted">{i.stateReason}</div> : null}
                  </td>
                  <td>
                    {i.version.version} {i.version.state === 'DEPRECATED' ? <StateBadge state="DEPRECATED" /> : null}
                    {i.version.sunsetAt ? <div className="small muted">stops {formatDate(i.version.sunsetAt)}</div> : null}
                    {i.upgrades.length ? <div className="small">Upgrade available: {i.upgrades[0]!.version}</div> : null}
                  </td>
                  <td>{formatDate(i.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
