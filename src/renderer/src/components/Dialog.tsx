/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Esc closes it, and it
 * is announced as a dialog named by its title. Render it only while open.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react'

interface Props {
  title: string
  onClose: () => void
  children: ReactNode
  /** Buttons row; the first focusable element inside the dialog gets focus. */
  footer?: ReactNode
  className?: string
  /** Submit handler: Enter in a field submits, as in any form. */
  onSubmit?: () => void
}

export function Dialog({ title, onClose, children, footer, className, onSubmit }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const closeRef = useRef(onClose)
  closeRef.current = onClose
  useEffect(() => {
    const d = ref.current!
    // The dialog is unmounted, not closed, so the browser's own return of focus never happens:
    // give it back to what opened the dialog, unless the owner has moved it on purpose.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!d.open) d.showModal()
    // Esc fires "cancel": let the owner decide (it unmounts the dialog).
    const cancel = (e: Event) => {
      e.preventDefault()
      closeRef.current()
    }
    d.addEventListener('cancel', cancel)
    return () => {
      d.removeEventListener('cancel', cancel)
      if (d.open) d.close()
      queueMicrotask(() => {
        const lost = !document.activeElement || document.activeElement === document.body
        if (lost && opener?.isConnected) opener.focus()
      })
    }
  }, [])
  return (
    <dialog ref={ref} className={`dialog ${className ?? ''}`} aria-labelledby={titleId}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          onSubmit?.()
        }}
      >
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="btn btn-ghost btn-icon" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer && <footer className="dialog-footer">{footer}</footer>}
      </form>
    </dialog>
  )
}
