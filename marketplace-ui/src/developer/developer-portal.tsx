/** The developer portal's start: the publishers the viewer belongs to, and creating a new one. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorNotice } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';
import { useSession } from '../session/session-context';

const CreatePublisherDocument = graphql(`
  mutation CreatePublisher($input: CreatePublisherInput!) {
    createPublisher(input: $input) { id }
  }
`);

export function DeveloperPortal() {
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const create = useMutation({
    mutationFn: () => request(CreatePublisherDocument, { input: { name, slug } }),
    onSuccess: async ({ createPublisher }) => {
      await queryClient.invalidateQueries({ queryKey: ['viewer'] });
      navigate(`/developer/publishers/${createPublisher.id}`);
    },
  });
  const publishers = session.viewer?.publishers ?? [];
  return (
    <section aria-labelledby="dev-title">
      <h1 id="dev-title">Developer portal</h1>
      <p className="lead">Publish integrations, follow them through certification and see how they are used.</p>
      <h2>Your publishers</h2>
      {publishers.length === 0 ? <p className="muted">You are not a member of a publisher yet.</p> : null}
      <ul className="card-grid">
        {publishers.map((p) => (
          <li key={p.publisher.id} className="card">
            <h3>
              <Link to={`/developer/publishers/${p.publisher.id}`}>{p.publisher.name}</Link>
            </h3>
            <p className="muted small">
              {p.publisher.slug} · you are {p.role === 'OWNER' ? 'an owner' : 'a developer'}
            </p>
          </li>
        ))}
      </ul>
      <form
        className="stack narrow panel"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h2>Create a publisher</h2>
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label className="field">
          <span>Short name (used in URLs)</span>
          <input value={slug} onChange={(e) => setSlug(e.target.value)} required pattern="[a-z0-9-]+" title="Lower-case letters, digits and dashes" />
        </label>
        <ErrorNotice error={create.error} title="The publisher was not created." />
        <button type="submit" disabled={create.isPending}>
          Create publisher
        </button>
      </form>
    </section>
  );
}
