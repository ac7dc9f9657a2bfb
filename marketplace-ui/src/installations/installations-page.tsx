/** Placeholder until the screen lands. */
export function InstallationsPage() {
  return <p>Coming soon.</p>;
}
