/**
 * The impact rows as a sortable, filterable grid (TanStack Table v8 for the columns, headers and
 * sort state), virtualised over every row of the view. The host sorts, filters and pages
 * (impact:view): the grid holds one page of rows around what is on screen, and asks for another
 * page when the scroll leaves it. The window is filtered by the screen's window selector. Where
 * it was scrolled is remembered while the analyst visits another screen, as the page is.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react'
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type Cell,
  type ColumnFiltersState,
  type Row,
  type SortingState
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { ImpactFilterColumn, ImpactRow, ImpactSortColumn } from '../../../../shared/market'
import { FILTERABLE, FIRST_FIGURE, FLEX_SHARES, impactColumns, NUMERIC } from './impact-columns'
import { PAGE_ROWS } from './useImpactView'
import { useOnChange } from './useOnChange'
import { useClientWidth } from './useClientWidth'
import { useRememberedScroll } from './useRememberedScroll'

const ROW_HEIGHT = 28

interface Props {
  /** The loaded page: rows `offset` .. `offset + rows.length` of the view. */
  rows: ImpactRow[]
  offset: number
  /** Rows the filters keep, and rows in the whole table. */
  total: number
  all: number
  currency: string
  sort: { id: ImpactSortColumn; desc: boolean }[]
  onSort: (sort: { id: ImpactSortColumn; desc: boolean }[]) => void
  filters: Partial<Record<ImpactFilterColumn, string>>
  onFilters: (filters: Partial<Record<ImpactFilterColumn, string>>) => void
  /** The scroll left the loaded page: load the one starting here. */
  onOffset: (offset: number) => void
  /** A row clicked, or Enter on it: its event goes to the panel below. */
  onOpen: (eventId: string, title: string) => void
  /** The event in the panel: its rows are marked selected. */
  selected: string | null
}

/**
 * Up and down move between the rows (one tab stop for the whole body); Enter or Space opens the
 * row's event. The rows are virtualised, so the next row is the next rendered sibling; moving
 * focus scrolls it into view and the virtualiser renders the ones after it.
 */
function rowKeys(e: React.KeyboardEvent<HTMLTableRowElement>, open: () => void) {
  const step = e.key === 'ArrowDown' ? 'nextElementSibling' : e.key === 'ArrowUp' ? 'previousElementSibling' : null
  if (step) {
    const next = e.currentTarget[step]
    if (next instanceof HTMLTableRowElement && next.tabIndex >= -1 && !next.hasAttribute('aria-hidden')) {
      e.preventDefault()
      next.focus()
    }
  } else if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault()
    open()
  }
}

const hasFigures = (r: ImpactRow) => r.start_date != null || r.mcap_change != null || r.car != null
const figureAt = (row: Row<ImpactRow>) => row.getVisibleCells().findIndex((c) => c.column.id === FIRST_FIGURE)

/** A row's cells, or its cells up to the figures and then its reason, when it has no figure. */
function cellsOf(row: Row<ImpactRow>): (Cell<ImpactRow, unknown> | 'reason')[] {
  const cells = row.getVisibleCells()
  const at = figureAt(row)
  return hasFigures(row.original) || at < 0 ? cells : [...cells.slice(0, at), 'reason']
}

export function ImpactTable({ rows, offset, total, all, currency, sort, onSort, filters, onFilters, onOffset, onOpen, selected }: Props) {
  const columns = useMemo(() => impactColumns(currency), [currency])
  const sorting: SortingState = sort
  const columnFilters: ColumnFiltersState = useMemo(() => Object.entries(filters).map(([id, value]) => ({ id, value })), [filters])

  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, columnFilters },
    manualSorting: true,
    manualFiltering: true,
    onSortingChange: (u) => onSort((typeof u === 'function' ? u(sorting) : u) as Props['sort']),
    onColumnFiltersChange: (u) => {
      const next = typeof u === 'function' ? u(columnFilters) : u
      onFilters(Object.fromEntries(next.filter((f) => FILTERABLE.has(f.id) && f.value).map((f) => [f.id, String(f.value)])))
    },
    getCoreRowModel: getCoreRowModel(),
    isMultiSortEvent: (e) => (e as MouseEvent).shiftKey
  })
  const loaded = table.getRowModel().rows
  const scroller = useRef<HTMLDivElement | null>(null)
  const scroll = useRememberedScroll('impact.tableScroll')
  const { restore } = scroll
  // Back on the screen, the grid scrolls to where the analyst left it once the virtualiser has
  // measured it (before that it is no taller than its header), and the virtualiser follows.
  const [measure, boxWidth] = useClientWidth()
  const scrollerRef = useCallback(
    (el: HTMLDivElement | null) => {
      scroller.current = el
      measure(el)
      restore(el)
    },
    [restore, measure]
  )
  const virtual = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 })
  const items = virtual.getVirtualItems()
  const padTop = items.length ? items[0].start : 0
  const padBottom = items.length ? virtual.getTotalSize() - items[items.length - 1].end : 0
  // At least the columns' sizes; a wider box shares the rest between the flexible columns.
  // Below that the table's own box scrolls sideways.
  const minWidth = table.getTotalSize()
  const spare = Math.max(0, boxWidth - minWidth)
  const widthOf = (id: string, size: number) => size + Math.floor(spare * (FLEX_SHARES[id] ?? 0))

  // A new order or filter starts from the top (not the same one found again on coming back).
  useOnChange(
    JSON.stringify([sort, filters, total]),
    useCallback(() => scroller.current?.scrollTo({ top: 0 }), [])
  )

  // The rows on screen are outside the loaded page: ask for the page around them.
  const first = items.length ? items[0].index : 0
  const last = items.length ? items[items.length - 1].index : 0
  const end = offset + rows.length
  const outside = total > 0 && (first < offset || (last >= end && end < total))
  useEffect(() => {
    if (outside) onOffset(Math.max(0, Math.min(first - Math.floor(PAGE_ROWS / 4), total - PAGE_ROWS)))
  }, [outside, first, total, onOffset])

  return (
    <div className="im-table-wrap">
      <div className="im-count" role="status">
        {total.toLocaleString('en-US')} of {all.toLocaleString('en-US')} rows
      </div>
      <div ref={scrollerRef} className="im-scroll" onScrollEnd={scroll.onScrollEnd}>
        <table className="im-table" role="grid" aria-label="Impact" aria-rowcount={total + 2} style={{ minWidth, width: '100%' }}>
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const sorted = h.column.getIsSorted()
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      style={{ width: widthOf(h.column.id, h.getSize()) }}
                      className={NUMERIC.has(h.column.id) ? 'md-num' : undefined}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    >
                      <button
                        type="button"
                        className="im-sort"
                        // A plain click sorts by this column alone (TanStack would only flip it
                        // in place when it is the last of several); shift-click adds or flips.
                        onClick={(e) =>
                          !e.shiftKey && sorting.length > 1
                            ? onSort([{ id: h.column.id as ImpactSortColumn, desc: h.column.getFirstSortDir() === 'desc' }])
                            : h.column.getToggleSortingHandler()?.(e)
                        }
                        title="Sort (shift-click to add)"
                      >
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        {sorted && <span className="im-sort-mark">{sorted === 'asc' ? ' ▲' : ' ▼'}</span>}
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
              const row = loaded[vi.index - offset]
              if (!row)
                return (
                  // Not loaded yet (the page is on its way): a quiet placeholder of the same height.
                  <tr key={`pending-${vi.index}`} style={{ height: ROW_HEIGHT }} aria-rowindex={vi.index + 3} aria-busy="true">
                    <td colSpan={columns.length} className="im-pending" />
                  </tr>
                )
              return (
                <tr
                  key={vi.index}
                  style={{ height: ROW_HEIGHT }}
                  aria-rowindex={vi.index + 3}
                  aria-selected={row.original.event_id === selected}
                  className="im-row"
                  // The first rendered row is the body's tab stop; the arrows move from there.
                  tabIndex={vi.index === first ? 0 : -1}
                  onClick={() => onOpen(row.original.event_id, row.original.event_title)}
                  onKeyDown={(e) => rowKeys(e, () => onOpen(row.original.event_id, row.original.event_title))}
                >
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
        {total === 0 && <p className="md-empty">No rows match the filters.</p>}
      </div>
    </div>
  )
}
