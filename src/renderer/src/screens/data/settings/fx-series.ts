/**
 * Which imported series may serve as the daily FX rate of a currency. The core multiplies a value
 * in the currency by the series' close (market/fx.ts), so the series must quote units of the
 * reporting currency per one unit of the currency: a share price there would silently convert at
 * a stock's price. Every import links its ticker to a company with a listing (stocks and FX
 * alike), so the link cannot tell them apart; the ticker's name can: Yahoo spells the rate of HKD
 * in USD `HKDUSD=X`, other sources `HKDUSD`, `HKD/USD` or `HKD-USD`. `HKD=X` is Yahoo's USD/HKD,
 * the inverse (HKD per USD), and is left out like any other pair.
 */
import type { SeriesInfo } from '../../../../../shared/market'

export interface FxSeriesOption {
  ticker: string
  /** False for a saved choice kept in the list so it stays visible, though it is not this rate. */
  fits: boolean
}

export interface FxSeriesChoices {
  options: FxSeriesOption[]
  /** Why no imported series is offered (empty when one is). */
  absent: string
}

/** True when `ticker` names the rate of `currency` in `reporting` (reporting per unit). */
export function quotesRate(ticker: string, currency: string, reporting: string): boolean {
  const pair = ticker
    .toUpperCase()
    .replace(/=X$/, '')
    .replace(/[/\-_ ]/g, '')
  return CODE.test(currency) && CODE.test(reporting) && pair === `${currency.toUpperCase()}${reporting.toUpperCase()}`
}

const CODE = /^[A-Za-z]{3}$/

export function fxSeriesChoices(currency: string, reporting: string, series: readonly SeriesInfo[], chosen: string): FxSeriesChoices {
  const options: FxSeriesOption[] = series.filter((s) => quotesRate(s.ticker, currency, reporting)).map((s) => ({ ticker: s.ticker, fits: true }))
  if (chosen && !options.some((o) => o.ticker.toUpperCase() === chosen.toUpperCase())) {
    options.unshift({ ticker: chosen, fits: false })
  }
  const absent = options.some((o) => o.fits)
    ? ''
    : `No imported series quotes ${reporting.toUpperCase()} per ${currency}: import one named ${currency}${reporting.toUpperCase()}=X to use a daily rate.`
  return { options, absent }
}
