/** The append-only audit log, newest first, filterable by action and target, paged by cursor. Platform admins. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice, formatDate, Loading } from '../components/status';
import { request } from '../graphql/client';
import { graphql } from '../graphql/generated';

const AuditDocument = graphql(`
  query AuditLog($filter: AuditLogFilter, $after: String) {
    auditLog(filter: $filter, first: 50, after: $after) {
      edges { node { id at actorUserId action targetType targetId workspaceId reason data } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export function AuditLogPage() {
  const [action, setAction] = useState('');
  const [targetType, setTargetType] = useState('');
  const filter = { ...(action ? { action } : {}), ...(targetType ? { targetType } : {}) };
  const log = useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => request(AuditDocument, { filter, after: pageParam }),
    getNextPageParam: (last) => (last.auditLog.pageInfo.hasNextPage ? last.auditLog.pageInfo.endCursor : null),
  });
  const rows = log.data?.pages.flatMap((p) => p.auditLog.edges.map((e) => e.node)) ?? [];
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>Action</span>
          <input value={action} onChange={(e) => setAction(e.target.value)} placeholder="version.certified" />
        </label>
        <label className="field">
          <span>Target type</span>
          <input value={targetType} onChange={(e) => setTargetType(e.target.value)} placeholder="plugin_version" />
        </label>
      </form>
      <ErrorNotice error={log.error} />
      {log.isPending ? <Loading what="the audit log" /> : null}
      <div className="table-wrap">
        <table aria-label="Audit entries">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Actor</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDate(r.at, true)}</td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td>
                  {r.targetType} <span className="small muted">{r.targetId}</span>
                </td>
                <td className="small">{r.actorUserId ?? 'platform'}</td>
                <td className="small">
                  {r.reason ? <div>{r.reason}</div> : null}
                  {r.data != null ? <code>{JSON.stringify(r.data).slice(0, 160)}</code> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {log.hasNextPage ? (
        <button type="button" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
          Show older entries
        </button>
      ) : null}
    </section>
  );
}
