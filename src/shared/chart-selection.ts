/**
 * The companies a chart can draw (those with an imported series), and the default selection:
 * the ones linked to events that have prices, most-linked first, at most 20 (the size the chart
 * is designed for). Benchmarks (SPY) are left out of the default: they are not "affected".
 * Shared: the Charts screen starts from it, and the core loads those companies' prices ahead.
 */
export interface CompanyChoice {
  id: string
  name: string
  ticker: string
  eventCount: number
  hasPrices: boolean
  benchmark: boolean
}

export const DEFAULT_MAX = 20

interface CompanyLike {
  id: string
  name: string
  eventCount: number
  listings: readonly { ticker: string }[]
}
interface SeriesLike {
  companyId: string | null
  ticker: string
  benchmark: boolean
}

export function buildChoices(companies: readonly CompanyLike[], series: readonly SeriesLike[]): CompanyChoice[] {
  const priced = new Map<string, SeriesLike>()
  for (const s of series) if (s.companyId && !priced.has(s.companyId)) priced.set(s.companyId, s)
  return companies.map((c) => {
    const s = priced.get(c.id)
    return {
      id: c.id,
      name: c.name,
      ticker: s?.ticker ?? c.listings[0]?.ticker ?? c.id,
      eventCount: c.eventCount,
      hasPrices: s !== undefined,
      benchmark: s?.benchmark ?? false
    }
  })
}

export function defaultSelection(choices: readonly CompanyChoice[]): string[] {
  return choices
    .filter((c) => c.hasPrices && !c.benchmark && c.eventCount > 0)
    .sort((a, b) => b.eventCount - a.eventCount || a.name.localeCompare(b.name))
    .slice(0, DEFAULT_MAX)
    .map((c) => c.id)
}
