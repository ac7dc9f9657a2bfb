/** The scopes and hosts an integration asks for, as the listing and the consent screen show them. */
export function PermissionList({ scopes, hosts, title = 'What it can access' }: { scopes: readonly string[]; hosts: readonly string[]; title?: string }) {
  return (
    <section aria-labelledby="permissions-title" className="permissions">
      <h2 id="permissions-title">{title}</h2>
      <div className="two-col">
        <div>
          <h3>Permissions (scopes)</h3>
          {scopes.length ? (
            <ul aria-label="Requested scopes">
              {scopes.map((s) => (
                <li key={s}>
                  <code>{s}</code>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No OAuth permissions.</p>
          )}
        </div>
        <div>
          <h3>Services it connects to</h3>
          {hosts.length ? (
            <ul aria-label="Hosts it may call">
              {hosts.map((h) => (
                <li key={h}>
                  <code>{h}</code>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No outside services.</p>
          )}
        </div>
      </div>
    </section>
  );
}
