/** Show, hide and reorder a grid's columns; the choice is remembered with the layout. */
import type { Table } from '@tanstack/react-table'
import { Popover } from '../Popover'
import type { GridColumn } from './types'

interface Props<R> {
  table: Table<R>
  specs: ReadonlyMap<string, GridColumn<R>>
  onReset: () => void
}

export function ColumnsMenu<R>({ table, specs, onReset }: Props<R>) {
  const order = table.getState().columnOrder
  const ids = order.length ? order : table.getAllLeafColumns().map((c) => c.id)
  const visibleCount = table.getVisibleLeafColumns().length
  const moveBy = (id: string, d: -1 | 1) => {
    const i = ids.indexOf(id)
    const j = i + d
    if (i < 0 || j < 0 || j >= ids.length) return
    const next = [...ids]
    ;[next[i], next[j]] = [next[j], next[i]]
    table.setColumnOrder(next)
  }
  return (
    <Popover label="Columns" align="end">
      {() => (
        <div className="columns-menu">
          <ul className="columns-list">
            {ids.map((id, i) => {
              const col = table.getColumn(id)
              const name = specs.get(id)?.header ?? id
              if (!col) return null
              const shown = col.getIsVisible()
              return (
                <li key={id} className="columns-item">
                  <label>
                    <input
                      type="checkbox"
                      checked={shown}
                      // The last visible column stays: a grid with no columns cannot be used.
                      disabled={shown && visibleCount === 1}
                      onChange={(e) => col.toggleVisibility(e.target.checked)}
                    />
                    {name}
                  </label>
                  <span className="columns-move">
                    <button type="button" className="btn btn-ghost btn-icon btn-small" aria-label={`Move ${name} left`} disabled={i === 0} onClick={() => moveBy(id, -1)}>
                      ↑
                    </button>
                    <button type="button" className="btn btn-ghost btn-icon btn-small" aria-label={`Move ${name} right`} disabled={i === ids.length - 1} onClick={() => moveBy(id, 1)}>
                      ↓
                    </button>
                  </span>
                </li>
              )
            })}
          </ul>
          <div className="columns-footer">
            <button type="button" className="btn btn-small" onClick={onReset}>
              Reset columns
            </button>
          </div>
        </div>
      )}
    </Popover>
  )
}
