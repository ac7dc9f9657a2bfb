/** Placeholder until the screen lands. */
export function NotificationsCentre() {
  return <p>Coming soon.</p>;
}
