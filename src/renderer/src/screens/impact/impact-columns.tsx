/**
 * The impact table's columns (TanStack Table v8): every figure of IMPACT.md per event x company x
 * window. Money is compact in the reporting currency, returns are percentages; the raw value is in
 * each cell's title, and an empty cell's title gives the reason from the row's note.
 */
import { createColumnHelper, type CellContext } from '@tanstack/react-table'
import type { ImpactRow } from '../../../../shared/market'
import { IMPACT_FILTER_COLUMNS, windowKey } from '../../../../shared/vocabulary'
import { money, moneyFull, pct, pctShort, windowLabel } from '../data/shared/format'
import { periodLabel } from './period-label'

const col = createColumnHelper<ImpactRow>()

function empty(row: ImpactRow) {
  return (
    <span className="im-empty" title={row.note || 'No value'}>
      —
    </span>
  )
}

function moneyCell(currency: string) {
  return function MoneyCell(c: CellContext<ImpactRow, number | undefined>) {
    const v = c.getValue()
    if (v == null) return empty(c.row.original)
    return (
      <span className={v < 0 ? 'im-neg' : undefined} title={`${moneyFull(v, currency)} (${v})`}>
        {money(v, currency)}
      </span>
    )
  }
}

function pctCell(c: CellContext<ImpactRow, number | undefined>) {
  const v = c.getValue()
  if (v == null) return empty(c.row.original)
  return (
    // One decimal fits the column ("+34.12 %" was cut to "+34.1…"); the exact figure is in the
    // title and in the report.
    <span className={v < 0 ? 'im-neg' : v > 0 ? 'im-pos' : undefined} title={`${pct(v, 4)} (${v})`}>
      {pctShort(v)}
    </span>
  )
}

function numCell(c: CellContext<ImpactRow, number | undefined>) {
  const v = c.getValue()
  if (v == null) return empty(c.row.original)
  return <span title={String(v)}>{v.toFixed(2)}</span>
}

const num = (v: number | null) => v ?? undefined

/**
 * Day 0 as "11-04": the first trading day on or after the event, whose date (with its year) is in
 * the Date column, and the full date in the title.
 */
const shortDate = (date: string) => date.slice(5)
// Sorting is done by the host, so the first direction cannot be guessed from the loaded rows:
// figures start with the largest, texts and dates from A and the earliest.
const numeric = { sortUndefined: 'last' as const, enableColumnFilter: false, sortDescFirst: true }
const textual = { sortDescFirst: false }

export function impactColumns(currency: string) {
  const moneyC = moneyCell(currency)
  return [
    // The Event and Company columns share what the fixed columns leave (FLEX_SHARES; their sizes
    // are only their minimums): at 1280px every column fits, narrower the table scrolls sideways
    // in its own box (ImpactTable.tsx), wider both texts show more.
    col.accessor('event_title', { id: 'event', header: 'Event', size: 120, ...textual, cell: (c) => <span title={`${c.row.original.event_title} (${c.row.original.event_id})`}>{c.getValue()}</span> }),
    col.accessor('event_date', { id: 'date', header: 'Date', size: 80, ...textual }),
    // Ticker and company in one column: the table must fit the figures on screen.
    col.accessor((r) => `${r.ticker} ${r.company}`, {
      id: 'company',
      header: 'Company',
      // The ticker and the start of the name; the rest comes with a wider window.
      size: 72,
      ...textual,
      cell: (c) => (
        <span title={`${c.row.original.ticker || 'no listing'}: ${c.row.original.company}`}>
          <strong>{c.row.original.ticker}</strong> <span className="muted">{c.row.original.company}</span>
        </span>
      )
    }),
    col.accessor((r) => windowKey(r.window_start, r.window_end), {
      id: 'window',
      header: 'Window',
      size: 68,
      ...textual,
      filterFn: 'equalsString',
      sortingFn: (a, b) => a.original.window_start - b.original.window_start || a.original.window_end - b.original.window_end,
      cell: (c) => windowLabel({ a: c.row.original.window_start, b: c.row.original.window_end })
    }),
    col.accessor('day0', {
      id: 'day0',
      header: 'Day 0',
      size: 42,
      ...textual,
      cell: (c) => {
        const r = c.row.original
        return r.day0 ? <span title={`Day 0: ${r.day0}, the first trading day on or after the event`}>{shortDate(r.day0)}</span> : empty(r)
      }
    }),
    col.accessor((r) => r.start_date ?? undefined, {
      id: 'period',
      header: 'Start → end',
      // Room for "12-16 → 2021-01-25", a window across a new year (period-label.ts).
      size: 126,
      ...textual,
      sortUndefined: 'last',
      cell: (c) => {
        const r = c.row.original
        return r.start_date && r.end_date ? (
          <span title={`From the close of ${r.start_date} to the close of ${r.end_date}`}>
            {periodLabel(r.event_date, r.start_date, r.end_date)}
          </span>
        ) : (
          empty(r)
        )
      }
    }),
    col.accessor((r) => num(r.start_mcap), {
      id: 'mcap',
      header: 'Mcap',
      // "$842B → $1.02T" whole.
      size: 104,
      ...numeric,
      cell: (c) => {
        const r = c.row.original
        return r.start_mcap != null && r.end_mcap != null ? (
          <span title={`${moneyFull(r.start_mcap, currency)} → ${moneyFull(r.end_mcap, currency)}`}>
            {money(r.start_mcap, currency)} → {money(r.end_mcap, currency)}
          </span>
        ) : (
          empty(r)
        )
      }
    }),
    col.accessor((r) => num(r.mcap_change), { id: 'mcap_change', header: 'Change', size: 56, cell: moneyC, ...numeric }),
    col.accessor((r) => num(r.mcap_return), { id: 'mcap_return', header: 'Return', size: 60, cell: pctCell, ...numeric }),
    // The benchmark and its return in one column (sorted by the return, filtered by the ticker):
    // two narrow columns did not leave the Note column room on a 1440px screen.
    col.accessor((r) => num(r.benchmark_return), {
      id: 'benchmark',
      header: 'Benchmark',
      size: 98,
      sortDescFirst: true,
      sortUndefined: 'last',
      filterFn: (row, _id, value: string) => row.original.benchmark.toLowerCase().includes(String(value).toLowerCase()),
      cell: (c) => (
        <span className="im-bench">
          <span className="muted">{c.row.original.benchmark || '—'}</span> {pctCell(c)}
        </span>
      )
    }),
    col.accessor((r) => num(r.abnormal_return), { id: 'abnormal_return', header: 'Abnormal', size: 66, cell: pctCell, ...numeric }),
    col.accessor((r) => num(r.car), { id: 'car', header: 'CAR', size: 62, cell: pctCell, ...numeric }),
    col.accessor((r) => num(r.t_stat), { id: 't_stat', header: 't-stat', size: 42, cell: numCell, ...numeric }),
    // Cut short; the note is whole in its title (and in the event's panel below).
    col.accessor('note', { id: 'note', header: 'Note', size: 54, ...textual, cell: (c) => <span title={c.getValue()}>{c.getValue()}</span> })
  ]
}

/** Columns that get a text filter under their header. */
export const FILTERABLE = new Set<string>(IMPACT_FILTER_COLUMNS)

/** Columns right-aligned as numbers. */
export const NUMERIC = new Set(['mcap', 'mcap_change', 'mcap_return', 'benchmark', 'abnormal_return', 'car', 't_stat'])

/** The first figure column: a row without any figure says why from here to the end of the row. */
export const FIRST_FIGURE = 'day0'

/**
 * The columns that share the width the others leave, and each one's part (their sizes are their
 * minimums). The title gets more: it is what tells the rows apart.
 */
export const FLEX_SHARES: Readonly<Record<string, number>> = { event: 0.6, company: 0.4 }
