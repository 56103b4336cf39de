/**
 * A basket's market cap and its peak-to-trough loss (IMPACT.md "Drawdown of a basket"). B(t) is
 * the sum of the members' M_i(t) on the dates where every member has a value; a member's last value
 * carries forward over at most 5 calendar days, so a holiday on one exchange does not punch a hole
 * in the sum, while a longer gap (a suspension) does.
 */

export const CARRY_DAYS = 5

export interface BasketMember {
  days: ArrayLike<number>
  /** Values on `days`; NaN marks a day without a value (e.g. no FX rate). */
  values: ArrayLike<number>
}

export interface BasketSeries {
  days: number[]
  /** Per member, its value (carried forward where needed) on each of `days`. */
  stacks: Float64Array[]
  total: Float64Array
}

/** The dates any member trades on, ascending, without repeats. */
function unionDays(members: readonly BasketMember[]): Float64Array {
  let size = 0
  for (const m of members) size += m.days.length
  const all = new Float64Array(size)
  let k = 0
  for (const m of members) for (let i = 0; i < m.days.length; i++) all[k++] = m.days[i]
  all.sort()
  let u = 0
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[u++] = all[i]
  return all.subarray(0, u)
}

export function basketSeries(members: readonly BasketMember[], carryDays = CARRY_DAYS): BasketSeries {
  const union = members.length ? unionDays(members) : new Float64Array(0)
  const ptr = new Int32Array(members.length).fill(-1)
  const cur = new Int32Array(members.length)
  const keptDays: number[] = []
  const picks: number[][] = members.map(() => [])
  for (let u = 0; u < union.length; u++) {
    const t = union[u]
    let all = true
    for (let k = 0; k < members.length && all; k++) {
      const { days, values } = members[k]
      let j = ptr[k]
      while (j + 1 < days.length && days[j + 1] <= t) j++
      ptr[k] = j
      // The latest day with a value, no more than carryDays before t.
      while (j >= 0 && Number.isNaN(values[j]) && t - days[j] <= carryDays) j--
      if (j < 0 || t - days[j] > carryDays || Number.isNaN(values[j])) all = false
      else cur[k] = j
    }
    if (!all) continue
    keptDays.push(t)
    for (let k = 0; k < members.length; k++) picks[k].push(cur[k])
  }
  const total = new Float64Array(keptDays.length)
  const stacks = members.map((m, k) => {
    const s = new Float64Array(keptDays.length)
    for (let i = 0; i < s.length; i++) {
      s[i] = m.values[picks[k][i]]
      total[i] += s[i]
    }
    return s
  })
  return { days: keptDays, stacks, total }
}

export interface Drawdown {
  peakIndex: number
  troughIndex: number
  peak: number
  trough: number
  /** B(peak) - B(trough) >= 0: the largest B(t1) - B(t2) with t1 <= t2. */
  loss: number
  /** loss / B(peak). */
  lossFraction: number
}

/** The largest fall of `values` over [lo, hi], in one pass keeping the running peak. */
export function peakToTrough(values: ArrayLike<number>, lo = 0, hi = values.length - 1): Drawdown | null {
  if (hi < lo) return null
  let runMax = lo
  let peakIndex = lo
  let troughIndex = lo
  let loss = 0
  for (let i = lo; i <= hi; i++) {
    if (values[i] > values[runMax]) runMax = i
    const fall = values[runMax] - values[i]
    if (fall > loss) {
      loss = fall
      peakIndex = runMax
      troughIndex = i
    }
  }
  const peak = values[peakIndex]
  return { peakIndex, troughIndex, peak, trough: values[troughIndex], loss, lossFraction: peak !== 0 ? loss / peak : 0 }
}
