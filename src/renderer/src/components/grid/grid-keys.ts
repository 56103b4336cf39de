/**
 * What a key does to the grid's active cell (spreadsheet conventions): arrows move one cell,
 * Home/End go to the row's ends (with Ctrl/Cmd: the first/last row), PageUp/PageDown move a
 * screenful, Enter/F2 edit. Pure, so the conventions are checked without a browser.
 */
export interface GridCell {
  row: number
  /** Column index among the visible columns. */
  col: number
}

export type KeyAction = { kind: 'move'; to: GridCell } | { kind: 'edit'; cell: GridCell } | { kind: 'none' }

export interface GridExtent {
  rows: number
  cols: number
  /** Rows that fit in the viewport (PageUp/PageDown step). */
  page: number
}

export function keyAction(key: string, mod: boolean, active: GridCell | null, extent: GridExtent): KeyAction {
  if (extent.rows === 0 || extent.cols === 0) return { kind: 'none' }
  const cur = active ?? { row: 0, col: 0 }
  const to = (row: number, col: number): KeyAction => ({
    kind: 'move',
    to: { row: Math.max(0, Math.min(extent.rows - 1, row)), col: Math.max(0, Math.min(extent.cols - 1, col)) }
  })
  switch (key) {
    // With no active cell yet, the first arrow press lands on the first cell.
    case 'ArrowDown':
      return to(active ? cur.row + 1 : 0, cur.col)
    case 'ArrowUp':
      return to(cur.row - 1, cur.col)
    case 'ArrowRight':
      return to(cur.row, active ? cur.col + 1 : 0)
    case 'ArrowLeft':
      return to(cur.row, cur.col - 1)
    case 'Home':
      return mod ? to(0, cur.col) : to(cur.row, 0)
    case 'End':
      return mod ? to(extent.rows - 1, cur.col) : to(cur.row, extent.cols - 1)
    case 'PageDown':
      return to(cur.row + extent.page, cur.col)
    case 'PageUp':
      return to(cur.row - extent.page, cur.col)
    case 'Enter':
    case 'F2':
      return active ? { kind: 'edit', cell: cur } : to(0, 0)
    default:
      return { kind: 'none' }
  }
}

/**
 * Tab / Shift+Tab on the grid (not editing): the next / previous cell of the row. Past the row's
 * ends it returns null and the browser moves focus out of the grid as usual, so a keyboard user
 * is never trapped in a table of 100k rows (at most one Tab per column to leave it).
 */
export function tabInRow(cell: GridCell, dir: 1 | -1, cols: number): GridCell | null {
  const col = cell.col + dir
  return col >= 0 && col < cols ? { row: cell.row, col } : null
}

/**
 * A key that starts editing the active cell with what it types, as in a spreadsheet: one
 * printable character without Ctrl/Cmd/Alt (those are shortcuts). Space is left to the grid and
 * "/" to the app (it jumps to the search box from anywhere but a text field).
 */
export function typedToEdit(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; isComposing?: boolean }): string | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return null
  // key is the character for printable keys ("a", "Ä", "7") and a name for the others ("Tab").
  return [...e.key].length === 1 && e.key !== ' ' && e.key !== '/' ? e.key : null
}

/** Where Tab / Shift+Tab after an edit goes: the next / previous cell, wrapping to the next row. */
export function tabTarget(cell: GridCell, dir: 1 | -1, extent: Pick<GridExtent, 'rows' | 'cols'>): GridCell {
  let { row, col } = cell
  col += dir
  if (col >= extent.cols) [row, col] = [Math.min(extent.rows - 1, row + 1), 0]
  if (col < 0) [row, col] = [Math.max(0, row - 1), extent.cols - 1]
  return { row, col }
}
