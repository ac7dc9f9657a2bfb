/** Placeholder until the screen lands. */
export function ReviewerConsole() {
  return <p>Coming soon.</p>;
}
