/**
 * The imported series as the Data screen and the CLI list them, and the benchmark flag: any series
 * can serve as a benchmark (SPY, ^HSI, …), which the impact analysis then offers (IMPACT.md).
 */
import type { SeriesInfo } from '../../../shared/market'
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

export async function setBenchmark(core: Core, ticker: string, benchmark: boolean): Promise<SeriesInfo> {
  const upper = ticker.toUpperCase()
  const meta = core.store.series.list().find((s) => s.ticker.toUpperCase() === upper)
  if (!meta) {
    const known = core.store.series.list().map((s) => s.ticker).sort()
    throw new ApiError('not_found', `No imported series for ${ticker}${known.length ? `. Imported: ${known.join(', ')}` : '; import its prices first'}`, {
      issues: [{ path: 'ticker', message: `no series ${ticker}` }]
    })
  }
  if (meta.benchmark === benchmark) return seriesInfo(meta)
  const updated = core.store.series.setMeta(meta.ticker, { benchmark })
  await core.store.commit()
  return seriesInfo(updated)
}
