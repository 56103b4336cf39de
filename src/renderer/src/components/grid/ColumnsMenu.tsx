/** Show, hide and reorder a grid's columns; the choice is remembered with the layout. */
import type { Table } from '@tanstack/react-table'
import { Popover } from '../Popover'
import type { GridColumn } from './types'
import { canMoveColumn, moveColumn } from './column-order'

interface Props<R> {
  table: Table<R>
  specs: ReadonlyMap<string, GridColumn<R>>
  onReset: () => void
}

export function ColumnsMenu<R>({ table, specs, onReset }: Props<R>) {
  const order = table.getState().columnOrder
  const ids = order.length ? order : table.getAllLeafColumns().map((c) => c.id)
  const visibleCount = table.getVisibleLeafColumns().length
  const visible = new Set(table.getVisibleLeafColumns().map((c) => c.id))
  const moveBy = (id: string, d: -1 | 1, button: HTMLButtonElement) => {
    const next = moveColumn(ids, visible, id, d)
    if (next === ids) return
    table.setColumnOrder([...next])
    // At the end of the row its button is disabled: focus goes to the other one, not the page.
    if (!canMoveColumn(next, visible, id, d)) ((d === -1 ? button.nextElementSibling : button.previousElementSibling) as HTMLButtonElement | null)?.focus()
  }
  return (
    <Popover label="Columns" align="end">
      {() => (
        <div className="columns-menu">
          <ul className="columns-list">
            {ids.map((id) => {
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
                    {/* Arrows as the table moves: left and right, whatever way this list runs. */}
                    <button type="button" className="btn btn-ghost btn-icon btn-small" aria-label={`Move ${name} left`} title={`Move ${name} left`} disabled={!canMoveColumn(ids, visible, id, -1)} onClick={(e) => moveBy(id, -1, e.currentTarget)}>
                      ←
                    </button>
                    <button type="button" className="btn btn-ghost btn-icon btn-small" aria-label={`Move ${name} right`} title={`Move ${name} right`} disabled={!canMoveColumn(ids, visible, id, 1)} onClick={(e) => moveBy(id, 1, e.currentTarget)}>
                      →
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
