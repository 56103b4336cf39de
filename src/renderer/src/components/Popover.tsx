/**
 * A button that opens a small panel below it (filters, column menu), or above it and slid
 * sideways when that is where it can be seen whole (a filter by the grid's right edge, the
 * companies editor in the detail panel). Esc or a click outside closes it and focus returns to
 * the button.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useKeepInView } from './overlay/useKeepInView'
import { scrollSnapshot } from './overlay/place'

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
  // Where things behind the panel were scrolled when it opened (see scrollSnapshot).
  const restoreScroll = useRef<(() => void) | undefined>(undefined)
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
        onClick={() => {
          if (!open) restoreScroll.current = scrollSnapshot(root.current)
          setOpen((o) => !o)
        }}
      >
        {trigger ?? label}
      </button>
      {open && (
        <Panel
          id={panelId}
          className={`popover-panel popover-${align}`}
          label={label}
          before={restoreScroll.current}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation()
              close()
            }
          }}
        >
          {children(close)}
        </Panel>
      )}
    </div>
  )
}

interface PanelProps {
  id: string
  className: string
  label: string
  before?: () => void
  onKeyDown: (e: KeyboardEvent) => void
  children: ReactNode
}

function Panel({ id, className, label, before, onKeyDown, children }: PanelProps) {
  const ref = useRef<HTMLDivElement>(null)
  useKeepInView(ref, { cover: false, gap: 4, before })
  return (
    <div ref={ref} id={id} className={className} role="dialog" aria-label={label} onKeyDown={onKeyDown}>
      {children}
    </div>
  )
}
