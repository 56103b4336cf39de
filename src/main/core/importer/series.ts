/**
 * The imported series as the Data screen and the CLI list them, and the benchmark flag: any series
 * can serve as a benchmark (SPY, ^HSI, …), which the impact analysis then offers (IMPACT.md).
 */
import type { SeriesInfo, SeriesRemoval } from '../../../shared/market'
import { ApiError } from '../../../shared/errors'
import type { Core } from '../core'
import type { SeriesMeta } from '../store/schema'

export function seriesInfo(m: SeriesMeta): SeriesInfo {
  return {
    ticker: m.ticker,
    companyId: m.companyId,
    currency: m.currency,
    benchmark: m.benchmark,
    counts: { ...m.counts },
    first: m.first,
    last: m.last,
    source: m.source,
    importedAt: m.importedAt
  }
}

export function listSeries(core: Core): SeriesInfo[] {
  return core.store.series
    .list()
    .map(seriesInfo)
    .sort((a, b) => (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0))
}

function findSeries(core: Core, ticker: string): SeriesMeta {
  const upper = ticker.toUpperCase()
  const meta = core.store.series.list().find((s) => s.ticker.toUpperCase() === upper)
  if (meta) return meta
  const known = core.store.series.list().map((s) => s.ticker).sort()
  throw new ApiError('not_found', `No imported series for ${ticker}${known.length ? `. Imported: ${known.join(', ')}` : '; import its prices first'}`, {
    issues: [{ path: 'ticker', message: `no series ${ticker}` }]
  })
}

export async function setBenchmark(core: Core, ticker: string, benchmark: boolean): Promise<SeriesInfo> {
  const meta = findSeries(core, ticker)
  if (meta.benchmark === benchmark) return seriesInfo(meta)
  const updated = core.store.series.setMeta(meta.ticker, { benchmark })
  await core.store.commit()
  return seriesInfo(updated)
}

/**
 * Remove an imported series (a file imported by mistake, a ticker no longer followed). Refused
 * while a currency is converted with it: amounts would silently change to the constant rate.
 * Companies that had it as their benchmark go back to the default one, and the result says so.
 */
export async function removeSeries(core: Core, ticker: string): Promise<SeriesRemoval> {
  const meta = findSeries(core, ticker)
  const settings = core.store.settings.get()
  const fx = Object.entries(settings.fxSeries).filter(([, t]) => t.toUpperCase() === meta.ticker.toUpperCase()).map(([c]) => c)
  if (fx.length) {
    throw new ApiError('conflict', `${meta.ticker} is the daily FX series of ${fx.join(', ')}: choose a constant rate for ${fx.length === 1 ? 'it' : 'them'} first (Market data, Currency and impact windows)`, {
      issues: [{ path: 'ticker', message: 'used as an FX series' }]
    })
  }
  const benchmarked = core.store.companies.list().filter((c) => c.benchmark.toUpperCase() === meta.ticker.toUpperCase())
  for (const c of benchmarked) core.store.companies.put({ ...c, benchmark: '' })
  const gone = core.store.series.remove(meta.ticker)
  await core.store.commit()
  const points = Object.values(gone.counts).reduce((n, k) => n + (k ?? 0), 0)
  return { ticker: gone.ticker, points, benchmarkOf: benchmarked.map((c) => c.name) }
}
