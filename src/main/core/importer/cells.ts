/**
 * Numbers and dates read straight out of the file's text (start/end offsets), with no substring
 * per cell on the common path. The fast paths are exact: a decimal with at most 16 significant
 * digits (below 2^53) and 22 fraction digits is an exactly representable integer divided by an exact power of
 * ten, which IEEE division rounds correctly, so `511.0346374511719` comes out bit-identical to
 * `Number('511.0346374511719')`. Everything else falls back to the slow, general path.
 */

import { DATE_FORMATS } from '../../../shared/market'

export { DATE_FORMATS }
export type DateFormat = (typeof DATE_FORMATS)[number]

/**
 * Date failures, kept out of the range of real day numbers (years 0000-9999) and all at or below
 * NOT_A_DATE, so `day <= NOT_A_DATE` tells any failure from a date.
 */
export const NOT_A_DATE = -1e9
/** Written as a date, but no such day (2021-02-30, 2021-13-01). */
export const IMPOSSIBLE_DATE = -2e9
/** A real day with a clock that cannot be (`T25:00`, `25:61`, an offset beyond ±14:00). */
export const IMPOSSIBLE_TIME = -3e9
/** A real day before FIRST_YEAR. */
export const TOO_EARLY = -4e9

/**
 * The earliest year a price file may hold. Exchange price records begin in the 19th century, and
 * the files analysts bring start far later; `0000-01-01` or `0201-03-04` is an export's filler
 * value or a typo for 2021, and stored as a date it would stretch every chart over two millennia.
 */
export const FIRST_YEAR = 1900

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Days since 1970-01-01 of a civil date (H. Hinnant's algorithm), or IMPOSSIBLE_DATE. */
export function dayOf(y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1) return IMPOSSIBLE_DATE
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1])) return IMPOSSIBLE_DATE
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57

/**
 * The calendar date at text[start, end) in `format`, as written: a time or offset after it
 * (`2020-01-02 00:00:00+08:00`) is checked for shape and otherwise ignored, because the analyst
 * means the trading day printed in the file, not that instant in UTC.
 */
export function parseDate(t: string, start: number, end: number, format: DateFormat): number {
  while (start < end && t.charCodeAt(start) === 32) start++
  while (end > start && t.charCodeAt(end - 1) === 32) end--
  // Fast path: YYYY-MM-DD, the format of nearly every file.
  if (
    format === 'YYYY-MM-DD' &&
    end - start >= 10 &&
    t.charCodeAt(start + 4) === 45 &&
    t.charCodeAt(start + 7) === 45 &&
    isDigit(t.charCodeAt(start)) &&
    isDigit(t.charCodeAt(start + 1)) &&
    isDigit(t.charCodeAt(start + 2)) &&
    isDigit(t.charCodeAt(start + 3)) &&
    isDigit(t.charCodeAt(start + 5)) &&
    isDigit(t.charCodeAt(start + 6)) &&
    isDigit(t.charCodeAt(start + 8)) &&
    isDigit(t.charCodeAt(start + 9))
  ) {
    const clock = end - start > 10 ? timeSuffix(t, start + 10, end) : CLOCK_OK
    if (clock === CLOCK_NONE) return NOT_A_DATE
    const y = (t.charCodeAt(start) - 48) * 1000 + (t.charCodeAt(start + 1) - 48) * 100 + (t.charCodeAt(start + 2) - 48) * 10 + (t.charCodeAt(start + 3) - 48)
    const m = (t.charCodeAt(start + 5) - 48) * 10 + (t.charCodeAt(start + 6) - 48)
    const d = (t.charCodeAt(start + 8) - 48) * 10 + (t.charCodeAt(start + 9) - 48)
    return checked(dayOf(y, m, d), y, clock)
  }
  return parseDateGeneral(t, start, end, format)
}

/** Three numbers separated by the format's separator; day and month may have one digit. */
function parseDateGeneral(t: string, start: number, end: number, format: DateFormat): number {
  const sep = format === 'YYYY-MM-DD' ? 45 : format === 'DD.MM.YYYY' ? 46 : 47
  const parts = [0, 0, 0]
  const widths = [0, 0, 0]
  let p = start
  for (let k = 0; k < 3; k++) {
    const s = p
    let v = 0
    while (p < end && isDigit(t.charCodeAt(p)) && p - s < 4) v = v * 10 + t.charCodeAt(p++) - 48
    widths[k] = p - s
    parts[k] = v
    if (widths[k] === 0) return NOT_A_DATE
    if (k < 2) {
      if (t.charCodeAt(p) !== sep) return NOT_A_DATE
      p++
    }
  }
  const clock = p < end ? timeSuffix(t, p, end) : CLOCK_OK
  if (clock === CLOCK_NONE) return NOT_A_DATE
  const yearFirst = format === 'YYYY-MM-DD' || format === 'YYYY/MM/DD'
  const [yi, mi, di] = yearFirst ? [0, 1, 2] : format === 'MM/DD/YYYY' ? [2, 0, 1] : [2, 1, 0]
  if (widths[yi] !== 4 || widths[mi] > 2 || widths[di] > 2) return NOT_A_DATE
  return checked(dayOf(parts[yi], parts[mi], parts[di]), parts[yi], clock)
}

/** The day, or why the date around it is refused: the day itself first, then its year, then its clock. */
function checked(day: number, year: number, clock: number): number {
  if (day === IMPOSSIBLE_DATE) return day
  if (year < FIRST_YEAR) return TOO_EARLY
  return clock === CLOCK_BAD ? IMPOSSIBLE_TIME : day
}

const CLOCK_OK = 0
/** Not a clock at all: the cell is not a date (`2020-01-02 garbage`). */
const CLOCK_NONE = 1
/** Shaped like a clock, with an hour, minute, second or offset no clock shows. */
const CLOCK_BAD = 2

/**
 * A time after the date: `T09:30:00Z`, ` 00:00:00+08:00`, ` 16:00`, `T09:30:00.123-05:00`,
 * ` 00:00:00 +0800`. The time is not kept (the trading day is the date as written), but an
 * impossible one (`T25:00`, `25:61`, `+25:00`) says the cell is corrupt, and its date may be too.
 */
function timeSuffix(t: string, p: number, end: number): number {
  const sep = t.charCodeAt(p)
  if ((sep !== 32 && sep !== 84) || end - p > 40) return CLOCK_NONE
  let q = p + 1
  let bad = false
  // hh[:mm[:ss[.fff]]], one or two hour digits. The cell is text[p, end) of the whole file: never
  // look at text[end], the next cell's first character.
  let hour = 0
  const h0 = q
  while (q < end && q - h0 < 2 && isDigit(t.charCodeAt(q))) hour = hour * 10 + t.charCodeAt(q++) - 48
  if (q === h0 || (q < end && isDigit(t.charCodeAt(q)))) return CLOCK_NONE
  if (hour > 23) bad = true
  for (let k = 0; k < 2 && q < end && t.charCodeAt(q) === 58; k++) {
    const v = twoDigits(t, q + 1, end)
    if (v < 0) return CLOCK_NONE
    // Minutes to 59; seconds to 60, a leap second (2016-12-31 23:59:60 was one).
    if (v > (k === 0 ? 59 : 60)) bad = true
    q += 3
  }
  if (q < end && t.charCodeAt(q) === 46) {
    const s = ++q
    while (q < end && isDigit(t.charCodeAt(q))) q++
    if (q === s) return CLOCK_NONE
  }
  if (q < end && t.charCodeAt(q) === 32) q++
  if (q < end) {
    const c = t.charCodeAt(q)
    if (c === 90) q++
    else if (c === 43 || c === 45) {
      // ±hh, ±hhmm or ±hh:mm; real offsets run from -12:00 to +14:00, so beyond ±14:00 is no zone.
      const h = twoDigits(t, q + 1, end)
      if (h < 0) return CLOCK_NONE
      q += 3
      let m = 0
      if (q < end) {
        if (t.charCodeAt(q) === 58) q++
        m = twoDigits(t, q, end)
        if (m < 0) return CLOCK_NONE
        q += 2
      }
      if (m > 59 || h * 60 + m > 14 * 60) bad = true
    } else return CLOCK_NONE
  }
  if (q !== end) return CLOCK_NONE
  return bad ? CLOCK_BAD : CLOCK_OK
}

/** The two-digit number at t[p], or -1 (what follows it is the caller's to check). */
function twoDigits(t: string, p: number, end: number): number {
  if (p + 2 > end || !isDigit(t.charCodeAt(p)) || !isDigit(t.charCodeAt(p + 1))) return -1
  return (t.charCodeAt(p) - 48) * 10 + t.charCodeAt(p + 1) - 48
}


/**
 * The number at text[start, end), or NaN. `decimalComma`: `,` is the decimal mark (and `.` may
 * group thousands). Handles sign, exponent and grouping through the slow path.
 */
export function parseNumber(t: string, start: number, end: number, decimalComma: boolean): number {
  let p = start
  let neg = false
  const c0 = t.charCodeAt(p)
  if (c0 === 45) {
    neg = true
    p++
  } else if (c0 === 43) p++
  const point = decimalComma ? 44 : 46
  let mant = 0
  let digits = 0
  let significant = 0
  let frac = -1
  for (; p < end; p++) {
    const c = t.charCodeAt(p)
    if (c >= 48 && c <= 57) {
      digits++
      if (significant > 0 || c !== 48) significant++
      mant = mant * 10 + (c - 48)
      if (frac >= 0) frac++
    } else if (c === point && frac < 0) frac = 0
    else return parseNumberSlow(t.slice(start, end), decimalComma)
  }
  if (digits === 0) return NaN // "", "-", "."
  // Past 16 digits (or 2^53) the running integer is no longer exact: let Number() round it.
  if (significant > 16 || mant > Number.MAX_SAFE_INTEGER || frac > 22) return parseNumberSlow(t.slice(start, end), decimalComma)
  const v = frac > 0 ? mant / POW10[frac] : mant
  return neg ? -v : v
}

const GROUPED_DOT = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/
const GROUPED_COMMA = /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/
const PLAIN = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i

export function parseNumberSlow(raw: string, decimalComma: boolean): number {
  let s = raw.trim()
  if (decimalComma) {
    if (GROUPED_COMMA.test(s)) s = s.replace(/\./g, '')
    s = s.replace(',', '.')
  } else if (GROUPED_DOT.test(s)) s = s.replace(/,/g, '')
  return PLAIN.test(s) ? Number(s) : NaN
}

/** How a missing value is written by the tools analysts export from. */
const NULL_WORDS = new Set(['null', 'nan', 'n/a', '#n/a', 'na', 'none', 'nil', '-', '--', '.'])

export function isNullWord(text: string): boolean {
  return NULL_WORDS.has(text.trim().toLowerCase())
}
