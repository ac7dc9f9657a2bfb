/** Placeholder until the screen lands. */
export function DeveloperPortal() {
  return <p>Coming soon.</p>;
}
