/**
 * What an import would do, without doing it: each parsed ticker's rows compared with its stored
 * series, point by point. The result is kept (a `Preview`) so that the commit applies exactly what
 * the user saw, and can tell when the stored series changed in between.
 */
import type { ImportDryRun, ImportTickerCounts, RejectedRow, ValueKind } from '../../../shared/market'
import { isoFromDay } from '../../../shared/dates'
import type { Core } from '../core'
import type { SeriesFile } from '../store/schema'
import { ownerOf } from './listings'
import type { ParseOutcome } from './parse'
import type { JobTracker } from './jobs'
import { yieldToLoop } from './parse'

/** The part of a series file a value kind is stored in. */
export const PART: Record<ValueKind, 'close' | 'adjClose' | 'marketCap'> = { close: 'close', adj_close: 'adjClose', market_cap: 'marketCap' }

export interface PreviewTicker {
  counts: ImportTickerCounts
  days: Int32Array
  values: Float64Array
  currency: string
  /** The stored series file the counts were made against (null: none yet): the commit's conflict check. */
  baseFile: string | null
}

export interface Preview {
  id: string
  name: string
  valueKind: ValueKind
  tickers: PreviewTicker[]
  totals: ImportDryRun['totals']
  rejected: RejectedRow[]
  /** How the dates were read, shown with the counts so a day-first/month-first mix-up is seen before it is stored. */
  dateFormat: ImportDryRun['dateFormat']
  dateFormatAmbiguous: boolean
}

export async function buildPreview(
  core: Core,
  id: string,
  name: string,
  valueKind: ValueKind,
  currency: string | undefined,
  parsed: ParseOutcome,
  job: JobTracker
): Promise<Preview> {
  job.phase('comparing', parsed.tickers.length)
  const tickers: PreviewTicker[] = []
  const totals = { rows: parsed.rows, new: 0, replaced: 0, unchanged: 0, rejected: parsed.rejectedCount }
  for (let i = 0; i < parsed.tickers.length; i++) {
    const { ticker, days, values } = parsed.tickers[i]
    const meta = core.store.series.meta(ticker)
    const stored = meta ? await core.store.series.load(ticker) : null
    const owner = ownerOf(core, ticker, currency)
    const diff = compare(days, values, stored?.[PART[valueKind]])
    const counts: ImportTickerCounts = {
      ticker,
      createsCompany: owner.companyId === null,
      ...diff,
      first: days.length ? isoFromDay(days[0]) : null,
      last: days.length ? isoFromDay(days[days.length - 1]) : null
    }
    totals.new += diff.new
    totals.replaced += diff.replaced
    totals.unchanged += diff.unchanged
    tickers.push({ counts, days, values, currency: owner.currency, baseFile: meta?.file ?? null })
    job.progress(i + 1)
    if (i % 50 === 49) await yieldToLoop()
  }
  return { id, name, valueKind, tickers, totals, rejected: parsed.rejected, dateFormat: parsed.dateFormat, dateFormatAmbiguous: parsed.dateFormatAmbiguous }
}

/** New / replaced (stored value differs) / unchanged, walking both sorted day lists once. */
function compare(days: Int32Array, values: Float64Array, stored: SeriesFile['close']): { new: number; replaced: number; unchanged: number } {
  if (!stored) return { new: days.length, replaced: 0, unchanged: 0 }
  const sd = stored.days
  const sv = stored.values
  let fresh = 0
  let replaced = 0
  let unchanged = 0
  let j = 0
  for (let i = 0; i < days.length; i++) {
    const d = days[i]
    while (j < sd.length && sd[j] < d) j++
    if (j < sd.length && sd[j] === d) {
      if (sv[j] === values[i]) unchanged++
      else replaced++
    } else fresh++
  }
  return { new: fresh, replaced, unchanged }
}

export function dryRunOf(p: Preview): ImportDryRun {
  return {
    previewId: p.id,
    name: p.name,
    valueKind: p.valueKind,
    tickers: p.tickers.map((t) => t.counts),
    totals: p.totals,
    rejected: p.rejected,
    dateFormat: p.dateFormat,
    dateFormatAmbiguous: p.dateFormatAmbiguous
  }
}
