/**
 * chart:marketcap and chart:basket. Every line is computed on full data (index base, running peak,
 * basket sums, the basket's peak-to-trough loss), then cut to the asked range and downsampled with
 * LTTB to about `maxPoints`, keeping each event's day 0 exactly. Values are rounded for drawing
 * (money to the unit, index to 1e-4, drawdown to 1e-6); the reports carry full precision.
 */
import { dayFromIso, isoFromDay } from '../../../shared/dates'
import { ApiError } from '../../../shared/errors'
import type { BasketData, ChartData, ChartEventMarker, ChartMode, ChartSeries } from '../../../shared/market'
import { basketSeries, peakToTrough } from './basket'
import { lttbIndices } from './downsample'
import { atOrAfter, atOrBefore } from './lookup'
import type { MarketService } from './service'

export interface Range {
  from?: string
  to?: string
}

interface Line {
  companyId: string
  ticker: string
  name: string
  days: number[]
  values: Float64Array
}

type Missing = { companyId: string; reason: string }

function rangeDays(r: Range): { fromDay: number; toDay: number } {
  const fromDay = r.from ? dayFromIso(r.from) : -Infinity
  const toDay = r.to ? dayFromIso(r.to) : Infinity
  if (fromDay > toDay) throw new ApiError('invalid_input', `The range starts (${r.from}) after it ends (${r.to})`, { issues: [{ path: 'from', message: 'after to' }] })
  return { fromDay, toDay }
}

/** Event markers dated within the range, and their day numbers. */
function markersIn(market: MarketService, fromDay: number, toDay: number): { markers: ChartEventMarker[]; days: Int32Array } {
  const all = market.markers()
  const lo = atOrAfter(all.days, fromDay)
  const hi = atOrBefore(all.days, toDay)
  return { markers: all.markers.slice(lo, hi + 1), days: all.days.subarray(lo, Math.max(lo, hi + 1)) }
}

/** Anchors: the index of each marker's day 0 (first day on or after it) within [lo, hi]. */
function anchorMask(days: ArrayLike<number>, lo: number, hi: number, markerDays: Int32Array): Uint8Array {
  const mask = new Uint8Array(days.length)
  let i = lo
  for (let m = 0; m < markerDays.length; m++) {
    while (i <= hi && days[i] < markerDays[m]) i++
    if (i > hi) break
    mask[i] = 1
  }
  return mask
}

/** Each company's market cap in the reporting currency, on the days it has one. */
async function lines(market: MarketService, companyIds: string[], missing: Missing[]): Promise<Line[]> {
  const out: Line[] = []
  const ids = [...new Set(companyIds)]
  // Every company's series is read at once: the files are independent, and read one after another
  // their round trips were most of the first chart's wait after a start.
  const caps = await Promise.all(
    ids.map((id) => {
      const company = market.core.store.companies.get(id)
      return company ? market.companyCap(company) : null
    })
  )
  for (let k = 0; k < ids.length; k++) {
    const companyId = ids[k]
    const found = caps[k]
    if (!found) {
      missing.push({ companyId, reason: `no company with id ${companyId}` })
      continue
    }
    const { company, cap, reason, ticker } = found
    if (!cap?.reporting) {
      missing.push({ companyId, reason })
      continue
    }
    // Days without an FX rate have no value in the reporting currency: leave them out of the line.
    const days: number[] = []
    const values: number[] = []
    for (let i = 0; i < cap.days.length; i++) {
      const v = cap.reporting[i]
      if (Number.isNaN(v)) continue
      days.push(cap.days[i])
      values.push(v)
    }
    if (!days.length) missing.push({ companyId, reason: `no FX rate for ${cap.currency} on any trading day of ${ticker}` })
    else out.push({ companyId, ticker, name: company.name, days, values: Float64Array.from(values) })
  }
  return out
}

const round = (mode: ChartMode) => (mode === 'absolute' ? Math.round : mode === 'indexed' ? (v: number) => Math.round(v * 1e4) / 1e4 : (v: number) => Math.round(v * 1e6) / 1e6)

export async function marketcapChart(
  market: MarketService,
  req: Range & { companyIds: string[]; mode: ChartMode; indexDate?: string; maxPoints: number }
): Promise<ChartData> {
  const { fromDay, toDay } = rangeDays(req)
  const missing: Missing[] = []
  let found = await lines(market, req.companyIds, missing)
  let indexDate: string | null = null
  if (req.mode === 'indexed') {
    // Default: the first date every line has reached within the range (the first common date).
    let indexDay = req.indexDate ? dayFromIso(req.indexDate) : -Infinity
    if (!req.indexDate) for (const l of found) indexDay = Math.max(indexDay, l.days[Math.min(atOrAfter(l.days, fromDay), l.days.length - 1)])
    if (found.length) indexDate = isoFromDay(indexDay)
    found = found.filter((l) => {
      const i = atOrAfter(l.days, indexDay)
      if (i >= l.days.length) {
        missing.push({ companyId: l.companyId, reason: `no data on or after the index date ${indexDate}` })
        return false
      }
      const base = l.values[i]
      for (let k = 0; k < l.values.length; k++) l.values[k] = (l.values[k] / base) * 100
      return true
    })
  } else if (req.mode === 'drawdown') {
    for (const l of found) {
      let peak = -Infinity
      for (let k = 0; k < l.values.length; k++) {
        peak = Math.max(peak, l.values[k])
        l.values[k] = l.values[k] / peak - 1
      }
    }
  }
  const { markers, days: markerDays } = markersIn(market, fromDay, toDay)
  const fmt = round(req.mode)
  const series: ChartSeries[] = []
  for (const l of found) {
    const lo = atOrAfter(l.days, fromDay)
    const hi = atOrBefore(l.days, toDay)
    if (lo > hi) {
      missing.push({ companyId: l.companyId, reason: `no data for ${l.ticker} between ${req.from ?? 'the start'} and ${req.to ?? 'the end'}` })
      continue
    }
    const mask = anchorMask(l.days, lo, hi, markerDays)
    const keep = lttbIndices(l.days, l.values, lo, hi, req.maxPoints, (i) => mask[i] === 1)
    series.push({
      companyId: l.companyId,
      ticker: l.ticker,
      name: l.name,
      days: keep.map((i) => l.days[i]),
      values: keep.map((i) => fmt(l.values[i])),
      rawCount: hi - lo + 1
    })
  }
  return { currency: market.settings.reportingCurrency, mode: req.mode, indexDate, series, events: markers, missing }
}

export async function basketChart(market: MarketService, req: Range & { companyIds: string[]; maxPoints: number }): Promise<BasketData> {
  const { fromDay, toDay } = rangeDays(req)
  const missing: Missing[] = []
  const found = await lines(market, req.companyIds, missing)
  const { markers, days: markerDays } = markersIn(market, fromDay, toDay)
  const currency = market.settings.reportingCurrency
  const b = basketSeries(found)
  const lo = atOrAfter(b.days, fromDay)
  const hi = atOrBefore(b.days, toDay)
  const base = { currency, missing, events: markers }
  if (!found.length || lo > hi) {
    const note = !found.length
      ? 'no company in the basket has a market cap'
      : b.days.length
        ? 'the basket has no common dates in this range'
        : 'the companies never all have a value within 5 days of each other'
    return { ...base, days: [], stacks: found.map((l) => ({ companyId: l.companyId, ticker: l.ticker, name: l.name, values: [] })), total: [], drawdown: null, note }
  }
  const dd = peakToTrough(b.total, lo, hi)!
  const mask = anchorMask(b.days, lo, hi, markerDays)
  mask[dd.peakIndex] = 1
  mask[dd.troughIndex] = 1
  const keep = lttbIndices(b.days, b.total, lo, hi, req.maxPoints, (i) => mask[i] === 1)
  return {
    ...base,
    days: keep.map((i) => b.days[i]),
    stacks: found.map((l, k) => ({ companyId: l.companyId, ticker: l.ticker, name: l.name, values: keep.map((i) => Math.round(b.stacks[k][i])) })),
    total: keep.map((i) => Math.round(b.total[i])),
    drawdown: {
      peakDate: isoFromDay(b.days[dd.peakIndex]),
      troughDate: isoFromDay(b.days[dd.troughIndex]),
      peak: dd.peak,
      trough: dd.trough,
      loss: dd.loss,
      lossFraction: dd.lossFraction
    },
    note: ''
  }
}
