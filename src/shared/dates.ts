/**
 * Calendar dates as the product uses them: ISO `YYYY-MM-DD` strings at the edges, and integer
 * day numbers (days since 1970-01-01, UTC) inside calculations so that comparisons and binary
 * searches are plain integer work.
 */
/**
 * Day number of an ISO date, or NaN when the text is not a real calendar date (2021-02-30).
 * Hot path (store open, imports of a million rows): char codes and arithmetic, no RegExp or Date.
 */
export function dayFromIso(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return NaN
  const y = digits(iso, 0, 4)
  const mo = digits(iso, 5, 2)
  const d = digits(iso, 8, 2)
  return y < 0 || mo < 0 || d < 0 ? NaN : dayFromParts(y, mo, d)
}

/** The decimal number in s[at, at + n), or -1 when any of those is not a digit. */
export function digits(s: string, at: number, n: number): number {
  let v = 0
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    v = v * 10 + c
  }
  return v
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

/** Days since 1970-01-01 of a proleptic Gregorian date; NaN for impossible dates. */
export function dayFromParts(y: number, mo: number, d: number): number {
  if (!Number.isInteger(y) || mo < 1 || mo > 12 || d < 1) return NaN
  if (d > (mo === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[mo - 1])) return NaN
  // Howard Hinnant's days_from_civil.
  const yy = mo <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Month * 100 + day of month of a day number (H. Hinnant's inverse of dayFromParts): 1231 for Dec 31. */
export function monthDayOf(day: number): number {
  const z = day + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return m * 100 + d
}

export function isoFromDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}

export function isIsoDate(text: string): boolean {
  return !Number.isNaN(dayFromIso(text))
}

/** Today's date in the local time zone, as the analyst reads the calendar. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/**
 * An event's date as the analyst knows it: `2021-08` for one known only to its month (stored as
 * the 1st, which would read as a claim about the day), else the full date.
 */
export function eventDateText(e: { date: string; datePrecision: 'day' | 'month' }): string {
  return e.datePrecision === 'month' ? e.date.slice(0, 7) : e.date
}
