/**
 * Which columns a row renders: those that meet the grid's horizontal view, plus a column of
 * overscan on each side. A wide table (the events table is ~1,700 px in a ~1,250 px view) would
 * otherwise style, lay out and paint cells nobody can see on every scroll frame.
 *
 * Columns are given left to right as placed by the table (start and size in px). The window is a
 * range of indices into that list, so a cell keeps its aria-colindex whatever is rendered.
 */

export interface ColumnBox {
  start: number
  size: number
}

/** Indices of the first and last columns to render, inclusive (`to < from`: none). */
export interface ColumnWindow {
  from: number
  to: number
}

/** The horizontal view of the grid: how far it is scrolled, and how wide it is. */
export interface HorizontalView {
  left: number
  width: number
}

/** Columns rendered beyond each edge of the view, so a small scroll shows cells already there. */
export const COLUMN_OVERSCAN = 1

/**
 * The columns meeting `[left, left + width)`, widened by `overscan` on each side. A view not yet
 * measured (width 0 or unknown) gets every column: better a slower first frame than blank cells.
 */
export function columnWindow(cols: readonly ColumnBox[], view: HorizontalView, overscan = COLUMN_OVERSCAN): ColumnWindow {
  const n = cols.length
  if (!n) return { from: 0, to: -1 }
  if (!(view.width > 0) || !Number.isFinite(view.width)) return { from: 0, to: n - 1 }
  const right = view.left + view.width
  let from = 0
  while (from < n - 1 && cols[from].start + cols[from].size <= view.left) from++
  let to = n - 1
  while (to > from && cols[to].start >= right) to--
  return { from: Math.max(0, from - overscan), to: Math.min(n - 1, to + overscan) }
}

/** Whether two windows render the same columns. */
export function sameWindow(a: ColumnWindow, b: ColumnWindow): boolean {
  return a.from === b.from && a.to === b.to
}

/**
 * The scroll position that brings a column fully into view (its left edge when it is wider than
 * the view), or `left` unchanged when it is already in view.
 */
export function scrollLeftToShow(col: ColumnBox, view: HorizontalView): number {
  if (col.start < view.left) return col.start
  const end = col.start + col.size
  if (end > view.left + view.width) return Math.min(col.start, end - view.width)
  return view.left
}
