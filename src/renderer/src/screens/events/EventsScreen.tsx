/** Placeholder until this screen is built. */
export function EventsScreen() {
  return <section aria-label="EventsScreen">Coming soon</section>
}
