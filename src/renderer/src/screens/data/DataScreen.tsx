/** Placeholder until this screen is built. */
export function DataScreen() {
  return <section aria-label="DataScreen">Coming soon</section>
}
