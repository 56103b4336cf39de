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

/**
 * A header name as the name lists below spell it: accents dropped, `ß` as `ss`, units in brackets
 * and every sign but letters and digits removed (`Schlußkurs (€)` -> `schlusskurs`, `Clôture €` ->
 * `cloture`, `收盘价` as written). Only for recognising names; a mapping is matched with `norm`.
 */
const key = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\([^)]*\)|\[[^\]]*\]|（[^）]*）/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '')

const DATE_NAMES = ['date', 'datetime', 'time', 'timestamp', 'day', 'tradedate', 'tradingdate', 'asofdate', 'pricedate']
const TICKER_NAMES = ['ticker', 'symbol', 'tickersymbol', 'ric', 'instrument']
/**
 * Names that say what a column holds, in the languages analysts' tools export in: English, German,
 * French, Spanish, Italian, Dutch, Portuguese, Chinese, Japanese. Only a column named here is
 * offered as the value: one picked by its position could be volume, open or anything, and would
 * be stored as prices without a word.
 */
const VALUE_NAMES: [ValueKind, string[]][] = [
  [
    'close',
    [
      ...['close', 'closeprice', 'closingprice', 'last', 'lastprice', 'price', 'pxlast'],
      ...['schluss', 'schlusskurs', 'schlusspreis', 'kurs'],
      ...['cloture', 'coursdecloture', 'prixdecloture', 'cours', 'dernier'],
      ...['cierre', 'preciodecierre', 'precio', 'ultimo', 'chiusura', 'prezzodichiusura', 'prezzo'],
      ...['slotkoers', 'koers', 'fechamento', 'precodefechamento', 'preco'],
      ...['收盘价', '收盘', '收市价', '收盤價', '收盤', '終値']
    ]
  ],
  [
    'adj_close',
    [
      ...['adjclose', 'adjustedclose', 'adjustedcloseprice', 'adjclosingprice'],
      ...['bereinigterschlusskurs', 'clotureajustee', 'cierreajustado', 'chiusurarettificata'],
      ...['复权收盘价', '前复权收盘价', '后复权收盘价', '調整後終値']
    ]
  ],
  [
    'market_cap',
    [
      ...['marketcap', 'mktcap', 'marketcapitalization', 'marketcapitalisation', 'mcap', 'marketvalue'],
      ...['marktkapitalisierung', 'borsenwert', 'boersenwert', 'capitalisationboursiere', 'capitalisation'],
      ...['capitalizacionbursatil', 'capitalizaciondemercado', 'capitalizzazione', 'valordemercado'],
      ...['市值', '总市值', '總市值', '時価総額']
    ]
  ]
]
/** The lists spelled as `key` spells a header (a kana with a voicing mark would otherwise differ). */
const VALUE_KEYS = VALUE_NAMES.map(([kind, words]) => [kind, new Set(words.map(key))] as const)

export interface ValueCandidate {
  column: string
  kind: ValueKind
}

export interface Suggestion {
  mapping: Partial<ImportMapping>
  /** Every column that could be the value, with what it holds (the wizard offers them). */
  candidates: ValueCandidate[]
}

/**
 * The mapping a user would most likely choose: `Close` before `Adj Close` before `Market Cap`. The
 * date column may be found by its cells (dates prove themselves), the value column only by its name.
 */
export function suggestMapping(header: string[], rows: string[][]): Suggestion {
  const names = header.map(key)
  let dateIdx = names.findIndex((n) => DATE_NAMES.includes(n))
  if (dateIdx < 0) {
    // No date-like name (or no header): the first column whose cells read as dates.
    dateIdx = header.findIndex((_, i) => (detectDateFormat(rows.map((r) => r[i] ?? ''))?.share ?? 0) >= 0.8)
  }
  const tickerIdx = names.findIndex((n) => TICKER_NAMES.includes(n))
  const candidates: ValueCandidate[] = []
  for (const [kind, words] of VALUE_KEYS) {
    header.forEach((column, i) => {
      if (words.has(names[i])) candidates.push({ column, kind })
    })
  }
  // Nothing named as a price (a file without a header, `Foo,Bar`, a language not listed): no value
  // column is suggested, and the user names it (the wizard's column picker, --value-column).
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
