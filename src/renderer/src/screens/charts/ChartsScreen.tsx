/** Placeholder until this screen is built. */
export function ChartsScreen() {
  return <section aria-label="ChartsScreen">Coming soon</section>
}
