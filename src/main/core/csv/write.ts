/**
 * CSV writing (RFC 4180): fields quoted when they hold the delimiter, a quote or a line break;
 * quotes doubled; CRLF between records; UTF-8 with an optional BOM so Excel reads Chinese text.
 *
 * Text cells a spreadsheet would run as a formula (starting with = + - @, tab or carriage
 * return) are neutralised as OWASP recommends: prefixed with a single quote, then quoted. Numbers
 * are written as numbers (a negative return is a value, not a formula).
 */
import type { CsvDialect } from '../../../shared/api'

export type CsvValue = string | number | boolean | null | undefined

export const BOM = '\uFEFF'

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r'])

/** One text cell, neutralised if needed, quoted if needed. */
export function textCell(value: string, delimiter: string): string {
  // Neutralised cells are always quoted too (OWASP: prefix, then escape and wrap).
  if (value.length > 0 && FORMULA_START.has(value[0])) return `"'${value.replaceAll('"', '""')}"`
  if (needsQuotes(value, delimiter)) return `"${value.replaceAll('"', '""')}"`
  return value
}

function needsQuotes(v: string, delimiter: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i)
    // " \n \r, the delimiter, and a leading/trailing space that some readers would trim
    if (c === 34 || c === 10 || c === 13 || v[i] === delimiter) return true
  }
  return v.length > 0 && (v.charCodeAt(0) === 32 || v.charCodeAt(v.length - 1) === 32)
}

export function cell(value: CsvValue, delimiter: string): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? numberText(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return textCell(value, delimiter)
}

/** Plain decimal notation (no 1e+21 exponent a reader might take as text). */
function numberText(n: number): string {
  const s = String(n)
  if (!s.includes('e')) return s
  return Math.abs(n) >= 1 ? BigInt(Math.round(n)).toString() : n.toFixed(20).replace(/0+$/, '')
}

export function writeCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>, dialect: CsvDialect): string {
  const d = dialect.delimiter
  const out: string[] = [header.map((h) => textCell(h, d)).join(d)]
  for (const row of rows) {
    let line = ''
    for (let i = 0; i < row.length; i++) {
      if (i > 0) line += d
      line += cell(row[i], d)
    }
    out.push(line)
  }
  return (dialect.bom ? BOM : '') + out.join('\r\n') + '\r\n'
}
