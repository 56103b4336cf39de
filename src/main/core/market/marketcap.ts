/**
 * A listing's market cap over its trading days (IMPACT.md "Series"): Close(t) x the shares in force
 * on t, or an imported market-cap series as it is, then converted to the reporting currency with
 * the FX rate of the same date. Computed once per listing on full data; every figure downstream
 * (impact rows, charts, baskets, reports) indexes into these arrays.
 */
import type { Listing, ShareRow } from '../../../shared/domain'
import { dayFromIso } from '../../../shared/dates'
import type { SeriesFile } from '../store/schema'
import type { FxRate } from './fx'

export interface ListingCap {
  ticker: string
  /** The listing's currency. */
  currency: string
  /** Trading days: the dates of the series the market cap comes from, ascending. */
  days: readonly number[]
  /** Close on each trading day, or null when the series has no Close on the same days. */
  close: readonly number[] | null
  /** The price whose daily returns the market model uses: Close, else the imported market cap. */
  price: readonly number[]
  /**
   * Shares in force on each day; null when the market cap was imported as is. Worked out anew on
   * every read (only the marketcap report reads it): held for 500 listings, it and `local` cost
   * the host 20 MB beside the impact table.
   */
  readonly shares: Float64Array | null
  /** M(t) in the listing's currency; null (with `reason`) when it cannot be computed. Worked out on every read, as `shares`. */
  readonly local: Float64Array | readonly number[] | null
  /** M(t) in the reporting currency; NaN on a day without an FX rate; null (with `reason`). */
  reporting: Float64Array | null
  /** Why `local` or `reporting` is null, or '' when both exist. */
  reason: string
  fx: FxRate
}

/** Why a listing has no trading days at all, or null when it has some. */
export function noPricesReason(ticker: string, data: SeriesFile | null): string | null {
  if (!data) return `no prices imported for ${ticker}`
  if (data.marketCap?.days.length || data.close?.days.length) return null
  if (data.adjClose?.days.length) return `only adjusted close imported for ${ticker}: market cap needs Close`
  return `no prices imported for ${ticker}`
}

/**
 * Shares in force on each of ascending `days`: the row with the latest effective date <= t, and
 * before the first row the first row (IMPACT.md). Rows need not be sorted.
 */
export function sharesInForce(days: ArrayLike<number>, rows: readonly ShareRow[]): Float64Array {
  const sorted = rows.map((r) => ({ day: dayFromIso(r.date), shares: r.shares })).sort((a, b) => a.day - b.day)
  const out = new Float64Array(days.length)
  let j = 0
  for (let i = 0; i < days.length; i++) {
    while (j + 1 < sorted.length && sorted[j + 1].day <= days[i]) j++
    out[i] = sorted[j].shares
  }
  return out
}

/** Same trading days in both parts (so Close can stand beside an imported market cap). */
function sameDays(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * The market cap of `listing` from its imported series. `data` must have trading days (see
 * noPricesReason). An imported market-cap column wins over Close x shares: the analyst imported it
 * to be used as it is.
 */
export function listingCap(listing: Pick<Listing, 'ticker' | 'currency' | 'shares'>, data: SeriesFile, fx: FxRate): ListingCap {
  const { ticker, currency } = listing
  const mc = data.marketCap?.days.length ? data.marketCap : null
  const closePart = data.close?.days.length ? data.close : null
  let days: readonly number[]
  let close: readonly number[] | null
  let price: readonly number[]
  let local: Float64Array | readonly number[] | null
  let reason = ''
  /** Close x shares when the market cap comes from the share schedule. */
  let fromShares: (() => { shares: Float64Array; local: Float64Array }) | null = null
  if (mc) {
    days = mc.days
    close = closePart && sameDays(closePart.days, mc.days) ? closePart.values : null
    price = close ?? mc.values
    local = mc.values
  } else if (closePart) {
    days = closePart.days
    close = closePart.values
    price = close
    if (listing.shares.length === 0) {
      local = null
      reason = `no share schedule for ${ticker}`
    } else {
      const rows = listing.shares
      const closes = close
      fromShares = () => {
        const shares = sharesInForce(days, rows)
        const m = new Float64Array(days.length)
        for (let i = 0; i < m.length; i++) m[i] = closes[i] * shares[i]
        return { shares, local: m }
      }
      local = fromShares().local
    }
  } else {
    throw new Error(`market/marketcap: ${ticker} has no Close or market-cap points`)
  }
  let reporting: Float64Array | null = null
  if (local && fx.reason) reason = fx.reason
  else if (local) {
    const rates = fx.align(days)
    for (let i = 0; i < rates.length; i++) rates[i] *= local[i]
    reporting = rates
  }
  const made = fromShares
  if (!made) return { ticker, currency, days, close, price, shares: null, local, reporting, reason, fx }
  return {
    ticker,
    currency,
    days,
    close,
    price,
    get shares() {
      return made().shares
    },
    get local() {
      return made().local
    },
    reporting,
    reason,
    fx
  }
}
