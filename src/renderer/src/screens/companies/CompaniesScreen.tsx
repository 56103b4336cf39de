/** Placeholder until this screen is built. */
export function CompaniesScreen() {
  return <section aria-label="CompaniesScreen">Coming soon</section>
}
