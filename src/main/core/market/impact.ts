/**
 * The figures of one event x company x window (IMPACT.md "Event day and windows" and "Per event x
 * company x window"). Pure: the caller hands in the company's market cap, its benchmark and their
 * daily returns, all precomputed per series; a figure that cannot be computed is null and the
 * reason is added to `note`, never extrapolated.
 */
import { isoFromDay } from '../../../shared/dates'
import type { ImpactRow } from '../../../shared/market'
import { benchmarkValue, lastDay, type BenchmarkPoints } from './benchmark'
import { atOrAfter } from './lookup'
import type { ListingCap } from './marketcap'
import { cumulativeAbnormal, fitMarketModel, type DailyReturns, type EstimationWindow, type MarketModel } from './market-model'

/** The computed part of an impact row (the event and company columns are added by the table). */
export type ImpactFigures = Pick<
  ImpactRow,
  | 'window_start'
  | 'window_end'
  | 'day0'
  | 'start_date'
  | 'end_date'
  | 'start_mcap'
  | 'end_mcap'
  | 'mcap_change'
  | 'mcap_return'
  | 'benchmark_return'
  | 'abnormal_return'
  | 'car'
  | 't_stat'
  | 'note'
>

export interface PairInputs {
  /** Day number of the event's date. */
  eventDay: number
  /** The company's market cap series, or null when it has no trading days (`noCapReason` says why). */
  cap: ListingCap | null
  noCapReason: string
  bench: BenchmarkPoints | null
  /** Why there is no benchmark, when `bench` is null. */
  benchReason: string
  /** Returns of the company's price and of the benchmark on its days (null without a benchmark). */
  returns: DailyReturns | null
  est: EstimationWindow
}

const empty = (a: number, b: number, note: string): ImpactFigures => ({
  window_start: a,
  window_end: b,
  day0: null,
  start_date: null,
  end_date: null,
  start_mcap: null,
  end_mcap: null,
  mcap_change: null,
  mcap_return: null,
  benchmark_return: null,
  abnormal_return: null,
  car: null,
  t_stat: null,
  note
})

/** Figures for every window of one event x company pair; the market model is fitted once. */
export function pairImpact(inp: PairInputs, windows: readonly { a: number; b: number }[]): ImpactFigures[] {
  const { cap } = inp
  if (!cap) return windows.map((w) => empty(w.a, w.b, inp.noCapReason))
  const days = cap.days
  const n = days.length
  const i0 = atOrAfter(days, inp.eventDay)
  const before = () => `insufficient data before (${cap.ticker} prices start ${dayText(days[0])})`
  const after = () => `insufficient data after (${cap.ticker} prices end ${dayText(days[n - 1])})`
  if (i0 >= n) return windows.map((w) => empty(w.a, w.b, after()))
  const day0 = dayText(days[i0])
  let model: MarketModel | null = null
  return windows.map(({ a, b }) => {
    const row = empty(a, b, '')
    row.day0 = day0
    const s = i0 + a - 1
    const e = i0 + b
    const notes: string[] = []
    if (s >= 0 && s < n) row.start_date = dayText(days[s])
    if (e >= 0 && e < n) row.end_date = dayText(days[e])
    if (s < 0) notes.push(before())
    if (e >= n) notes.push(after())
    if (notes.length) {
      row.note = notes.join('; ')
      return row
    }

    if (!cap.reporting) notes.push(cap.reason)
    else {
      const ms = cap.reporting[s]
      const me = cap.reporting[e]
      const gap = Number.isNaN(ms) ? s : Number.isNaN(me) ? e : -1
      if (gap >= 0) notes.push(`no FX rate for ${cap.currency} on ${dayText(days[gap])}`)
      else {
        row.start_mcap = ms
        row.end_mcap = me
        row.mcap_change = mcapChange(ms, me)
        row.mcap_return = mcapReturn(ms, me)
      }
    }

    const bench = inp.bench
    if (!bench || !inp.returns) notes.push(inp.benchReason)
    else {
      const bs = benchmarkValue(bench, days[s])
      const be = benchmarkValue(bench, days[e])
      if (Number.isNaN(bs)) notes.push(noBenchmarkValue(bench, days[s]))
      else if (Number.isNaN(be)) notes.push(noBenchmarkValue(bench, days[e]))
      else {
        row.benchmark_return = be / bs - 1
        if (row.mcap_return !== null) row.abnormal_return = abnormalReturn(row.mcap_return, row.benchmark_return)
      }
      model ??= fitMarketModel(inp.returns, i0, inp.est)
      const car = cumulativeAbnormal(inp.returns, model, i0, a, b)
      row.car = car.car
      row.t_stat = car.tStat
      if (car.reason) notes.push(car.reason)
    }
    row.note = notes.join('; ')
    return row
  })
}

/**
 * A trading day as text, each day's made once: a large workspace's 600k rows name a few thousand
 * days, and a Date and two strings per date made hundreds of MB of garbage per table.
 */
const dayTexts = new Map<number, string>()
function dayText(day: number): string {
  let text = dayTexts.get(day)
  if (text === undefined) {
    if (dayTexts.size >= 100_000) dayTexts.clear()
    dayTexts.set(day, (text = isoFromDay(day)))
  }
  return text
}

/*
 * The figures that follow from others. The impact table stores the market caps and the benchmark
 * return and derives these when it shows a row (impact-figures.ts): one definition, so the figures
 * it shows are bit for bit the ones computed here.
 */
export const mcapChange = (startMcap: number, endMcap: number): number => endMcap - startMcap
export const mcapReturn = (startMcap: number, endMcap: number): number => endMcap / startMcap - 1
export const abnormalReturn = (mcapReturn: number, benchmarkReturn: number): number => mcapReturn - benchmarkReturn

/** Why the benchmark has no value on `day`: before its first quote or after its last. */
function noBenchmarkValue(bench: BenchmarkPoints, day: number): string {
  if (day > lastDay(bench)) return `insufficient benchmark data after (${bench.ticker} ends ${dayText(lastDay(bench))})`
  return `insufficient benchmark data before (${bench.ticker} starts ${dayText(bench.days[0])})`
}
