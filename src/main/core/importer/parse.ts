/**
 * Every data row of a file, read once: the date, value and ticker cells are parsed in place,
 * good rows go to their ticker's typed arrays, bad rows are logged with line, field and reason.
 * The loop hands the event loop back every SLICE_MS milliseconds, so a host serving a million-row
 * import still answers progress polls and the desktop window never freezes.
 */
import type { RejectedRow, ValueKind } from '../../../shared/market'
import { ticker as tickerSchema } from '../../../shared/domain'
import { isoFromDay, monthDayOf } from '../../../shared/dates'
import { ApiError } from '../../../shared/errors'
import { CsvScanner } from './scanner'
import { FIRST_YEAR, IMPOSSIBLE_DATE, IMPOSSIBLE_TIME, NOT_A_DATE, TOO_EARLY, isNullWord, parseDate, parseNumber, type DateFormat } from './cells'
import { MAX_ROWS_PER_TICKER, TickerRows, type Duplicate } from './ticker-rows'
import type { Layout } from './detect'

/** The loop checks the clock every this many rows, and yields once it has run this long. */
const CHECK_ROWS = 4096
const SLICE_MS = 20
/** Rejected rows kept with their reasons (all are counted). */
export const REJECTED_KEPT = 1000

export interface ParsePlan {
  name: string
  text: string
  layout: Layout
  dateIndex: number
  valueIndex: number
  /** -1 for a single-ticker file. */
  tickerIndex: number
  /** The ticker of a single-ticker file. */
  ticker: string | null
  dateFormat: DateFormat
  valueKind: ValueKind
  /** Maps a ticker as written in the file to the one it is stored under (case, listing). */
  canonical: (raw: string) => string
}

export interface ParsedTicker {
  ticker: string
  days: Int32Array
  values: Float64Array
}

export interface ParseOutcome {
  /** Data rows read (accepted + rejected). */
  rows: number
  tickers: ParsedTicker[]
  rejectedCount: number
  /** The first REJECTED_KEPT rejected rows, by line. */
  rejected: RejectedRow[]
  /** The format the dates were read in. */
  dateFormat: DateFormat
  /**
   * Every date read would also be a real date with day and month swapped (01/02/2021 in a file
   * without a day past the 12th): the format was a choice, not something the file proves.
   */
  dateFormatAmbiguous: boolean
}

export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export async function parseRows(plan: ParsePlan, progress: (done: number, total: number) => void): Promise<ParseOutcome> {
  const { text, layout } = plan
  const header = layout.header
  const width = header.length
  const sc = new CsvScanner(text, layout.delimiter.charCodeAt(0), width + 1, plan.name)
  sc.seek(layout.dataPos, layout.dataLine)
  const decimalComma = layout.decimal === ','
  const { dateIndex: di, valueIndex: vi, tickerIndex: ti } = plan
  const dateField = header[di]
  const valueField = header[vi]
  const tickerField = ti >= 0 ? header[ti] : ''
  const what = plan.valueKind === 'market_cap' ? 'market cap' : 'price'

  const rejected: RejectedRow[] = []
  let rejectedCount = 0
  const reject = (line: number, field: string, reason: string): void => {
    rejectedCount++
    if (rejected.length < REJECTED_KEPT) rejected.push({ line, field, reason })
  }

  const byTicker = new Map<string, TickerRows>()
  /** Ticker cell text -> its rows, or the reason it is refused. */
  const byRaw = new Map<string, TickerRows | string>()
  const single = plan.ticker === null ? null : new TickerRows(plan.ticker)
  if (single) byTicker.set(single.ticker, single)
  let lastRaw = ''
  let lastRows: TickerRows | null = null

  // Day-first or month-first is proved by one accepted date whose day is past the 12th; until
  // then, a date whose day and month differ could have been read the other way.
  let swapUnsettled = plan.dateFormat === 'DD/MM/YYYY' || plan.dateFormat === 'MM/DD/YYYY'
  let swappable = false

  let rows = 0
  let sliceStart = performance.now()
  while (sc.next()) {
    rows++
    const line = sc.rowLine
    if (rows % CHECK_ROWS === 0 && performance.now() - sliceStart > SLICE_MS) {
      progress(sc.pos, text.length)
      await yieldToLoop()
      sliceStart = performance.now()
    }
    // A trailing delimiter on every row is a common export quirk, not a wrong column count.
    if (sc.count !== width && !(sc.count === width + 1 && sc.starts[width] === sc.ends[width])) {
      reject(line, '(row)', `wrong column count: ${sc.countCapped ? 'more than ' : ''}${sc.count} field${sc.count === 1 ? '' : 's'}, the header has ${width}`)
      continue
    }
    if (sc.malformed) {
      reject(line, '(row)', 'broken quoting: text after a closing quote')
      continue
    }

    let rowsOf: TickerRows
    if (single) rowsOf = single
    else {
      const s = sc.starts[ti]
      const e = sc.ends[ti]
      // Files are usually grouped by ticker: compare in place before building a string.
      if (lastRows && e - s === lastRaw.length && sc.quoted[ti] === 0 && text.startsWith(lastRaw, s)) rowsOf = lastRows
      else {
        const raw = sc.fieldText(ti)
        let found = byRaw.get(raw)
        if (found === undefined) {
          found = admitTicker(raw.trim(), plan, byTicker)
          byRaw.set(raw, found)
        }
        if (typeof found === 'string') {
          reject(line, tickerField, found)
          continue
        }
        rowsOf = found
        lastRaw = raw
        lastRows = found
      }
    }

    let day: number
    if (sc.quoted[di]) {
      const t = sc.fieldText(di)
      day = parseDate(t, 0, t.length, plan.dateFormat)
    } else day = parseDate(text, sc.starts[di], sc.ends[di], plan.dateFormat)
    if (day <= NOT_A_DATE) {
      const cell = sc.fieldText(di).trim()
      if (cell === '') reject(line, dateField, 'missing cell: no date')
      else if (day === IMPOSSIBLE_DATE) reject(line, dateField, `impossible date: "${clip(cell)}"`)
      else if (day === TOO_EARLY) reject(line, dateField, `impossible date: "${clip(cell)}" (before ${FIRST_YEAR})`)
      else if (day === IMPOSSIBLE_TIME) reject(line, dateField, `impossible time: "${clip(cell)}"`)
      else if (isNullWord(cell)) reject(line, dateField, `null cell: "${clip(cell)}" instead of a date`)
      else if (strayQuote(cell, sc.quoted[di])) reject(line, dateField, `broken quoting: a quote inside an unquoted cell: ${clip(cell)}`)
      else reject(line, dateField, `not a date: "${clip(cell)}" (expected ${plan.dateFormat})`)
      continue
    }

    let value: number
    if (sc.quoted[vi]) {
      const t = sc.fieldText(vi)
      value = parseNumber(t, 0, t.length, decimalComma)
    } else value = parseNumber(text, sc.starts[vi], sc.ends[vi], decimalComma)
    if (!(value > 0) || value === Infinity) {
      const cell = sc.fieldText(vi).trim()
      if (cell === '') reject(line, valueField, 'missing cell: no value')
      else if (isNullWord(cell)) reject(line, valueField, `null cell: "${clip(cell)}"`)
      else if (strayQuote(cell, sc.quoted[vi])) reject(line, valueField, `broken quoting: a quote inside an unquoted cell: ${clip(cell)}`)
      else if (Number.isNaN(value) || value === Infinity) reject(line, valueField, `non-numeric value: "${clip(cell)}"`)
      else reject(line, valueField, `negative or zero ${what}: ${clip(cell)}`)
      continue
    }
    if (rowsOf.n >= MAX_ROWS_PER_TICKER) {
      throw new ApiError('invalid_input', `${plan.name}: line ${line}: more than ${MAX_ROWS_PER_TICKER} rows for ${rowsOf.ticker}`, { file: plan.name })
    }
    rowsOf.push(day, value, line)
    if (swapUnsettled) {
      const md = monthDayOf(day)
      const d = md % 100
      if (d > 12) swapUnsettled = swappable = false
      else if (d !== (md - d) / 100) swappable = true
    }
  }
  progress(text.length, text.length)

  const tickers: ParsedTicker[] = []
  const duplicates: Duplicate[] = []
  for (const r of byTicker.values()) {
    if (r.n === 0) continue
    const sorted = r.finish()
    tickers.push({ ticker: r.ticker, days: sorted.days, values: sorted.values })
    for (const d of sorted.duplicates) duplicates.push(d)
  }
  rejectedCount += duplicates.length
  // Scan rejects come in line order; merge in the duplicates so the kept list is the first by line.
  duplicates.sort((a, b) => a.line - b.line)
  const dupRows = duplicates
    .slice(0, REJECTED_KEPT)
    .map((d) => ({ line: d.line, field: dateField, reason: `duplicate date: ${isoFromDay(d.day)} (first on line ${d.firstLine})` }))
  const all = dupRows.length ? [...rejected, ...dupRows].sort((a, b) => a.line - b.line).slice(0, REJECTED_KEPT) : rejected
  tickers.sort((a, b) => (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0))
  return { rows, tickers, rejectedCount, rejected: all, dateFormat: plan.dateFormat, dateFormatAmbiguous: swapUnsettled && swappable }
}

function admitTicker(raw: string, plan: ParsePlan, byTicker: Map<string, TickerRows>): TickerRows | string {
  if (raw === '') return 'missing cell: no ticker'
  const ok = tickerSchema.safeParse(raw)
  if (!ok.success) return `invalid ticker: "${clip(raw)}" (${ok.error.issues[0].message})`
  const t = plan.canonical(ok.data)
  let rows = byTicker.get(t)
  if (!rows) {
    rows = new TickerRows(t)
    byTicker.set(t, rows)
  }
  return rows
}

/** `1"6`: a quote that does not open the cell is a quoting mistake, not a number or date typo. */
function strayQuote(cell: string, quoted: number): boolean {
  return quoted === 0 && cell.includes('"')
}

/** A cell quoted in a message: short, on one line. */
function clip(cell: string): string {
  const one = cell.replace(/[\r\n\t]+/g, ' ')
  return one.length > 40 ? `${one.slice(0, 37)}...` : one
}
