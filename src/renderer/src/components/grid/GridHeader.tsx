/**
 * The grid's header row. Each column header holds its title (click to sort; drag the right edge to
 * resize, double-click the edge to reset) and, when the grid has filters, the column's filter
 * control under the title. Filters live in the headers rather than in a row of their own so that
 * every row of the grid below the header is a data row.
 */
import { memo, type ReactNode } from 'react'
import type { Header, Table } from '@tanstack/react-table'
import type { GridColumn } from './types'
import { columnStyle } from './GridRow'

interface Props<R> {
  table: Table<R>
  specs: ReadonlyMap<string, GridColumn<R>>
  /** Controls of the filters, by column id; no filter line when absent. */
  filters?: Readonly<Record<string, ReactNode>>
  /** Changes whenever the header must re-render (order, sizes, sort): `table` itself is stable. */
  stateKey: string
}

function ariaSort(h: Header<unknown, unknown>): 'ascending' | 'descending' | 'none' | undefined {
  if (!h.column.getCanSort()) return undefined
  const s = h.column.getIsSorted()
  return s === 'asc' ? 'ascending' : s === 'desc' ? 'descending' : 'none'
}

function GridHeaderInner<R>({ table, specs, filters }: Props<R>) {
  const headers = table.getHeaderGroups()[0]?.headers ?? []
  return (
    <div role="rowgroup" className="grid-head">
      <div role="row" aria-rowindex={1} className={`grid-row grid-header-row ${filters ? 'has-filters' : ''}`}>
        {headers.map((h, ci) => {
          const spec = specs.get(h.column.id)
          const name = spec?.header ?? h.column.id
          const sorted = h.column.getIsSorted()
          return (
            <div
              key={h.id}
              role="columnheader"
              aria-colindex={ci + 1}
              aria-label={name}
              aria-sort={ariaSort(h as Header<unknown, unknown>)}
              className={`grid-cell grid-header ${spec?.align === 'end' ? 'is-end' : ''}`}
              style={columnStyle(h.column.id)}
            >
              <div className="header-title">
                {h.column.getCanSort() ? (
                  <button type="button" className="header-sort" onClick={h.column.getToggleSortingHandler()} title={`Sort by ${name}`}>
                    <span className="header-label">{name}</span>
                    <span className="sort-mark" aria-hidden="true">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                ) : (
                  <span className="header-label">{name}</span>
                )}
                {h.column.getCanResize() && (
                  <div
                    className={`resize-handle ${h.column.getIsResizing() ? 'is-resizing' : ''}`}
                    aria-hidden="true"
                    onMouseDown={h.getResizeHandler()}
                    onTouchStart={h.getResizeHandler()}
                    onDoubleClick={() => h.column.resetSize()}
                  />
                )}
              </div>
              {filters && <div className="header-filter">{filters[h.column.id] ?? null}</div>}
            </div>
          )
        })}
      </div>
    </div>
  )
}

/** Memoised: the grid re-renders on every scroll frame, its header only when its state changes. */
export const GridHeader = memo(GridHeaderInner) as typeof GridHeaderInner
