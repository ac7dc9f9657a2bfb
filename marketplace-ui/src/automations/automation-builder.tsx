/** Placeholder until the screen lands. */
export function AutomationBuilder() {
  return <p>Coming soon.</p>;
}
