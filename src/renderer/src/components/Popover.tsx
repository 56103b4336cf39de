/**
 * A button that opens a small panel below it (filters, column menu). Esc or a click outside
 * closes it and focus returns to the button.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

interface Props {
  /** Accessible name of the trigger button. */
  label: string
  /** What the button shows (defaults to the label). */
  trigger?: ReactNode
  className?: string
  buttonClassName?: string
  align?: 'start' | 'end'
  children: (close: () => void) => ReactNode
}

export function Popover({ label, trigger, className, buttonClassName, align = 'start', children }: Props) {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const panelId = useId()
  useEffect(() => {
    if (!open) return
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onDown)
    return () => document.removeEventListener('pointerdown', onDown)
  }, [open])
  const close = () => {
    setOpen(false)
    button.current?.focus()
  }
  return (
    <div className={`popover ${className ?? ''}`} ref={root}>
      <button
        ref={button}
        type="button"
        className={buttonClassName ?? 'btn'}
        aria-label={trigger === undefined ? undefined : label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {trigger ?? label}
      </button>
      {open && (
        <div
          id={panelId}
          className={`popover-panel popover-${align}`}
          role="dialog"
          aria-label={label}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation()
              close()
            }
          }}
        >
          {children(close)}
        </div>
      )}
    </div>
  )
}
