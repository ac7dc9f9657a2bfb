/**
 * One publisher: members, signing keys, publishing a bundle made by
 * `nudge build`, and every plugin with its versions and their states.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorNotice, formatDate, Loading, Notice, StateBadge, TrustBadge } from '../components/status';
import { request, upload } from '../graphql/client';
import { graphql } from '../graphql/generated';

const PublisherDocument = graphql(`
  query Publisher($id: ID!) {
    publisher(id: $id) {
      id name slug verified website viewerRole
      members { role createdAt user { id name email } }
      keys { keyId algorithm createdAt revokedAt }
      plugins {
        id name trustLevel
        versions(first: 20) { edges { node { id version state createdAt certifiedAt deprecatedAt sunsetAt } } }
      }
    }
  }
`);
const AddMemberDocument = graphql(`
  mutation AddPublisherMember($publisherId: ID!, $email: String!, $role: PublisherRole!) {
    addPublisherMember(publisherId: $publisherId, email: $email, role: $role) { role }
  }
`);
const RemoveMemberDocument = graphql(`
  mutation RemovePublisherMember($publisherId: ID!, $userId: ID!) {
    removePublisherMember(publisherId: $publisherId, userId: $userId)
  }
`);
const RegisterKeyDocument = graphql(`
  mutation RegisterPublisherKey($publisherId: ID!, $publicKey: String!) {
    registerPublisherKey(publisherId: $publisherId, publicKey: $publicKey) { keyId }
  }
`);
const RevokeKeyDocument = graphql(`
  mutation RevokePublisherKey($publisherId: ID!, $keyId: String!) {
    revokePublisherKey(publisherId: $publisherId, keyId: $keyId) { keyId }
  }
`);
const PublishDocument = graphql(`
  mutation PublishVersion($bundle: Upload!, $changelog: String!) {
    publishVersion(bundle: $bundle, changelog: $changelog) { digest requiresReconsent version { id version pluginId } }
  }
`);

export function PublisherPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['publisher', id], queryFn: () => request(PublisherDocument, { id }) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['publisher', id] });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'DEVELOPER' | 'OWNER'>('DEVELOPER');
  const [publicKey, setPublicKey] = useState('');
  const [bundle, setBundle] = useState<File | null>(null);
  const [changelog, setChangelog] = useState('');
  const addMember = useMutation({ mutationFn: () => request(AddMemberDocument, { publisherId: id, email, role }), onSuccess: () => (setEmail(''), refresh()) });
  const removeMember = useMutation({ mutationFn: (userId: string) => request(RemoveMemberDocument, { publisherId: id, userId }), onSuccess: refresh });
  const registerKey = useMutation({ mutationFn: () => request(RegisterKeyDocument, { publisherId: id, publicKey }), onSuccess: () => (setPublicKey(''), refresh()) });
  const revokeKey = useMutation({ mutationFn: (keyId: string) => request(RevokeKeyDocument, { publisherId: id, keyId }), onSuccess: refresh });
  const publish = useMutation({ mutationFn: () => upload(PublishDocument, { changelog }, { bundle: bundle! }), onSuccess: refresh });

  if (query.isPending) return <Loading what="the publisher" />;
  if (query.error) return <ErrorNotice error={query.error} />;
  const p = query.data.publisher;
  if (!p) return <Notice kind="info">You are not a member of this publisher.</Notice>;
  const owner = p.viewerRole === 'OWNER';

  return (
    <article aria-labelledby="pub-title">
      <p className="small">
        <Link to="/developer">← Developer portal</Link>
      </p>
      <h1 id="pub-title">
        {p.name} {p.verified ? <span className="badge badge-trust-verified_publisher">Verified</span> : null}
      </h1>

      <section aria-labelledby="plugins-title" className="panel">
        <h2 id="plugins-title">Plugins and versions</h2>
        {p.plugins.length === 0 ? <p className="muted">No plugins yet: publish a bundle below.</p> : null}
        {p.plugins.map((plugin) => (
          <div key={plugin.id}>
            <h3>
              {plugin.name} <TrustBadge level={plugin.trustLevel} />
            </h3>
            <div className="table-wrap">
              <table aria-label={`Versions of ${plugin.name}`}>
                <thead>
                  <tr>
                    <th scope="col">Version</th>
                    <th scope="col">State</th>
                    <th scope="col">Published</th>
                    <th scope="col">Certified</th>
                    <th scope="col">Sunset</th>
                  </tr>
                </thead>
                <tbody>
                  {plugin.versions.edges.map(({ node: v }) => (
                    <tr key={v.id}>
                      <td>
                        <Link to={`/developer/versions/${v.id}`}>{v.version}</Link>
                      </td>
                      <td>
                        <StateBadge state={v.state} />
                      </td>
                      <td>{formatDate(v.createdAt)}</td>
                      <td>{formatDate(v.certifiedAt)}</td>
                      <td>{formatDate(v.sunsetAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))}
      </section>

      <section aria-labelledby="publish-title" className="panel narrow">
        <h2 id="publish-title">Publish a version</h2>
        <p className="small muted">
          Upload the signed bundle that <code>nudge build</code> wrote to <code>dist/</code>. It is stored as a draft; submit it for certification
          from its page.
        </p>
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            publish.mutate();
          }}
        >
          <label className="field">
            <span>Bundle (.nudge.json)</span>
            <input type="file" accept=".json,application/json" required onChange={(e) => setBundle(e.target.files?.[0] ?? null)} />
          </label>
          <label className="field">
            <span>Changelog</span>
            <textarea value={changelog} onChange={(e) => setChangelog(e.target.value)} rows={3} required />
          </label>
          <ErrorNotice error={publish.error} title="The bundle was not published." />
          {publish.data ? (
            <Notice kind="success">
              Published {publish.data.publishVersion.version.pluginId} {publish.data.publishVersion.version.version} as a draft.{' '}
              <Link to={`/developer/versions/${publish.data.publishVersion.version.id}`}>Open it to submit for certification</Link>
              {publish.data.publishVersion.requiresReconsent ? ' It asks for new permissions: customers will be asked to consent.' : ''}
            </Notice>
          ) : null}
          <button type="submit" className="primary" disabled={publish.isPending || !bundle}>
            {publish.isPending ? 'Publishing…' : 'Publish version'}
          </button>
        </form>
      </section>

      <div className="two-col">
        <section aria-labelledby="members-title" className="panel">
          <h2 id="members-title">Members</h2>
          <ul>
            {p.members.map((m) => (
              <li key={m.user.id}>
                {m.user.name} ({m.user.email}) — {m.role === 'OWNER' ? 'owner' : 'developer'}{' '}
                {owner ? (
                  <button type="button" className="link" onClick={() => removeMember.mutate(m.user.id)} aria-label={`Remove ${m.user.name}`}>
                    Remove
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          <ErrorNotice error={removeMember.error} />
          {owner ? (
            <form
              className="stack"
              onSubmit={(e) => {
                e.preventDefault();
                addMember.mutate();
              }}
            >
              <label className="field">
                <span>Add a member by email</span>
                <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
              </label>
              <label className="field">
                <span>Role</span>
                <select value={role} onChange={(e) => setRole(e.target.value as 'DEVELOPER' | 'OWNER')}>
                  <option value="DEVELOPER">Developer</option>
                  <option value="OWNER">Owner</option>
                </select>
              </label>
              <ErrorNotice error={addMember.error} title="The member was not added." />
              <button type="submit" disabled={addMember.isPending}>
                Add member
              </button>
            </form>
          ) : null}
        </section>

        <section aria-labelledby="keys-title" className="panel">
          <h2 id="keys-title">Signing keys</h2>
          {p.keys.length === 0 ? <p className="muted">No keys yet. Create one with <code>nudge keys generate</code>.</p> : null}
          <ul aria-label="Signing keys">
            {p.keys.map((k) => (
              <li key={k.keyId}>
                <code>{k.keyId}</code> {k.algorithm} · added {formatDate(k.createdAt)}
                {k.revokedAt ? ` · revoked ${formatDate(k.revokedAt)}` : null}
                {owner && !k.revokedAt ? (
                  <>
                    {' '}
                    <button type="button" className="link" onClick={() => revokeKey.mutate(k.keyId)} aria-label={`Revoke key ${k.keyId}`}>
                      Revoke
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <ErrorNotice error={revokeKey.error} />
          {owner ? (
            <form
              className="stack"
              onSubmit={(e) => {
                e.preventDefault();
                registerKey.mutate();
              }}
            >
              <label className="field">
                <span>Public key (PEM, from publisher.pub)</span>
                <textarea value={publicKey} onChange={(e) => setPublicKey(e.target.value)} rows={4} required spellCheck={false} />
              </label>
              <ErrorNotice error={registerKey.error} title="The key was not registered." />
              <button type="submit" disabled={registerKey.isPending}>
                Register key
              </button>
            </form>
          ) : null}
        </section>
      </div>
    </article>
  );
}
