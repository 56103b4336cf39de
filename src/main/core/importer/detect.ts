/**
 * Reading the shape of a price file from its head: delimiter, header row, decimal mark and date
 * format. Real exports differ in all four (see data/prices/README.md), and a wrong guess would
 * import wrong numbers, so every guess is made from the data itself and can be overridden.
 */
import { ApiError } from '../../../shared/errors'
import { CsvScanner, DELIMITERS, type Delimiter } from './scanner'
import { DATE_FORMATS, NOT_A_DATE, parseDate, parseNumber, type DateFormat } from './cells'

/** How many records of the head are looked at. */
const HEAD_RECORDS = 200
/** Characters of the head looked at for the delimiter and binary content. */
export const HEAD_CHARS = 256 * 1024

export interface Layout {
  delimiter: Delimiter
  decimal: '.' | ','
  hasHeader: boolean
  /** Column names: the header's, or `Column 1`, `Column 2`, … when the file has none. */
  header: string[]
  /** 1-based line of the header (or of the first data row when there is no header). */
  headerLine: number
  /** Offset and line where data rows begin. */
  dataPos: number
  dataLine: number
  /** The first data records of the head, as text. */
  rows: string[][]
}

export interface LayoutOverrides {
  delimiter?: Delimiter
  decimal?: '.' | ','
  hasHeader?: boolean
}

export function detectLayout(text: string, name: string, over: LayoutOverrides = {}): Layout {
  const cut = text.length > HEAD_CHARS
  const head = cut ? text.slice(0, HEAD_CHARS) : text
  if (head.trim() === '') throw new ApiError('invalid_input', `${name} is empty`, { file: name, issues: [{ path: '(file)', message: 'no text' }] })
  assertText(head, name)
  assertLineBreak(head, cut, name)
  const delimiter = over.delimiter ?? guessDelimiter(head, cut)
  if (!delimiter) {
    throw new ApiError('invalid_input', `${name}: no delimiter found on line 1 (tried , ; tab |): a price file needs a date column and a value column`, {
      file: name,
      issues: [{ path: '(file)', message: 'no delimiter', line: 1 }]
    })
  }
  const { records, quoteError, cutLine } = readRecords(head, delimiter, name, HEAD_RECORDS + 10, cut)
  if (!records.length) throw quoteError ?? new ApiError('invalid_input', `${name} is empty`, { file: name, issues: [{ path: '(file)', message: 'no rows' }] })
  if (over.delimiter) assertColumns(head, records, over.delimiter, name)
  const width = tableWidth(records)
  const wide = (r: HeadRecord): boolean => fitsWidth(r.fields, width)
  let headerAt = -1
  if (over.hasHeader !== false) {
    // A title or notes above the table (some exporters write them) are skipped: the header is the
    // last row of text (no number, no date) before the first row with a date. It names the
    // columns however wide the rows under it are: a row of another width is a bad row (wrong
    // column count), not a reason to doubt the header, so only without any dated row in the head
    // does the header have to be as wide as most rows.
    const firstDated = records.findIndex((r) => r.fields.length > 1 && r.fields.some(isDateShaped))
    const fits = firstDated < 0 ? wide : (r: HeadRecord): boolean => r.fields.length > 1
    for (let i = (firstDated < 0 ? records.length : firstDated) - 1; i >= 0 && headerAt < 0; i--) if (fits(records[i]) && isTextRow(records[i].fields)) headerAt = i
    if (headerAt < 0 && over.hasHeader) headerAt = records.findIndex(wide)
  }
  const hasHeader = headerAt >= 0
  // Without a header the columns are those of the first dated row as wide as the table.
  const dataAt = records.findIndex((r) => wide(r) && r.fields.some(isDateShaped))
  const top = records[hasHeader ? headerAt : dataAt >= 0 ? dataAt : records.findIndex(wide)]
  // A header with a trailing delimiter over rows without one (`Date,Close,`) names no extra
  // column: the empty last name is dropped, so the rows are not all "one field short".
  const named = hasHeader && top.fields.length === width + 1 && top.fields[width].trim() === '' ? top.fields.slice(0, width) : top.fields
  const header = named.map((f, i) => (hasHeader && f.trim()) || `Column ${i + 1}`)
  const dataStart = records.indexOf(top) + (hasHeader ? 1 : 0)
  const rows = records.slice(dataStart, dataStart + HEAD_RECORDS).map((r) => r.fields)
  // A quote still open at the end of the head, before any data row: "no data rows" would be
  // untrue (the rows are swallowed by that quote), so name the quote instead.
  if (!rows.length && quoteError) throw quoteError
  // Likewise a first row that runs past the head (`2021-01-04,` and 50 MB of digits).
  if (!rows.length && cutLine > 0) throw lineTooLong(name, cutLine)
  const data = records[dataStart]
  const end = records[records.length - 1]
  return {
    delimiter,
    decimal: over.decimal ?? (delimiter === ',' ? '.' : guessDecimal(rows)),
    hasHeader,
    header,
    headerLine: top.line,
    dataPos: data ? data.pos : end.endPos,
    dataLine: data ? data.line : end.line + 1,
    rows
  }
}

interface HeadRecord {
  fields: string[]
  line: number
  pos: number
  endPos: number
}

interface HeadRecords {
  records: HeadRecord[]
  /** The scanner's error for a quote the head's end cut (the head was cut there). */
  quoteError: ApiError | null
  /** Line of a record the head's end cut in two (dropped from `records`), else 0. */
  cutLine: number
}

function readRecords(head: string, delimiter: Delimiter, name: string, max: number, cut: boolean, lenient = false): HeadRecords {
  // A record has at most one field per character (plus one): a file with thousands of columns
  // keeps all of its header's names, so a column far to the right can still be mapped.
  const sc = new CsvScanner(head, delimiter.charCodeAt(0), head.length + 1, name)
  const out: HeadRecord[] = []
  let quoteError: ApiError | null = null
  while (out.length < max) {
    const pos = sc.pos
    let more: boolean
    try {
      more = sc.next()
    } catch (e) {
      // The head may cut a quoted field in two; what was read before it is enough to detect
      // (and the caller names the quote if nothing was). Guessing the delimiter, any candidate
      // may break quoting: the records before it count.
      if (cut && e instanceof ApiError) {
        quoteError = openQuote(e, name)
        break
      }
      if (out.length && lenient) break
      throw e
    }
    if (!more) break
    out.push({ fields: sc.fields(), line: sc.rowLine, pos, endPos: sc.pos })
  }
  // The head's last record may be cut in two by the head's end: it is not a record of the file.
  const last = out[out.length - 1]
  let cutLine = 0
  if (cut && out.length < max && last && last.endPos >= head.length && !/[\r\n]$/.test(head)) {
    cutLine = last.line
    out.pop()
  }
  return { records: out, quoteError, cutLine }
}

/** The scanner's "never closed", said of a head: the quote may close later, but not within it. */
function openQuote(e: ApiError, name: string): ApiError {
  const issue = e.issues?.[0]
  return new ApiError('invalid_input', `${name}: line ${issue?.line ?? 1}: a quote opened in ${issue?.path ?? 'a field'} is not closed within the first ${HEAD_CHARS / 1024} KB of the file`, {
    file: name,
    issues: issue ? [issue] : undefined
  })
}

/**
 * A file whose first line runs past the head (a 50 MB line without a break, a minified dump) is
 * not a table of rows; saying so beats guessing thousands of columns out of it.
 */
function assertLineBreak(head: string, cut: boolean, name: string): void {
  if (!cut) return
  let p = 0
  let line = 1
  // Blank lines before the first row do not count as rows.
  while (p < head.length && (head.charCodeAt(p) === 10 || head.charCodeAt(p) === 13 || head.charCodeAt(p) === 32)) {
    if (head.charCodeAt(p) === 10) line++
    p++
  }
  if (head.indexOf('\n', p) < 0 && head.indexOf('\r', p) < 0) throw lineTooLong(name, line)
}

function lineTooLong(name: string, line: number): ApiError {
  return new ApiError('invalid_input', `${name}: line ${line} has no line break within the first ${HEAD_CHARS / 1024} KB of the file: a price file has one row per line`, {
    file: name,
    issues: [{ path: '(row)', message: 'line too long', line }]
  })
}

/**
 * A delimiter the caller chose that splits no row: every row would be one column, and the error
 * about a missing date column would hide the real mistake.
 */
function assertColumns(head: string, records: HeadRecord[], delimiter: Delimiter, name: string): void {
  if (!records.length || records.some((r) => r.fields.length > 1)) return
  const seems = guessDelimiter(head, head.length >= HEAD_CHARS)
  const label = (d: string): string => (d === '\t' ? 'tab' : `"${d}"`)
  throw new ApiError(
    'invalid_input',
    `${name}: line ${records[0].line} has no ${label(delimiter)} (the delimiter asked for), so every row is one column${seems ? `; the file looks delimited by ${label(seems)}` : ''}`,
    { file: name, issues: [{ path: 'delimiter', message: `no ${label(delimiter)} in the rows`, line: records[0].line }] }
  )
}

/** NUL bytes and control characters do not occur in CSV text: refuse instead of importing noise. */
function assertText(head: string, name: string): void {
  let controls = 0
  let line = 1
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i)
    if (c === 10) line++
    else if (c === 0 || c === 0xfffd || (c < 32 && c !== 9 && c !== 13)) {
      controls++
      if (c === 0 || controls > 8) {
        throw new ApiError('invalid_input', `${name} is not a text file (binary data on line ${line}); export it as CSV`, {
          file: name,
          issues: [{ path: '(file)', message: 'binary data', line }]
        })
      }
    }
  }
}

function guessDelimiter(head: string, cut: boolean): Delimiter | null {
  let best: { d: Delimiter; score: number } | null = null
  for (const d of DELIMITERS) {
    let counts: number[]
    try {
      counts = readRecords(head, d, '', 40, cut, true).records.map((r) => r.fields.length)
    } catch {
      continue
    }
    const width = modeOf(counts)
    if (width < 2) continue
    const agree = counts.filter((c) => c === width).length / counts.length
    // Agreement first (a decimal comma makes `,` split data rows but not the header), then width.
    const score = agree * 1000 + Math.min(width, 999)
    if (!best || score > best.score) best = { d, score }
  }
  return best?.d ?? null
}

/** A record as wide as the table, or one wider by a trailing delimiter (an export quirk parse accepts too). */
function fitsWidth(fields: string[], width: number): boolean {
  return fields.length === width || (fields.length === width + 1 && fields[width] === '')
}

/**
 * The width most records fit. A trailing delimiter on some rows must not outvote the header: in
 * a small file, three rows of three fields and two of four (one of them `a,b,c,`) are three wide.
 */
function tableWidth(records: HeadRecord[]): number {
  let best = 0
  let bestN = 0
  for (const w of new Set(records.map((r) => r.fields.length))) {
    let n = 0
    for (const r of records) if (fitsWidth(r.fields, w)) n++
    // Ties go to the wider table: title lines above a short table are narrower than it.
    if (n > bestN || (n === bestN && w > best)) {
      best = w
      bestN = n
    }
  }
  return best
}

function modeOf(values: number[]): number {
  const freq = new Map<number, number>()
  let best = 0
  let bestN = 0
  for (const v of values) {
    const n = (freq.get(v) ?? 0) + 1
    freq.set(v, n)
    if (n > bestN || (n === bestN && v > best)) {
      best = v
      bestN = n
    }
  }
  return best
}

/** A cell written as a date (even an impossible one such as 2021-02-30) in any known format. */
function isDateShaped(cell: string): boolean {
  const v = cell.trim()
  return v !== '' && DATE_FORMATS.some((f) => parseDate(v, 0, v.length, f) !== NOT_A_DATE)
}

/** A header row: some text, and no cell that reads as a number or a date. */
function isTextRow(fields: string[]): boolean {
  return (
    fields.some((f) => f.trim() !== '') &&
    fields.every((f) => {
      const v = f.trim()
      return v === '' || (Number.isNaN(parseNumber(v, 0, v.length, false)) && Number.isNaN(parseNumber(v, 0, v.length, true)) && !isDateShaped(v))
    })
  )
}

const COMMA_DECIMAL = /^[-+]?(\d+|\d{1,3}(\.\d{3})+),\d+$/
const DOT_DECIMAL = /^[-+]?\d*\.\d+$/

function guessDecimal(rows: string[][]): '.' | ',' {
  let comma = 0
  let dot = 0
  for (const r of rows) {
    for (const f of r) {
      const s = f.trim()
      if (COMMA_DECIMAL.test(s)) comma++
      else if (DOT_DECIMAL.test(s)) dot++
    }
  }
  return comma > dot ? ',' : '.'
}

export interface DateGuess {
  format: DateFormat
  /**
   * Day-first and month-first read the sample equally well and some value differently (01/02, not
   * 01/01): the guess came from the sequence, and the user should confirm it.
   */
  ambiguous: boolean
  /** Share of the sample values that read as dates. */
  share: number
}

/** The format that reads the most of these values as real dates, or null when none reads any. */
export function detectDateFormat(values: string[]): DateGuess | null {
  const vals = values.map((v) => v.trim()).filter((v) => v !== '')
  if (!vals.length) return null
  const hits = DATE_FORMATS.map((f) => vals.filter((v) => parseDate(v, 0, v.length, f) > NOT_A_DATE).length)
  const max = Math.max(...hits)
  if (max === 0) return null
  let format = DATE_FORMATS[hits.indexOf(max)]
  const dm = hits[DATE_FORMATS.indexOf('DD/MM/YYYY')]
  const md = hits[DATE_FORMATS.indexOf('MM/DD/YYYY')]
  let ambiguous = false
  if ((format === 'DD/MM/YYYY' || format === 'MM/DD/YYYY') && dm === md) {
    // Every value has day and month <= 12. In a daily series the day changes from row to row far
    // more often than the month, so the part that changes most is the day.
    let firstChanges = 0
    let secondChanges = 0
    for (let i = 1; i < vals.length; i++) {
      const [a1, b1] = vals[i - 1].split('/')
      const [a2, b2] = vals[i].split('/')
      if (a1 !== a2) firstChanges++
      if (b1 !== b2) secondChanges++
    }
    format = secondChanges > firstChanges ? 'MM/DD/YYYY' : 'DD/MM/YYYY'
    // Only a file of days that are their own month (01/01, 02/02) reads the same both ways.
    ambiguous = vals.some((v) => {
      const [a, b] = v.split('/')
      return Number(a) !== Number(b)
    })
  }
  return { format, ambiguous, share: max / vals.length }
}
