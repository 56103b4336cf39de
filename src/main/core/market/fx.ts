/**
 * Conversion to the reporting currency (IMPACT.md "Reporting currency"): a value on date t is
 * multiplied by the latest rate on or before t of the currency's FX series (up to a few days past
 * its end), else by its constant rate; the reporting currency itself converts at 1.
 */
import type { Settings } from '../../../shared/domain'
import { CARRY_DAYS } from './basket'
import { alignAtOrBefore, atOrBefore } from './lookup'

/** Points of an imported FX series: units of reporting currency per one unit of the currency. */
export interface FxPoints {
  ticker: string
  days: readonly number[]
  values: readonly number[]
}

export interface FxRate {
  currency: string
  reporting: string
  /** Why there is no rate at all (empty when there is one, at least on some dates). */
  reason: string
  /** Rate on day t, or NaN when neither the series (on or before t) nor a constant gives one. */
  at(day: number): number
  /** Rates on each of ascending `days` (NaN where none), in one merge walk. */
  align(days: ArrayLike<number>): Float64Array
}

/**
 * The rate of `currency` under `settings`. `series` is the loaded FX series named in
 * settings.fxSeries, or null when none is set or it is not imported (`missingSeries` names it then).
 */
export function fxRate(
  currency: string,
  settings: Pick<Settings, 'reportingCurrency' | 'fxRates'>,
  series: FxPoints | null,
  missingSeries: string | null = null
): FxRate {
  const reporting = settings.reportingCurrency
  if (currency === reporting) {
    return { currency, reporting, reason: '', at: () => 1, align: (days) => new Float64Array(days.length).fill(1) }
  }
  const constant = settings.fxRates[currency]
  const fallback = typeof constant === 'number' && constant > 0 ? constant : NaN
  if (!series || series.days.length === 0) {
    const reason = Number.isNaN(fallback)
      ? `no FX rate for ${currency}` + (missingSeries ? ` (FX series ${missingSeries} is not imported)` : '')
      : ''
    return { currency, reporting, reason, at: () => fallback, align: (days) => new Float64Array(days.length).fill(fallback) }
  }
  const { days: fxDays, values } = series
  // Past its last quote a rate carries over a few calendar days (a holiday at the end of the file)
  // and no further: carrying it on for months would be extrapolation.
  const last = fxDays[fxDays.length - 1] + CARRY_DAYS
  return {
    currency,
    reporting,
    reason: '',
    at: (day) => {
      const i = day > last ? -1 : atOrBefore(fxDays, day)
      return i >= 0 ? values[i] : fallback
    },
    align: (days) => {
      const out = alignAtOrBefore(days, fxDays, values)
      // Outside the series (before its first quote, or past its end) the constant rate applies, if any.
      for (let i = 0; i < out.length && Number.isNaN(out[i]); i++) out[i] = fallback
      for (let i = out.length - 1; i >= 0 && days[i] > last; i--) out[i] = fallback
      return out
    }
  }
}
