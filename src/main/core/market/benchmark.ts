/**
 * Benchmarks (IMPACT.md): any imported series marked as one. Its value on date t is its latest
 * close on or before t, so a benchmark on another exchange's calendar still has a value on every
 * company trading day after its first quote.
 */
import type { Company } from '../../../shared/domain'
import type { SeriesFile, SeriesMeta } from '../store/schema'
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

/** Latest value on or before `day`, or NaN before the first quote. */
export function benchmarkValue(b: BenchmarkPoints, day: number): number {
  const i = atOrBefore(b.days, day)
  return i >= 0 ? b.values[i] : NaN
}

/** The benchmark's value on each of ascending `days` (NaN before its first quote). */
export function alignBenchmark(b: BenchmarkPoints, days: ArrayLike<number>): Float64Array {
  return alignAtOrBefore(days, b.days, b.values)
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

/** The first imported series marked as a benchmark, or ''. */
export function defaultBenchmark(series: readonly SeriesMeta[]): string {
  return series.find((s) => s.benchmark)?.ticker ?? ''
}
