/**
 * Columns are found by their header name, never by position: SPY.csv puts `Close` fifth where
 * Yahoo's own export puts it fifth too, but `Adj Close` moves, and a tool that adds columns
 * shifts everything. Names are compared loosely (`Adj Close`, `adj_close`, `AdjClose` are one).
 */
import type { ImportMapping, ValueKind } from '../../../shared/market'
import { ApiError } from '../../../shared/errors'
import { detectDateFormat } from './detect'

/** `Adj Close**` -> `adjclose`, `Market Cap (USD)` -> `marketcap`: units in brackets say nothing of the role. */
const norm = (name: string): string =>
  name
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .replace(/[^a-z0-9]/g, '')

const DATE_NAMES = ['date', 'datetime', 'time', 'timestamp', 'day', 'tradedate', 'tradingdate', 'asofdate', 'pricedate']
const TICKER_NAMES = ['ticker', 'symbol', 'tickersymbol', 'ric', 'instrument']
const VALUE_NAMES: [ValueKind, string[]][] = [
  ['close', ['close', 'closeprice', 'closingprice', 'last', 'lastprice', 'price', 'pxlast']],
  ['adj_close', ['adjclose', 'adjustedclose', 'adjustedcloseprice', 'adjclosingprice']],
  ['market_cap', ['marketcap', 'mktcap', 'marketcapitalization', 'marketcapitalisation', 'mcap', 'marketvalue']]
]

/** Columns of a price export that are never a price or a market cap. */
const NOT_VALUE_NAMES = ['volume', 'vol', 'turnover', 'amount', 'shares', 'sharesoutstanding', 'openinterest', 'trades', 'count', 'dividends', 'stocksplits']

export interface ValueCandidate {
  column: string
  kind: ValueKind
}

export interface Suggestion {
  mapping: Partial<ImportMapping>
  /** Every column that could be the value, with what it holds (the wizard offers them). */
  candidates: ValueCandidate[]
}

/** The mapping a user would most likely choose: `Close` before `Adj Close` before `Market Cap`. */
export function suggestMapping(header: string[], rows: string[][]): Suggestion {
  const names = header.map(norm)
  let dateIdx = names.findIndex((n) => DATE_NAMES.includes(n))
  if (dateIdx < 0) {
    // No date-like name (or no header): the first column whose cells read as dates.
    dateIdx = header.findIndex((_, i) => (detectDateFormat(rows.map((r) => r[i] ?? ''))?.share ?? 0) >= 0.8)
  }
  const tickerIdx = names.findIndex((n) => TICKER_NAMES.includes(n))
  const candidates: ValueCandidate[] = []
  for (const [kind, words] of VALUE_NAMES) {
    header.forEach((column, i) => {
      if (words.includes(names[i])) candidates.push({ column, kind })
    })
  }
  // A headerless two-column file is a date and a price; a column named as something else (Volume)
  // is not offered as one, or a file without prices would import its volumes as prices.
  if (!candidates.length && header.length === 2 && dateIdx >= 0 && !NOT_VALUE_NAMES.includes(names[1 - dateIdx])) {
    candidates.push({ column: header[1 - dateIdx], kind: 'close' })
  }
  const mapping: Partial<ImportMapping> = {}
  if (dateIdx >= 0) mapping.dateColumn = header[dateIdx]
  if (candidates.length) {
    mapping.valueColumn = candidates[0].column
    mapping.valueKind = candidates[0].kind
  }
  if (tickerIdx >= 0) mapping.tickerColumn = header[tickerIdx]
  return { mapping, candidates }
}

/** The column the value kind suggests (for `--column adj_close` without `--value-column`). */
export function columnForKind(candidates: ValueCandidate[], kind: ValueKind): string | undefined {
  return candidates.find((c) => c.kind === kind)?.column
}

/**
 * Index of the column named `name`: an exact match, else a unique loose match. A name that two
 * columns share makes the mapping ambiguous, which is refused rather than resolved by position.
 */
export function resolveColumn(header: string[], name: string, role: string, file: string, headerLine: number): number {
  let hits = header.flatMap((h, i) => (h === name ? [i] : []))
  if (hits.length === 0) hits = header.flatMap((h, i) => (h.trim().toLowerCase() === name.trim().toLowerCase() ? [i] : []))
  if (hits.length === 0) hits = header.flatMap((h, i) => (norm(h) !== '' && norm(h) === norm(name) ? [i] : []))
  if (hits.length === 1) return hits[0]
  const issue = { path: name, line: headerLine }
  if (hits.length === 0) {
    throw new ApiError('invalid_input', `${file}: no ${role} column named "${name}" on line ${headerLine}; the columns are ${listColumns(header)}`, {
      file,
      issues: [{ ...issue, message: `no column named ${name}` }]
    })
  }
  throw new ApiError(
    'invalid_input',
    `${file}: line ${headerLine} has ${hits.length} columns named "${name}" (columns ${hits.map((i) => i + 1).join(' and ')}), so the ${role} column is ambiguous; rename one`,
    { file, issues: [{ ...issue, message: `duplicate column name ${name}` }] }
  )
}

/** Column names for a message: all of a normal header, the first few of a file with thousands. */
export function listColumns(header: string[], max = 20): string {
  const shown = header.slice(0, max).map((h) => `"${h.length > 60 ? `${h.slice(0, 57)}...` : h}"`)
  return header.length > max ? `${shown.join(', ')} and ${header.length - max} more` : shown.join(', ')
}
