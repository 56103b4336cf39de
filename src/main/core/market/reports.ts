/** The impact and marketcap reports (IMPACT.md). Owner: market. */
import { dayFromIso, isoFromDay } from '../../../shared/dates'
import { ApiError } from '../../../shared/errors'
import type { ReportBuilder, ReportTable } from '../reports/types'
import type { CsvValue } from '../csv/write'
import { impactTables } from './impact-table'
import { orderRows } from './impact-view'
import { atOrAfter, atOrBefore } from './lookup'
import type { ListingCap } from './marketcap'
import { marketService } from './service'

export const IMPACT_COLUMNS = [
  'event_id',
  'event_date',
  'event_title',
  'ticker',
  'company',
  'window_start',
  'window_end',
  'day0',
  'start_date',
  'end_date',
  'currency',
  'start_mcap',
  'end_mcap',
  'mcap_change',
  'mcap_return',
  'benchmark',
  'benchmark_return',
  'abnormal_return',
  'car',
  't_stat',
  'note'
] as const

export const MARKETCAP_COLUMNS = ['date', 'ticker', 'close', 'shares', 'market_cap', 'currency', 'market_cap_reporting'] as const

/** One row per event x company x window; with a query, only the events it matches. */
export const impactReport: ReportBuilder = async (core, request) => {
  const eventIds = request.query ? core.events.list(request.query).map((e) => e.id) : undefined
  const table = await impactTables(core).table({ eventIds, windows: request.windows, benchmark: request.benchmark })
  const order = request.view ? orderRows(table, request.view) : null
  const count = order ? order.length : table.rowCount
  // Each row is built as it is written: the whole table as objects would cost ~300 MB on a large workspace.
  function* rows(): Generator<CsvValue[]> {
    for (let k = 0; k < count; k++) {
      const r = table.row(order ? order[k] : k)
      yield IMPACT_COLUMNS.map((c) => (MONEY.has(c) ? cents(r[c] as number | null) : r[c]))
    }
  }
  return { header: [...IMPACT_COLUMNS], rows: rows(), count }
}

const MONEY = new Set<string>(['start_mcap', 'end_mcap', 'mcap_change'])

/**
 * Money to the cent: close x shares x FX carries binary noise (774465858983.9999) that reads as
 * a wrong figure in a spreadsheet. Returns and prices are written in full.
 */
export function cents(v: number | null): number | null {
  return v === null ? null : Math.round(v * 100) / 100
}

/**
 * Long format, one row per ticker x trading day within from..to: every imported series, or the
 * tickers asked for. A series without shares (a benchmark, or a company whose share schedule is
 * still to be entered) is written with its closes and shares and market cap empty: leaving it out
 * made an import look lost. A ticker asked for with no prices at all is an error that says why.
 */
export const marketcapReport: ReportBuilder = async (core, request): Promise<ReportTable> => {
  const market = marketService(core)
  const fromDay = request.from ? dayFromIso(request.from) : -Infinity
  const toDay = request.to ? dayFromIso(request.to) : Infinity
  if (fromDay > toDay) throw new ApiError('invalid_input', `The range starts (${request.from}) after it ends (${request.to})`, { issues: [{ path: 'from', message: 'after to' }] })
  const named = request.tickers?.length ? [...new Set(request.tickers.map((t) => t.trim()))] : null
  const tickers = named ?? market.seriesList().map((s) => s.ticker).sort()
  const caps: ListingCap[] = []
  const problems: { path: string; message: string }[] = []
  for (const ticker of tickers) {
    const { cap, reason } = await market.capOf(ticker)
    if (cap) caps.push(cap)
    else if (named) problems.push({ path: 'tickers', message: `${ticker}: ${reason}` })
  }
  if (problems.length) {
    throw new ApiError('invalid_input', `No prices for ${problems.map((p) => p.message).join('; ')}`, { issues: problems })
  }
  let count = 0
  const spans = caps.map((cap) => {
    const lo = atOrAfter(cap.days, fromDay)
    const hi = atOrBefore(cap.days, toDay)
    count += Math.max(0, hi - lo + 1)
    return { cap, lo, hi }
  })
  // Tickers share most trading days: format each date once.
  const isoOf = new Map<number, string>()
  const iso = (day: number): string => {
    let s = isoOf.get(day)
    if (s === undefined) isoOf.set(day, (s = isoFromDay(day)))
    return s
  }
  function* rows(): Generator<CsvValue[]> {
    for (const { cap, lo, hi } of spans) {
      // Worked out on each read (marketcap.ts): once per listing.
      const local = cap.local
      const shares = cap.shares
      for (let i = lo; i <= hi; i++) {
        const rep = cap.reporting ? cap.reporting[i] : NaN
        yield [
          iso(cap.days[i]),
          cap.ticker,
          cap.close ? cap.close[i] : null,
          shares ? shares[i] : null,
          local ? cents(local[i]) : null,
          cap.currency,
          Number.isNaN(rep) ? null : cents(rep)
        ]
      }
    }
  }
  return { header: [...MARKETCAP_COLUMNS], rows: rows(), count }
}
