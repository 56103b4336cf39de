/**
 * What opens over a cell: its editor (in the cell, or a pop-up over it for long text and lists)
 * and the message of a refused edit. Rendered only for the one cell being edited or in error, so
 * they may measure themselves: each is kept inside the grid's visible area (clear of the sticky
 * header, the window's bottom and the detail panel beside the grid; see overlay/place.ts).
 */
import { useRef, type ReactNode } from 'react'
import { useKeepInView } from '../overlay/useKeepInView'
import type { View } from '../overlay/place'
import './cell-overlays.css'

/** The grid's sticky header covers the top of its scroll area: a pop-up must clear it. */
function belowHeader(view: View, el: HTMLElement): View {
  const head = el.closest('.grid')?.querySelector('.grid-head')
  return head ? { ...view, top: Math.max(view.top, head.getBoundingClientRect().bottom) } : view
}

const cellOf = (el: HTMLElement) => el.closest('[data-col]')

/** A pop-up editor: opens over its cell, upward near the bottom, leftward near the right edge. */
export function PopupEditor({ error, before, children }: { error: string | null; before?: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  useKeepInView(ref, { anchor: cellOf, cover: true, adjust: belowHeader, before })
  return (
    <div ref={ref} className="cell-editor cell-editor-popup">
      {children}
      {error && (
        <p className="field-error editor-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

/** An editor in the cell itself; a refused value's message shows under (or above) it. */
export function InlineEditor({ error, children }: { error: string | null; children: ReactNode }) {
  return (
    <div className="cell-editor">
      {children}
      {error && <CellError message={error} />}
    </div>
  )
}

/** The message of a refused edit, beside its cell. */
export function CellError({ message, onDismiss }: { message: string; onDismiss?: () => void }) {
  const ref = useRef<HTMLDivElement>(null)
  useKeepInView(ref, { anchor: cellOf, cover: false, gap: 2, adjust: belowHeader })
  return (
    <div ref={ref} className="cell-error" role="alert">
      <span>{message}</span>
      {onDismiss && (
        <button type="button" className="btn btn-ghost btn-icon btn-small" aria-label="Dismiss error" onMouseDown={(e) => e.stopPropagation()} onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  )
}
