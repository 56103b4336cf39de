/** Placeholder until this screen is built. */
export function ImpactScreen() {
  return <section aria-label="ImpactScreen">Coming soon</section>
}
