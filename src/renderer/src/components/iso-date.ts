/**
 * Reading a date the analyst types as text. Capwatch writes dates as ISO `YYYY-MM-DD` everywhere,
 * so a date field shows and accepts that form instead of the browser locale's (MM/DD/YYYY in
 * en-US). The compact form `YYYYMMDD` (ISO 8601 basic) is taken too, for a digits-only keyboard.
 */
import { dayFromIso, digits, isLeapYear } from '../../../shared/dates'

export type DateText = { ok: true; value: string } | { ok: false; problem: string }

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * The ISO date a text names ('' for an empty text: no date), or what is wrong with it.
 * `alsoAccepted` names other forms the field takes, for the message ("or YYYY-MM when …").
 */
export function readDateText(text: string, alsoAccepted = ''): DateText {
  const t = text.trim()
  if (t === '') return { ok: true, value: '' }
  const iso = t.length === 8 && digits(t, 0, 8) >= 0 ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6)}` : t
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-' || digits(iso, 0, 4) < 0 || digits(iso, 5, 2) < 0 || digits(iso, 8, 2) < 0) {
    return { ok: false, problem: `“${t}” is not a date written as YYYY-MM-DD${alsoAccepted} (for example 2021-07-02)` }
  }
  if (!Number.isNaN(dayFromIso(iso))) return { ok: true, value: iso }
  // The shape is right, so the month or the day is out of range: say which.
  const y = digits(iso, 0, 4)
  const m = digits(iso, 5, 2)
  if (m < 1 || m > 12) return { ok: false, problem: `${iso} is not a date: there is no month ${m}` }
  const days = m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]
  return { ok: false, problem: `${iso} is not a date: ${MONTHS[m - 1]} ${y} has ${days} days` }
}
