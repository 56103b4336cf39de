/**
 * Binary searches over ascending day arrays: every "latest value on or before t" and "first trading
 * day on or after t" in IMPACT.md is one of these two, so a lookup costs log2(n) comparisons and
 * allocates nothing.
 */

/** Index of the last day <= `day`, or -1 when every day is later. */
export function atOrBefore(days: ArrayLike<number>, day: number, lo = 0, hi = days.length - 1): number {
  let found = lo - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (days[mid] <= day) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** Index of the first day >= `day`, or `days.length` when every day is earlier. */
export function atOrAfter(days: ArrayLike<number>, day: number): number {
  let lo = 0
  let hi = days.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (days[mid] < day) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Index of exactly `day`, or -1. */
export function indexOfDay(days: ArrayLike<number>, day: number): number {
  const i = atOrAfter(days, day)
  return i < days.length && days[i] === day ? i : -1
}

/**
 * For each of `targets` (ascending), the latest value of (days, values) on or before it, or NaN.
 * A merge walk: O(n + m) instead of m binary searches, for aligning a benchmark or an FX series
 * with a company's trading days.
 */
export function alignAtOrBefore(
  targets: ArrayLike<number>,
  days: ArrayLike<number>,
  values: ArrayLike<number>
): Float64Array {
  const out = new Float64Array(targets.length)
  let j = -1
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]
    while (j + 1 < days.length && days[j + 1] <= t) j++
    out[i] = j >= 0 ? values[j] : NaN
  }
  return out
}
