/** Placeholder until the screen lands. */
export function AuditLogPage() {
  return <p>Coming soon.</p>;
}
