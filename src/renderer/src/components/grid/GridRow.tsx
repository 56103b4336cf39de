/**
 * One virtualised row. Kept cheap because a fast scroll renders a screenful of new rows per frame:
 * - memoised, and rendered into a reused element (the grid keys rows by slot), so scrolling
 *   mostly rewrites text;
 * - cells are absolutely placed from per-column CSS variables (left, width) set on the grid, so a
 *   row needs no grid or flex layout, and resizing a column restyles rows without rendering them;
 * - text sits directly in the cell (no wrapper); a row still loading keeps the same cells, empty
 *   (its skeleton is drawn by CSS), so a page arriving fills cells in place instead of replacing
 *   one placeholder element with ten cells, and back again when the element is reused;
 * - clicks are handled once on the grid body (by data-index and data-col), not per cell.
 * - only the cells of columns in the horizontal view are rendered (the grid says which, see
 *   column-window.ts); each keeps its aria-colindex among all the grid's columns.
 * - the editor and error overlays (CellOverlay.tsx) exist only in the one cell that has them.
 */
import { memo, type CSSProperties, type ReactElement } from 'react'
import type { GridColumn, EditorProps } from './types'
import { CellError, InlineEditor, PopupEditor } from './CellOverlay'

export interface RowUi {
  activeCol: string | null
  editingCol: string | null
  /** The character that opened the editor (type-to-edit), handed to it. */
  typed?: string
  /** A new row's placeholder, opened to be typed over. */
  selectAll?: boolean
  error: { col: string; message: string } | null
}

interface Props<R> {
  gridId: string
  index: number
  /** aria-rowindex of the first data row (after the header row). */
  rowIndexBase: number
  top: number
  row: R | undefined
  columns: GridColumn<R>[]
  /** Each column's width (px) at rest, for renders that fit their content (chips). */
  widths: readonly number[]
  /** The columns in the horizontal view (indices into `columns`, inclusive); see column-window.ts. */
  colFrom: number
  colTo: number
  ui: RowUi | null
  selected: boolean
  editor: (Omit<EditorProps<unknown>, 'initial' | 'label' | 'typed' | 'selectAll'> & { keepScroll?: () => void }) | null
  onDismissError: () => void
}

const styles = new Map<string, CSSProperties>()
/** A column's placement, shared by all its cells (and its header). */
export function columnStyle(id: string): CSSProperties {
  let s = styles.get(id)
  if (!s) {
    s = { left: `var(--x-${id})`, width: `var(--w-${id})` }
    styles.set(id, s)
  }
  return s
}

/**
 * The cell of a row still loading, none of whose cells is active: the same element every time for
 * a column at a place. While the analyst flings through the table, pages are not fetched until it
 * rests (range-requests.ts), so every row of every frame is such a row; React skips an element it
 * rendered before, and a row reused for another index then only moves and renumbers, where before
 * each of its cells was compared and rewritten (the largest piece of script in the profile of a
 * fling's first, cold frames).
 */
const emptyCells = new WeakMap<object, Map<number, ReactElement>>()
function emptyCell<R>(c: GridColumn<R>, ci: number): ReactElement {
  let byPlace = emptyCells.get(c)
  if (!byPlace) emptyCells.set(c, (byPlace = new Map()))
  let cell = byPlace.get(ci)
  if (!cell) {
    cell = (
      <div
        key={c.id}
        role={c.rowHeader ? 'rowheader' : 'gridcell'}
        aria-colindex={ci + 1}
        aria-readonly={c.edit ? undefined : true}
        data-col={c.id}
        className={cellClass(c, false, false)}
        style={columnStyle(c.id)}
      />
    )
    byPlace.set(ci, cell)
  }
  return cell
}

function cellClass<R>(c: GridColumn<R>, active: boolean, open: boolean): string {
  return `grid-cell ${c.className ?? ''} ${c.align === 'end' ? 'is-end' : ''} ${active ? 'is-active' : ''} ${open ? 'is-open' : ''}`
}

function GridRowInner<R>({ gridId, index, rowIndexBase, top, row, columns, widths, colFrom, colTo, ui, selected, editor, onDismissError }: Props<R>) {
  const loading = row === undefined
  return (
    <div
      role="row"
      aria-rowindex={index + rowIndexBase}
      aria-busy={loading || undefined}
      aria-selected={loading ? undefined : selected}
      data-index={index}
      className={`grid-row ${loading ? 'is-placeholder' : selected ? 'is-selected' : ''} ${ui?.editingCol || ui?.error ? 'is-raised' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
    >
      {columns.map((c, ci) => {
        // Cells out of view are not rendered, except the row header (it names the row) and the
        // active, edited or failed cell of this row: aria-activedescendant, an editor's draft and
        // an error must outlive a scroll.
        const wanted = (ci >= colFrom && ci <= colTo) || c.rowHeader || (ui !== null && (ui.activeCol === c.id || ui.editingCol === c.id || ui.error?.col === c.id))
        if (!wanted) return null
        if (loading && ui === null) return emptyCell(c, ci)
        const active = ui?.activeCol === c.id
        const editing = !loading && ui?.editingCol === c.id && c.edit && editor
        const error = !loading && ui?.error?.col === c.id ? ui.error.message : null
        const open = editing || error
        return (
          <div
            key={c.id}
            // Only the active cell needs an id (aria-activedescendant); fewer attributes to
            // rewrite when a row element is reused for another row.
            id={active ? `${gridId}-r${index}-${c.id}` : undefined}
            role={c.rowHeader ? 'rowheader' : 'gridcell'}
            aria-colindex={ci + 1}
            aria-readonly={c.edit ? undefined : true}
            aria-invalid={error ? true : undefined}
            data-col={c.id}
            className={cellClass(c, active, !!open)}
            style={columnStyle(c.id)}
            // The hovered cell gets its tooltip from the grid (useHoverTitle); the active one here.
            title={active && !loading && !open && c.title ? c.title(row) : undefined}
          >
            {loading ? null : editing ? (
              c.edit!.popup ? (
                <PopupEditor error={error} before={editor.keepScroll}>{c.edit!.render({ ...editor, initial: c.edit!.value(row), typed: ui!.typed, selectAll: ui!.selectAll, label: c.header })}</PopupEditor>
              ) : (
                <InlineEditor error={error}>{c.edit!.render({ ...editor, initial: c.edit!.value(row), typed: ui!.typed, selectAll: ui!.selectAll, label: c.header })}</InlineEditor>
              )
            ) : error ? (
              <>
                <span className="cell-text">{c.render(row, widths[ci])}</span>
                <CellError message={error} onDismiss={onDismissError} />
              </>
            ) : (
              c.render(row, widths[ci])
            )}
          </div>
        )
      })}
    </div>
  )
}

export const GridRow = memo(GridRowInner) as typeof GridRowInner
