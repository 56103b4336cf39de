/**
 * The market model of IMPACT.md (MacKinlay 1997): daily returns of the company and its benchmark
 * over the company's trading days, alpha and beta by OLS over the estimation window, sigma with
 * n - 2 degrees of freedom, abnormal returns and their sum over an event window with its t-stat.
 *
 * Returns are computed once per (series, benchmark) pair and then indexed by trading-day position,
 * so fitting one event costs one pass over its estimation window and allocates nothing.
 */

export interface DailyReturns {
  /** R[i] = P[i]/P[i-1] - 1 (NaN at i = 0 or where a price is missing). */
  r: Float64Array
  /** Rm[i] = B[i]/B[i-1] - 1 with B the benchmark's value on the company's day i. */
  rm: Float64Array
}

export function dailyReturns(price: ArrayLike<number>, benchmarkOnDays: ArrayLike<number>): DailyReturns {
  const n = price.length
  const r = new Float64Array(n)
  const rm = new Float64Array(n)
  r[0] = NaN
  rm[0] = NaN
  for (let i = 1; i < n; i++) {
    r[i] = price[i - 1] > 0 ? price[i] / price[i - 1] - 1 : NaN
    rm[i] = benchmarkOnDays[i - 1] > 0 ? benchmarkOnDays[i] / benchmarkOnDays[i - 1] - 1 : NaN
  }
  return { r, rm }
}

export type MarketModel =
  | { ok: true; alpha: number; beta: number; sigma: number; n: number }
  | { ok: false; reason: string }

export interface EstimationWindow {
  from: number
  to: number
  minReturns: number
}

/**
 * OLS of R on Rm over the returns of relative days [from, to] around day 0 (index `i0`); days
 * outside the series, or without both returns, are not counted.
 */
export function fitMarketModel(ret: DailyReturns, i0: number, est: EstimationWindow): MarketModel {
  const { r, rm } = ret
  const lo = Math.max(1, i0 + est.from)
  const hi = Math.min(r.length - 1, i0 + est.to)
  let n = 0
  let sx = 0
  let sy = 0
  for (let i = lo; i <= hi; i++) {
    const x = rm[i]
    const y = r[i]
    if (Number.isNaN(x) || Number.isNaN(y)) continue
    n++
    sx += x
    sy += y
  }
  const need = Math.max(est.minReturns, 3)
  if (n < need) {
    return { ok: false, reason: `market model: ${n} ${n === 1 ? 'return' : 'returns'} in the estimation window [${est.from},${est.to}], needs ${need}` }
  }
  const mx = sx / n
  const my = sy / n
  let sxx = 0
  let sxy = 0
  for (let i = lo; i <= hi; i++) {
    const x = rm[i]
    const y = r[i]
    if (Number.isNaN(x) || Number.isNaN(y)) continue
    sxx += (x - mx) * (x - mx)
    sxy += (x - mx) * (y - my)
  }
  if (sxx === 0) return { ok: false, reason: 'market model: the benchmark did not move in the estimation window' }
  const beta = sxy / sxx
  const alpha = my - beta * mx
  let ssr = 0
  for (let i = lo; i <= hi; i++) {
    const x = rm[i]
    const y = r[i]
    if (Number.isNaN(x) || Number.isNaN(y)) continue
    const e = y - alpha - beta * x
    ssr += e * e
  }
  return { ok: true, alpha, beta, sigma: Math.sqrt(ssr / (n - 2)), n }
}

export interface Car {
  car: number | null
  tStat: number | null
  reason: string
}

/**
 * CAR over relative days [a, b]: the sum of AR(t) = R(t) - (alpha + beta Rm(t)), and
 * t = car / (sigma sqrt(b - a + 1)). The caller has checked that days a-1..b exist.
 */
export function cumulativeAbnormal(ret: DailyReturns, model: MarketModel, i0: number, a: number, b: number): Car {
  if (!model.ok) return { car: null, tStat: null, reason: model.reason }
  let car = 0
  for (let i = i0 + a; i <= i0 + b; i++) {
    const ar = ret.r[i] - (model.alpha + model.beta * ret.rm[i])
    if (Number.isNaN(ar)) return { car: null, tStat: null, reason: 'market model: the benchmark has no value on a day of the window' }
    car += ar
  }
  if (!(model.sigma > 0)) return { car, tStat: null, reason: 'market model: residual standard deviation is zero, no t-stat' }
  return { car, tStat: car / (model.sigma * Math.sqrt(b - a + 1)), reason: '' }
}
