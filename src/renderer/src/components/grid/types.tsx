/**
 * The data grid's column description, shared by the Events and Companies tables (and any other
 * screen that wants an editable, virtualised ARIA grid). TanStack Table keeps the column state
 * (order, visibility, sizes, sort); these specs say how a cell looks and how it is edited.
 */
import type { ComponentType, ReactNode } from 'react'

/** Where the active cell goes after an edit is committed. */
export type CommitMove = 'stay' | 'next' | 'prev' | 'down' | 'blur'

export interface EditorProps<V> {
  initial: V
  /**
   * The character typed on the cell that opened the editor (spreadsheet style): text editors
   * start from it instead of the value; pick-lists use it to find an option or filter.
   */
  typed?: string
  /** A new row's placeholder value (e.g. "New company"): selected, so that typing replaces it. */
  selectAll?: boolean
  /** Accessible name of the editor, e.g. the column's header. */
  label: string
  commit: (value: V, move: CommitMove) => void
  cancel: () => void
  /**
   * The editor hands the grid a way to read what is typed, so that a click outside commits it
   * even when focus is not in the editor (useEditorKeys does this for every editor).
   */
  provideRead?: (read: () => V) => void
}

export interface CellEdit<R> {
  value: (row: R) => unknown
  render: (props: EditorProps<unknown>) => ReactNode
  /** The editor needs more room than the cell (multi-line text, pick-lists): it overlays below. */
  popup?: boolean
}

export interface GridColumn<R> {
  id: string
  header: string
  size: number
  minSize?: number
  sortable?: boolean
  align?: 'end'
  /** Extra class of the column's cells (e.g. a monospace or emphasised column). */
  className?: string
  /**
   * Cell content. Runs for every visible row while scrolling: keep it to plain formatting (no
   * layout reads). `width` is the column's width in px, once it is not being resized.
   */
  render: (row: R, width?: number) => ReactNode
  /**
   * The cell that names its row (ARIA rowheader: announced as a screen reader moves along the
   * row). Always rendered, even when scrolled out of view sideways, so every row keeps its name.
   */
  rowHeader?: boolean
  /** Text for the tooltip of a truncated cell. */
  title?: (row: R) => string
  edit?: CellEdit<R>
}

/** Bind a typed editor to a column, checking that the value and the editor agree. */
export function editWith<R, V>(value: (row: R) => V, Editor: ComponentType<EditorProps<V>>, opts: { popup?: boolean } = {}): CellEdit<R> {
  return { value, render: (p) => <Editor {...(p as EditorProps<V>)} />, popup: opts.popup }
}

/** Structural equality for editor values (strings, string arrays, small objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
