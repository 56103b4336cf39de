/**
 * How market figures read on screen: money compact in the reporting currency ("$600B"), returns
 * as percentages, dates as ISO. Raw values go in title tooltips, so nothing is lost to rounding.
 */
import { isoFromDay } from '../../../../../shared/dates'

const compactCache = new Map<string, Intl.NumberFormat>()
const fullCache = new Map<string, Intl.NumberFormat>()

function currencyFormat(cache: Map<string, Intl.NumberFormat>, currency: string, compact: boolean): Intl.NumberFormat {
  let f = cache.get(currency)
  if (!f) {
    try {
      f = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        ...(compact ? { notation: 'compact', maximumSignificantDigits: 3 } : { maximumFractionDigits: 2 })
      })
    } catch {
      // An unusual code Intl does not know still reads as "1.2B XYZ" rather than throwing.
      f = new Intl.NumberFormat('en-US', compact ? { notation: 'compact', maximumSignificantDigits: 3 } : { maximumFractionDigits: 2 })
    }
    cache.set(currency, f)
  }
  return f
}

/** "$612B", "-$4.2B": for tables and axes. */
export function money(value: number | null | undefined, currency: string): string {
  if (value == null || !Number.isFinite(value)) return '—'
  return currencyFormat(compactCache, currency, true).format(value)
}

/** "$612,345,678,901.23": for tooltips, where the analyst wants the exact figure. */
export function moneyFull(value: number | null | undefined, currency: string): string {
  if (value == null || !Number.isFinite(value)) return ''
  return currencyFormat(fullCache, currency, false).format(value)
}

/** A fraction as a percentage: -0.2534 -> "-25.34 %". */
export function pct(fraction: number | null | undefined, digits = 2): string {
  if (fraction == null || !Number.isFinite(fraction)) return '—'
  const v = fraction * 100
  return `${v > 0 ? '+' : ''}${v.toFixed(digits)} %`
}

/** "-14.8%": a return short enough for a narrow column (the exact figure goes in the title). */
export function pctShort(v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return '—'
  const p = v * 100
  return `${p > 0 ? '+' : ''}${p.toFixed(1)}%`
}

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

export function num(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—'
  return plain.format(value)
}

export function count(value: number): string {
  return integer.format(value)
}

/** The raw number, for a title tooltip. */
export function raw(value: number | null | undefined): string {
  return value == null ? '' : String(value)
}

export const dayLabel = (day: number): string => isoFromDay(day)

/** "[-1, +1]" */
export function windowLabel(w: { a: number; b: number }): string {
  const s = (n: number) => (n > 0 ? `+${n}` : String(n))
  return `[${s(w.a)}, ${s(w.b)}]`
}
