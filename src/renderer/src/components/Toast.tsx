/**
 * Short confirmations ("Deleted “…” — Undo"). One provider for the app; screens call useToast().
 * They are shown in the status bar under the screen (ToastBar), never over it: an Undo offer stays
 * ten seconds, and floating over the table it hid the rows at its bottom for that long. Announced
 * politely to screen readers. A message does not leave while the pointer or focus is on the bar:
 * the analyst reaching for Undo, or still reading, gets the time they need (WCAG 2.2.1).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'

export interface ToastInput {
  message: string
  tone?: 'info' | 'error'
  action?: { label: string; run: () => void | Promise<void> }
  /** How long it stays, in ms (an Undo offer stays longer). */
  duration?: number
}
interface ToastItem extends ToastInput {
  id: number
}

interface Toasts {
  items: readonly ToastItem[]
  dismiss: (id: number) => void
  /** Stop (true) or restart (false) the clocks of the messages shown. */
  hold: (held: boolean) => void
}

/** A message's clock: the time it has left, counted from `since` while it runs. */
interface Clock {
  left: number
  since: number
  timer?: ReturnType<typeof setTimeout>
}

const ToastContext = createContext<(t: ToastInput) => void>(() => {})
const ToastsShown = createContext<Toasts>({ items: [], dismiss: () => {}, hold: () => {} })

export function useToast(): (t: ToastInput) => void {
  return useContext(ToastContext)
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([])
  const next = useRef(1)
  const clocks = useRef(new Map<number, Clock>())
  const held = useRef(false)
  const dismiss = useCallback((id: number) => {
    clearTimeout(clocks.current.get(id)?.timer)
    clocks.current.delete(id)
    setItems((xs) => xs.filter((x) => x.id !== id))
  }, [])
  const run = useCallback(
    (id: number, clock: Clock) => {
      clock.since = performance.now()
      clock.timer = setTimeout(() => dismiss(id), clock.left)
    },
    [dismiss]
  )
  const show = useCallback(
    (t: ToastInput) => {
      const id = next.current++
      // Keep the last three: older ones have been read or are no longer relevant.
      for (const old of [...clocks.current.keys()].slice(0, -2)) dismiss(old)
      setItems((xs) => [...xs.slice(-2), { ...t, id }])
      const clock: Clock = { left: t.duration ?? (t.action ? 10_000 : 5_000), since: performance.now() }
      clocks.current.set(id, clock)
      if (!held.current) run(id, clock)
    },
    [dismiss, run]
  )
  const hold = useCallback(
    (on: boolean) => {
      if (held.current === on) return
      held.current = on
      for (const [id, clock] of clocks.current) {
        if (on) {
          clearTimeout(clock.timer)
          clock.left = Math.max(0, clock.left - (performance.now() - clock.since))
        } else run(id, clock)
      }
    },
    [run]
  )
  const shown = useMemo(() => ({ items, dismiss, hold }), [items, dismiss, hold])
  return (
    <ToastContext.Provider value={show}>
      <ToastsShown.Provider value={shown}>{children}</ToastsShown.Provider>
    </ToastContext.Provider>
  )
}

/** The status bar at the foot of the screen: the toasts, newest first. */
export function ToastBar() {
  const { items, dismiss, hold } = useContext(ToastsShown)
  const bar = useRef<HTMLElement>(null)
  // Held while the pointer is over the bar or focus is in it; asked again whenever the messages
  // change, since a button that had focus (Undo, ×) leaves with its message and no blur is sent.
  const sync = useCallback(
    ({ hover, focus }: { hover?: boolean; focus?: Element | null } = {}) => {
      const el = bar.current
      if (el) hold((hover ?? el.matches(':hover')) || el.contains(focus === undefined ? document.activeElement : focus))
    },
    [hold]
  )
  useEffect(() => sync(), [items, sync])
  return (
    <footer
      ref={bar}
      className="statusbar"
      role="status"
      aria-live="polite"
      aria-label="Messages"
      onPointerEnter={() => hold(true)}
      onPointerLeave={() => sync({ hover: false })}
      onFocus={() => hold(true)}
      onBlur={(e) => sync({ focus: e.relatedTarget as Element | null })}
    >
      {items.toReversed().map((t) => (
        <div key={t.id} className={`toast ${t.tone === 'error' ? 'toast-error' : ''}`}>
          <span className="toast-message" title={t.message}>
            {t.message}
          </span>
          {t.action && (
            <button
              type="button"
              className="btn btn-small toast-action"
              onClick={() => {
                dismiss(t.id)
                void t.action!.run()
              }}
            >
              {t.action.label}
            </button>
          )}
          <button type="button" className="btn btn-ghost btn-icon btn-small" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </footer>
  )
}
