/** Placeholder until the screen lands. */
export function PublisherPage() {
  return <p>Coming soon.</p>;
}
