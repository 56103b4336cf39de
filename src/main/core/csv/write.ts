/**
 * CSV writing (RFC 4180): fields quoted when they hold the delimiter, a quote or a line break;
 * quotes doubled; CRLF between records; UTF-8 with an optional BOM so Excel reads Chinese text.
 *
 * Text cells a spreadsheet would run as a formula (starting with = + - @, tab or carriage
 * return) are neutralised as OWASP recommends: prefixed with a single quote, then quoted. Numbers
 * are written as numbers (a negative return is a value, not a formula).
 *
 * Reports run to 100k rows with 60 MB of note text, so the per-cell path does no regex work and
 * allocates nothing for the common cell: native indexOf scans, and one growing string.
 */
import type { CsvDialect } from '../../../shared/api'

export type CsvValue = string | number | boolean | null | undefined

export const BOM = '\uFEFF'

const EQUALS = 61
const PLUS = 43
const MINUS = 45
const AT = 64
const TAB = 9
const CR = 13
const SPACE = 32

/** True when a spreadsheet would read a text cell starting with this char code as a formula. */
function isFormulaStart(c: number): boolean {
  return c === EQUALS || c === PLUS || c === MINUS || c === AT || c === TAB || c === CR
}

/** One text cell, neutralised if needed, quoted if needed. */
export function textCell(value: string, delimiter: string): string {
  const n = value.length
  if (n === 0) return value
  const first = value.charCodeAt(0)
  const hasQuote = value.indexOf('"') >= 0
  // Neutralised cells are always quoted too (OWASP: prefix, then escape and wrap).
  if (isFormulaStart(first)) return hasQuote ? `"'${value.replaceAll('"', '""')}"` : `"'${value}"`
  if (hasQuote) return `"${value.replaceAll('"', '""')}"`
  if (
    value.indexOf('\n') >= 0 ||
    value.indexOf('\r') >= 0 ||
    value.indexOf(delimiter) >= 0 ||
    // A leading or trailing space that some readers would trim.
    first === SPACE ||
    value.charCodeAt(n - 1) === SPACE
  ) {
    return `"${value}"`
  }
  return value
}

export function cell(value: CsvValue, delimiter: string): string {
  if (typeof value === 'string') return textCell(value, delimiter)
  if (typeof value === 'number') return Number.isFinite(value) ? numberText(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return ''
}

/**
 * Plain decimal notation, never an exponent (1e+21, 1e-7) that a spreadsheet or a strict reader
 * might take as text; the digits are JavaScript's shortest round-trip ones, so nothing is lost.
 */
export function numberText(n: number): string {
  const s = String(n)
  const e = s.indexOf('e')
  if (e < 0) return s
  const negative = s.charCodeAt(0) === MINUS
  const mantissa = s.slice(negative ? 1 : 0, e)
  const exp = Number(s.slice(e + 1))
  const dot = mantissa.indexOf('.')
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1)
  // Position of the decimal point within `digits` after applying the exponent.
  const point = (dot < 0 ? mantissa.length : dot) + exp
  let out: string
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length)
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`
  return negative ? `-${out}` : out
}

/**
 * Chars after which the text built so far is flattened and set aside. Building one rope of 100 MB
 * cell by cell keeps millions of live rope nodes in the young generation, and every scavenge copies
 * them (GC then costs more than the writing); a flat chunk this big is allocated outside the young
 * generation, and the rope nodes behind it die young, which costs nothing.
 */
const CHUNK_CHARS = 1 << 18

/** The header line and every row, CRLF-terminated, with a BOM in front when the dialect asks. */
export function writeCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>, dialect: CsvDialect): string {
  const d = dialect.delimiter
  let done = dialect.bom ? BOM : ''
  let out = ''
  for (let i = 0; i < header.length; i++) out += (i > 0 ? d : '') + textCell(header[i], d)
  out += '\r\n'
  for (const row of rows) {
    const n = row.length
    for (let i = 0; i < n; i++) {
      const v = row[i]
      if (i > 0) out += d
      // Strings first and inline: they are nearly every cell of a report.
      if (typeof v === 'string') out += textCell(v, d)
      else if (v !== null && v !== undefined) out += cell(v, d)
    }
    out += '\r\n'
    if (out.length >= CHUNK_CHARS) {
      out.charCodeAt(0) // reading a char flattens the rope
      done += out
      out = ''
    }
  }
  return done + out
}
