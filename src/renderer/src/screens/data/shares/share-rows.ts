/**
 * The share schedule as edited in the table (text as typed) and its validation into the
 * contract's ShareRow list. Every problem names the row and the field, and nothing is saved
 * while any row is wrong.
 */
import type { ShareRow } from '../../../../../shared/domain'
import { isIsoDate } from '../../../../../shared/dates'

export interface DraftShareRow {
  /** Stable identity for React and TanStack while dates are edited. */
  key: string
  date: string
  shares: string
  source: string
}

let nextKey = 0
export const newKey = (): string => `r${++nextKey}`

export function toDraft(rows: ShareRow[]): DraftShareRow[] {
  return rows.map((r) => ({ key: newKey(), date: r.date, shares: r.shares.toLocaleString('en-US', { maximumFractionDigits: 6 }), source: r.source }))
}

/**
 * Shares as typed: "2,710,000,000", "2 710 000 000", "2_710_000_000" and "2.71e9" all read as
 * the same number. A lone comma-decimal is not a share count, so commas are only group marks.
 */
export function parseShares(text: string): number {
  const t = text.trim().replace(/[,\s_\u00a0\u202f']/g, '')
  if (!/^\d+(\.\d+)?(e\d+)?$/i.test(t)) return NaN
  return Number(t)
}

export interface Validated {
  rows: ShareRow[]
  /** Problems by row key; empty when every row is valid. */
  problems: Map<string, string[]>
}

export function validateRows(draft: DraftShareRow[]): Validated {
  const problems = new Map<string, string[]>()
  const add = (key: string, msg: string) => problems.set(key, [...(problems.get(key) ?? []), msg])
  const seen = new Map<string, string>()
  const rows: ShareRow[] = []
  for (const d of draft) {
    const date = d.date.trim()
    if (!isIsoDate(date)) add(d.key, date ? `Effective date "${date}" is not a real date (YYYY-MM-DD)` : 'Effective date is missing')
    else if (seen.has(date)) add(d.key, `Effective date ${date} appears twice: keep one row per date`)
    else seen.set(date, d.key)
    const shares = parseShares(d.shares)
    if (!d.shares.trim()) add(d.key, 'Shares outstanding is missing')
    // "-5" is a number, only not a possible count: say what is wrong with it.
    else if (!Number.isFinite(shares) && Number.isFinite(parseShares(d.shares.trim().replace(/^[-−]/, '')))) add(d.key, 'Shares outstanding must be more than zero')
    else if (!Number.isFinite(shares)) add(d.key, `Shares outstanding "${d.shares}" is not a number`)
    else if (shares <= 0) add(d.key, 'Shares outstanding must be more than zero')
    if (d.source.length > 500) add(d.key, 'Source is longer than 500 characters')
    rows.push({ date, shares, source: d.source.trim() })
  }
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  return { rows, problems }
}
