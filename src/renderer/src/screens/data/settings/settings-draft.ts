/**
 * The currency / windows settings form as typed, and its validation into a settings patch. Every
 * problem names its field; nothing is saved while one remains.
 */
import type { Settings } from '../../../../../shared/domain'
import { formatWindows, parseWindows } from './windows'

export interface FxDraftRow {
  currency: string
  /** Units of reporting currency per one unit of `currency`, as typed; empty = none. */
  rate: string
  /** Ticker of an imported FX series; empty = use the constant rate. */
  series: string
}

export interface SettingsDraft {
  reportingCurrency: string
  fx: FxDraftRow[]
  windows: string
  estimationFrom: string
  estimationTo: string
  minReturns: string
}

export type SettingsPatch = Pick<Settings, 'reportingCurrency' | 'fxRates' | 'fxSeries' | 'windows' | 'estimation'>

const CURRENCY = /^[A-Z]{3}$/

export function draftFromSettings(s: Settings, listingCurrencies: string[]): SettingsDraft {
  const currencies = new Set([...listingCurrencies, ...Object.keys(s.fxRates), ...Object.keys(s.fxSeries)])
  currencies.delete(s.reportingCurrency)
  return {
    reportingCurrency: s.reportingCurrency,
    fx: [...currencies].sort().map((c) => ({ currency: c, rate: s.fxRates[c] != null ? String(s.fxRates[c]) : '', series: s.fxSeries[c] ?? '' })),
    windows: formatWindows(s.windows),
    estimationFrom: String(s.estimation.from),
    estimationTo: String(s.estimation.to),
    minReturns: String(s.estimation.minReturns)
  }
}

export function validateSettings(d: SettingsDraft): { patch: SettingsPatch | null; problems: string[] } {
  const problems: string[] = []
  const reportingCurrency = d.reportingCurrency.trim().toUpperCase()
  if (!CURRENCY.test(reportingCurrency)) problems.push('Reporting currency: a 3-letter code such as USD.')
  const fxRates: Record<string, number> = {}
  const fxSeries: Record<string, string> = {}
  for (const row of d.fx) {
    if (row.currency === reportingCurrency) continue
    const text = row.rate.trim().replace(/,/g, '.')
    if (text) {
      const rate = Number(text)
      if (!Number.isFinite(rate) || rate <= 0) problems.push(`FX rate for ${row.currency}: "${row.rate}" is not a positive number.`)
      else fxRates[row.currency] = rate
    }
    if (row.series) fxSeries[row.currency] = row.series
  }
  const w = parseWindows(d.windows)
  if (w.error) problems.push(`Impact windows: ${w.error}.`)
  const int = (t: string) => (/^[+-]?\d+$/.test(t.trim()) ? Number(t) : NaN)
  const from = int(d.estimationFrom)
  const to = int(d.estimationTo)
  const minReturns = int(d.minReturns)
  if (Number.isNaN(from) || Number.isNaN(to)) problems.push('Estimation window: whole trading days, e.g. -250 and -30.')
  else if (from >= to) problems.push('Estimation window: the start must come before the end.')
  if (Number.isNaN(minReturns) || minReturns < 3) problems.push('Minimum returns: a whole number of at least 3.')
  if (problems.length) return { patch: null, problems }
  return { patch: { reportingCurrency, fxRates, fxSeries, windows: w.windows, estimation: { from, to, minReturns } }, problems }
}
