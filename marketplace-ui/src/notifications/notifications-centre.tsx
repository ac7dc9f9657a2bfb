/** The notifications centre: everything addressed to the viewer or their workspaces, unread first to the eye, marked read on request. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice, formatDate, Loading } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';

const NotificationsDocument = graphql(`
  query Notifications($unreadOnly: Boolean) {
    viewer { notifications(unreadOnly: $unreadOnly, first: 50) { edges { node { id kind title body link readAt createdAt } } } }
  }
`);
const MarkReadDocument = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

/** Links inside the product stay in the SPA; anything else is not followed. */
function internalPath(link: string | null | undefined): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, window.location.origin);
    return url.origin === window.location.origin ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

export function NotificationsCentre() {
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const query = useQuery({ queryKey: ['notifications', unreadOnly], queryFn: () => request(NotificationsDocument, { unreadOnly }) });
  const markRead = useMutation({
    mutationFn: (ids: string[]) => request(MarkReadDocument, { ids }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      void queryClient.invalidateQueries({ queryKey: ['unread'] });
    },
  });
  const items = query.data?.viewer?.notifications.edges.map((e) => e.node) ?? [];
  const unread = items.filter((n) => !n.readAt).map((n) => n.id);
  return (
    <section aria-labelledby="notes-title">
      <h1 id="notes-title">Notifications</h1>
      <div className="actions wrap">
        <label className="chip">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> Unread only
        </label>
        <button type="button" onClick={() => markRead.mutate(unread)} disabled={unread.length === 0 || markRead.isPending}>
          Mark all as read
        </button>
      </div>
      <ErrorNotice error={query.error ?? markRead.error} />
      {query.isPending ? <Loading what="notifications" /> : null}
      {!query.isPending && items.length === 0 ? <p className="muted">Nothing here. You are all caught up.</p> : null}
      <ul className="reviews" aria-label="Notifications">
        {items.map((n) => {
          const path = internalPath(n.link);
          return (
            <li key={n.id} className={n.readAt ? '' : 'unread'}>
              <p>
                {n.readAt ? null : <span className="badge badge-state-pending">New</span>} {n.title} <span className="small muted">{formatDate(n.createdAt, true)}</span>
              </p>
              <p className="muted">{n.body}</p>
              <div className="actions">
                {path ? <Link to={path}>Open</Link> : null}
                {n.readAt ? null : (
                  <button type="button" className="link" onClick={() => markRead.mutate([n.id])}>
                    Mark as read
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
