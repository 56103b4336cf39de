/**
 * The wizard's mapping form as the user edits it, and its conversion into the contract's
 * ImportMapping. Columns are named by header, never by position (files reorder them).
 */
import type { ImportInspection, ImportMapping, ValueKind } from '../../../../../shared/market'

export interface MappingDraft {
  dateColumn: string
  valueColumn: string
  valueKind: ValueKind
  /** 'field': one ticker for the whole file; 'column': a column names each row's ticker. */
  tickerMode: 'field' | 'column'
  ticker: string
  tickerColumn: string
  currency: string
  delimiter: ImportInspection['delimiter']
  decimal: ImportInspection['decimal']
  dateFormat: ImportInspection['dateFormat']
}

export const VALUE_KIND_LABELS: Record<ValueKind, string> = {
  close: 'Close',
  adj_close: 'Adjusted close',
  market_cap: 'Market cap'
}

/** What a column of each kind holds, in a sentence. */
const VALUE_KIND_PLURALS: Record<ValueKind, string> = { close: 'close prices', adj_close: 'adjusted close prices', market_cap: 'market caps' }

const TICKER = /^[A-Za-z0-9.^=_-]{1,32}$/
const CURRENCY = /^[A-Z]{3}$/

/** "BABA.csv" -> "BABA", "0700.HK.csv" -> "0700.HK": a guess the user can change. */
export function tickerFromFileName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.(csv|tsv|txt)$/i, '')
  return TICKER.test(base) ? base.toUpperCase() : ''
}

function findHeader(header: string[], ...names: string[]): string {
  for (const n of names) {
    const hit = header.find((h) => h.trim().toLowerCase() === n)
    if (hit) return hit
  }
  return ''
}

export function draftFromInspection(ins: ImportInspection): MappingDraft {
  const s = ins.suggested
  const tickerColumn = s.tickerColumn ?? findHeader(ins.header, 'ticker', 'symbol')
  return {
    dateColumn: s.dateColumn ?? (findHeader(ins.header, 'date', 'datetime', 'timestamp') || ins.header[0] || ''),
    valueColumn: s.valueColumn ?? findHeader(ins.header, 'close', 'adj close', 'market cap'),
    valueKind: s.valueKind ?? 'close',
    tickerMode: tickerColumn && !s.ticker ? 'column' : 'field',
    ticker: s.ticker ?? tickerFromFileName(ins.name),
    tickerColumn,
    currency: s.currency ?? 'USD',
    delimiter: s.delimiter ?? ins.delimiter,
    decimal: s.decimal ?? ins.decimal,
    dateFormat: s.dateFormat ?? ins.dateFormat
  }
}

/**
 * Saying what the value is picks the column the file names so (`Adj Close` for adjusted close),
 * as the CLI's `--column adj_close` does; a file without such a column keeps the one chosen.
 */
export function withValueKind(ins: Pick<ImportInspection, 'candidates'>, kind: ValueKind): Partial<MappingDraft> {
  const column = ins.candidates.find((c) => c.kind === kind)?.column
  return column ? { valueKind: kind, valueColumn: column } : { valueKind: kind }
}

/** Choosing a column whose name says what it holds sets what the value is to match. */
export function withValueColumn(ins: Pick<ImportInspection, 'candidates'>, column: string): Partial<MappingDraft> {
  const kind = ins.candidates.find((c) => c.column === column)?.kind
  return kind ? { valueColumn: column, valueKind: kind } : { valueColumn: column }
}

/**
 * A value column whose name says it holds something else than the value is said to be (`Close`
 * imported as market cap would store share prices as money), or null.
 */
export function valueKindMismatch(d: MappingDraft, ins: Pick<ImportInspection, 'candidates'>): string | null {
  const named = ins.candidates.find((c) => c.column === d.valueColumn)?.kind
  if (!named || named === d.valueKind) return null
  return `The column ${d.valueColumn} is named for ${VALUE_KIND_PLURALS[named]}, not ${VALUE_KIND_PLURALS[d.valueKind]}: check the value column or what the value is.`
}

/** Problems that stop a dry run, each naming the field; empty when the mapping can be sent. */
export function mappingProblems(d: MappingDraft, header: string[]): string[] {
  const out: string[] = []
  if (!header.includes(d.dateColumn)) out.push('Choose the date column.')
  if (!header.includes(d.valueColumn)) out.push('Choose the value column.')
  if (d.dateColumn && d.dateColumn === d.valueColumn) out.push('The date column and the value column must differ.')
  if (d.tickerMode === 'field' && !TICKER.test(d.ticker.trim())) out.push('Ticker: letters, digits, . ^ = _ or - (e.g. BABA or 0700.HK).')
  if (d.tickerMode === 'column' && !header.includes(d.tickerColumn)) out.push('Choose the ticker column.')
  if (!CURRENCY.test(d.currency)) out.push('Currency: a 3-letter code such as USD.')
  return out
}

export function toMapping(d: MappingDraft): ImportMapping {
  return {
    dateColumn: d.dateColumn,
    valueColumn: d.valueColumn,
    valueKind: d.valueKind,
    ...(d.tickerMode === 'column' ? { tickerColumn: d.tickerColumn } : { ticker: d.ticker.trim().toUpperCase() }),
    currency: d.currency,
    delimiter: d.delimiter,
    decimal: d.decimal,
    dateFormat: d.dateFormat
  }
}
