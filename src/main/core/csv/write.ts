/**
 * CSV writing (RFC 4180): fields quoted when they hold the delimiter, a quote or a line break;
 * quotes doubled; CRLF between records; UTF-8 with an optional BOM so Excel reads Chinese text.
 *
 * Text cells a spreadsheet would run as a formula (starting with = + - @, tab or carriage
 * return) are neutralised as OWASP recommends: prefixed with a single quote, then quoted. Numbers
 * are written as numbers (a negative return is a value, not a formula).
 *
 * Reports run to 100k rows with 60 MB of note text, so the per-cell path does no regex work and
 * allocates nothing for the common cell (native indexOf scans), and the file is written as bytes.
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
const LF = 10
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

/** A written report: its UTF-8 bytes in parts, to be written one after another. */
export type CsvBytes = Uint8Array[]

/**
 * Bytes per part. Each cell is encoded straight into a part, so the report never exists as one
 * JavaScript string: a 100 MB string is built as millions of rope nodes, flattened into a fresh
 * 200 MB block (two bytes a char once a note holds Chinese) and then encoded again into a third;
 * touching that much fresh memory cost more than everything else an export does (see
 * docs/PERFORMANCE.md). Parts of a megabyte each are touched once, and never joined: a file, an HTTP
 * body, a Blob and an IPC message all take a list of parts.
 */
const PART_BYTES = 1 << 20

/** Appends text to the current part as UTF-8, starting a new part when it might not fit. */
class PartWriter {
  readonly parts: Uint8Array[] = []
  private buf = Buffer.allocUnsafe(PART_BYTES)
  private pos = 0

  text(s: string): void {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8 (a surrogate pair: 4 for 2).
    const most = s.length * 3
    if (this.pos + most > this.buf.length) this.next(most)
    this.pos += this.buf.write(s, this.pos)
  }

  /** One ASCII char (a delimiter, CR, LF). */
  ascii(code: number): void {
    if (this.pos === this.buf.length) this.next(1)
    this.buf[this.pos++] = code
  }

  done(): CsvBytes {
    // A small report (or the tail of a large one) keeps only the bytes it used, not a megabyte.
    const last = this.pos < this.buf.length / 2 ? this.buf.slice(0, this.pos) : this.buf.subarray(0, this.pos)
    if (this.pos > 0 || this.parts.length === 0) this.parts.push(last)
    return this.parts
  }

  private next(atLeast: number): void {
    if (this.pos > 0) this.parts.push(this.buf.subarray(0, this.pos))
    this.buf = Buffer.allocUnsafe(Math.max(PART_BYTES, atLeast))
    this.pos = 0
  }
}

/** The header line and every row, CRLF-terminated, with a BOM in front when the dialect asks. */
export function writeCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>, dialect: CsvDialect): CsvBytes {
  const d = dialect.delimiter
  const delimiter = d.charCodeAt(0)
  const out = new PartWriter()
  if (dialect.bom) out.text(BOM)
  for (let i = 0; i < header.length; i++) {
    if (i > 0) out.ascii(delimiter)
    out.text(textCell(header[i], d))
  }
  out.ascii(CR)
  out.ascii(LF)
  for (const row of rows) {
    const n = row.length
    for (let i = 0; i < n; i++) {
      const v = row[i]
      if (i > 0) out.ascii(delimiter)
      // Strings first and inline: they are nearly every cell of a report.
      if (typeof v === 'string') {
        if (v.length > 0) out.text(textCell(v, d))
      } else if (v !== null && v !== undefined) out.text(cell(v, d))
    }
    out.ascii(CR)
    out.ascii(LF)
  }
  return out.done()
}

/** A written report as text (BOM kept), for tests and for readers that want a string. */
export function csvText(parts: readonly Uint8Array[]): string {
  return Buffer.concat(parts).toString('utf8')
}
