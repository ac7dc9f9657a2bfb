/** Placeholder until the screen lands. */
export function UsageDashboard() {
  return <p>Coming soon.</p>;
}
