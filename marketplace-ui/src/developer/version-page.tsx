/** Placeholder until the screen lands. */
export function VersionPage() {
  return <p>Coming soon.</p>;
}
