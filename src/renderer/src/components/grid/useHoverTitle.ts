/**
 * Tooltips of truncated cells, kept on the cell under the pointer only (and, through GridRow, on
 * the active cell, where a screen reader reads it). A title on every visible cell cost an
 * attribute write and a style recalculation per cell for each row drawn while scrolling, for
 * tooltips that only the hovered cell can show.
 */
import { useCallback, useLayoutEffect, useRef, type MouseEvent } from 'react'
import type { GridColumn } from './types'

export function useHoverTitle<R>(specs: ReadonlyMap<string, GridColumn<R>>, getRow: (index: number) => R | undefined): (e: MouseEvent) => void {
  const hovered = useRef<HTMLElement | null>(null)
  const latest = useRef({ specs, getRow })
  latest.current = { specs, getRow }

  const update = useCallback((cell: HTMLElement) => {
    const rowEl = cell.closest<HTMLElement>('[data-index]')
    const spec = latest.current.specs.get(cell.dataset.col ?? '')
    const row = rowEl ? latest.current.getRow(Number(rowEl.dataset.index)) : undefined
    const text = row !== undefined && spec?.title && !cell.classList.contains('is-open') ? spec.title(row) : ''
    if (text) {
      if (cell.title !== text) cell.title = text
    } else if (cell.hasAttribute('title')) cell.removeAttribute('title')
  }, [])

  // Rows are reused while the pointer rests on one: after each render, its cell may show another row.
  useLayoutEffect(() => {
    if (hovered.current?.isConnected) update(hovered.current)
  })

  return useCallback(
    (e: MouseEvent) => {
      const cell = (e.target as HTMLElement).closest?.<HTMLElement>('[data-col]')
      if (!cell || cell.closest('.cell-editor, .cell-error')) return
      hovered.current = cell
      update(cell)
    },
    [update]
  )
}
