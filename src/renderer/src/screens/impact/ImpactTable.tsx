/**
 * The impact rows as a sortable, filterable grid (TanStack Table v8), virtualised so thousands of
 * event x company x window rows scroll smoothly. Filters: one text box per text column; the
 * window is filtered by the screen's window selector.
 */
import { useMemo, useRef, useState } from 'react'
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type Cell,
  type ColumnFiltersState,
  type Row,
  type SortingState
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { ImpactRow } from '../../../../shared/market'
import { FILTERABLE, FIRST_FIGURE, impactColumns, NUMERIC } from './impact-columns'

const ROW_HEIGHT = 28

interface Props {
  rows: ImpactRow[]
  currency: string
  /** "a:b", or '' for every window. */
  window: string
}

const hasFigures = (r: ImpactRow) => r.start_date != null || r.mcap_change != null || r.car != null
const figureAt = (row: Row<ImpactRow>) => row.getVisibleCells().findIndex((c) => c.column.id === FIRST_FIGURE)

/** A row's cells, or its cells up to the figures and then its reason, when it has no figure. */
function cellsOf(row: Row<ImpactRow>): (Cell<ImpactRow, unknown> | 'reason')[] {
  const cells = row.getVisibleCells()
  const at = figureAt(row)
  return hasFigures(row.original) || at < 0 ? cells : [...cells.slice(0, at), 'reason']
}

export function ImpactTable({ rows, currency, window }: Props) {
  const columns = useMemo(() => impactColumns(currency), [currency])
  const [sorting, setSorting] = useState<SortingState>([
    { id: 'date', desc: false },
    { id: 'company', desc: false }
  ])
  const [textFilters, setTextFilters] = useState<ColumnFiltersState>([])
  const columnFilters = useMemo(() => (window ? [...textFilters, { id: 'window', value: window }] : textFilters), [textFilters, window])

  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, columnFilters },
    onSortingChange: setSorting,
    onColumnFiltersChange: (u) => setTextFilters((old) => (typeof u === 'function' ? u(old) : u).filter((f) => f.id !== 'window')),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    isMultiSortEvent: (e) => (e as MouseEvent).shiftKey
  })
  const shown = table.getRowModel().rows
  const scroller = useRef<HTMLDivElement>(null)
  const virtual = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 })
  const items = virtual.getVirtualItems()
  const padTop = items.length ? items[0].start : 0
  const padBottom = items.length ? virtual.getTotalSize() - items[items.length - 1].end : 0
  // At least the columns' sizes; wider screens give the rest to the last column (Note).
  const minWidth = table.getTotalSize()
  const lastId = columns[columns.length - 1].id

  return (
    <div className="im-table-wrap">
      <div className="im-count" role="status">
        {shown.length.toLocaleString('en-US')} of {rows.length.toLocaleString('en-US')} rows
      </div>
      <div ref={scroller} className="im-scroll">
        <table className="im-table" role="grid" aria-label="Impact" aria-rowcount={shown.length + 2} style={{ minWidth, width: '100%' }}>
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const sorted = h.column.getIsSorted()
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      style={{ width: h.column.id === lastId ? undefined : h.getSize() }}
                      className={NUMERIC.has(h.column.id) ? 'md-num' : undefined}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    >
                      <button type="button" className="im-sort" onClick={h.column.getToggleSortingHandler()} title="Sort (shift-click to add)">
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                      </button>
                    </th>
                  )
                })}
              </tr>
            ))}
            <tr className="im-filters">
              {table.getVisibleLeafColumns().map((c) => (
                <th key={c.id}>
                  {FILTERABLE.has(c.id) && (
                    <input
                      aria-label={`Filter ${String(c.columnDef.header)}`}
                      placeholder="filter"
                      value={(c.getFilterValue() as string) ?? ''}
                      onChange={(e) => c.setFilterValue(e.target.value || undefined)}
                    />
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden="true">
                <td style={{ height: padTop, padding: 0, border: 'none' }} colSpan={columns.length} />
              </tr>
            )}
            {items.map((vi) => {
              const row = shown[vi.index]
              return (
                <tr key={row.id} style={{ height: ROW_HEIGHT }} aria-rowindex={vi.index + 3}>
                  {cellsOf(row).map((cell) =>
                    cell === 'reason' ? (
                      // No figure at all (no prices, no listing): the reason, readable, in their place.
                      <td key="reason" className="im-reason" colSpan={row.getVisibleCells().length - figureAt(row)} title={row.original.note}>
                        {row.original.note || 'no figures'}
                      </td>
                    ) : (
                      <td key={cell.id} className={NUMERIC.has(cell.column.id) ? 'md-num' : undefined}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    )
                  )}
                </tr>
              )
            })}
            {padBottom > 0 && (
              <tr aria-hidden="true">
                <td style={{ height: padBottom, padding: 0, border: 'none' }} colSpan={columns.length} />
              </tr>
            )}
          </tbody>
        </table>
        {shown.length === 0 && <p className="md-empty">No rows match the filters.</p>}
      </div>
    </div>
  )
}
