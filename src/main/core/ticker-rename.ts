/**
 * A listing's ticker corrected in place (PDD typed as PDDX, or the other way round): what was
 * filed under the old ticker follows it, in the same commit as the company. Without this the
 * imported prices stayed filed under the old ticker and the company silently lost its charts
 * and impact figures. Share schedules live inside the listing, so they follow by themselves;
 * the price series, the benchmarks naming the ticker and the FX series setting do not.
 */
import { ApiError } from '../../shared/errors'
import type { Company, Listing } from '../../shared/domain'
import type { Store } from './store/store'

const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase()

/**
 * The renames in an edit of a company's listings: a row whose ticker changed, where the old
 * ticker is no longer among the listings and the new one was not among them before (the
 * listings editor edits rows in place, so the row's position pairs the two).
 */
export function renamedTickers(before: readonly Listing[], after: readonly Listing[]): { from: string; to: string }[] {
  const renames: { from: string; to: string }[] = []
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    const from = before[i].ticker
    const to = after[i].ticker
    if (same(from, to)) continue
    if (after.some((l) => same(l.ticker, from)) || before.some((l) => same(l.ticker, to))) continue
    renames.push({ from, to })
  }
  return renames
}

/**
 * Move the series, benchmarks and FX settings of each renamed ticker; `company` is the edited
 * company (not yet stored), returned with its own benchmark moved too. Checks everything before
 * changing anything, so a refusal leaves the store as it was.
 */
export function carryRenames(store: Store, company: Company, renames: { from: string; to: string }[]): Company {
  const series = store.series.list()
  const moves = renames.filter((r) => series.some((s) => same(s.ticker, r.from)))
  for (const { from, to } of moves) {
    const taken = series.find((s) => same(s.ticker, to))
    if (taken) {
      throw new ApiError('conflict', `Cannot rename ${from} to ${to}: prices are already imported under ${to}. Remove the ${taken.ticker} series first (Market data), or keep ${from}`, {
        issues: [{ path: 'listings.ticker', message: `${to} already has imported prices` }]
      })
    }
  }
  let self = company
  for (const { from, to } of renames) {
    const s = series.find((x) => same(x.ticker, from))
    if (s) store.series.rename(s.ticker, to)
    if (same(self.benchmark, from)) self = { ...self, benchmark: to }
    for (const c of store.companies.list()) if (c.id !== company.id && same(c.benchmark, from)) store.companies.put({ ...c, benchmark: to })
    const settings = store.settings.get()
    const fx = Object.entries(settings.fxSeries)
    if (fx.some(([, t]) => same(t, from))) store.settings.set({ ...settings, fxSeries: Object.fromEntries(fx.map(([k, t]) => [k, same(t, from) ? to : t])) })
  }
  return self
}
