/** Placeholder until the screen lands. */
export function InstallationPage() {
  return <p>Coming soon.</p>;
}
