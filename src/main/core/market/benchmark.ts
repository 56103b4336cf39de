/**
 * Benchmarks (IMPACT.md): any imported series marked as one. Its value on date t is its latest
 * close on or before t, so a benchmark on another exchange's calendar still has a value on every
 * company trading day after its first quote. Past its last quote the close carries over at most
 * CARRY_DAYS calendar days (a holiday or weekend at the end of the file, as for a basket) and then
 * stops: carrying it further would be extrapolation (an event in 2024 measured against a benchmark
 * file that ends in 2022 would show a flat market), so those days are NaN and the impact row says
 * the benchmark's data ends.
 */
import type { Company } from '../../../shared/domain'
import type { SeriesFile, SeriesMeta } from '../store/schema'
import { CARRY_DAYS } from './basket'
import { alignAtOrBefore, atOrBefore } from './lookup'

export interface BenchmarkPoints {
  ticker: string
  days: readonly number[]
  values: readonly number[]
}

/** The benchmark's closes (adjusted close, or market cap, when that is all it has), or null. */
export function benchmarkPoints(ticker: string, data: SeriesFile | null): BenchmarkPoints | null {
  const part = [data?.close, data?.adjClose, data?.marketCap].find((p) => p && p.days.length > 0)
  return part ? { ticker, days: part.days, values: part.values } : null
}

/** Latest value on or before `day`, or NaN before the first quote or past the end of the data. */
export function benchmarkValue(b: BenchmarkPoints, day: number): number {
  if (day > lastDay(b) + CARRY_DAYS) return NaN
  const i = atOrBefore(b.days, day)
  return i >= 0 ? b.values[i] : NaN
}

/** The benchmark's value on each of ascending `days` (NaN before its first quote or past the end of the data). */
export function alignBenchmark(b: BenchmarkPoints, days: ArrayLike<number>): Float64Array {
  const out = alignAtOrBefore(days, b.days, b.values)
  const last = lastDay(b) + CARRY_DAYS
  for (let i = out.length - 1; i >= 0 && days[i] > last; i--) out[i] = NaN
  return out
}

/** The day of the benchmark's last quote. */
export function lastDay(b: BenchmarkPoints): number {
  return b.days[b.days.length - 1]
}

/**
 * Which benchmark a company is measured against: the request's override, else the company's own,
 * else `fallback` (the first imported series marked as a benchmark). Returns '' when there is none.
 */
export function benchmarkTickerFor(override: string | undefined, company: Pick<Company, 'benchmark'> | undefined, fallback: string): string {
  if (override?.trim()) return override.trim()
  if (company?.benchmark.trim()) return company.benchmark.trim()
  return fallback
}

/**
 * The first series marked as a benchmark in ticker order, or ''. Ticker order, not import order:
 * the Market data screen lists series by ticker and names this one "first benchmark (…)", and
 * re-importing a file must not change which benchmark every company falls back to.
 */
export function defaultBenchmark(series: readonly SeriesMeta[]): string {
  let first = ''
  for (const s of series) if (s.benchmark && (!first || s.ticker < first)) first = s.ticker
  return first
}
