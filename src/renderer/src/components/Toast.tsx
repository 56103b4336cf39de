/**
 * Short confirmations ("Deleted “…” — Undo"). One provider for the app; screens call useToast().
 * They are shown in the status bar under the screen (ToastBar), never over it: an Undo offer stays
 * ten seconds, and floating over the table it hid the rows at its bottom for that long. Announced
 * politely to screen readers.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'

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
}

const ToastContext = createContext<(t: ToastInput) => void>(() => {})
const ToastsShown = createContext<Toasts>({ items: [], dismiss: () => {} })

export function useToast(): (t: ToastInput) => void {
  return useContext(ToastContext)
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([])
  const next = useRef(1)
  const dismiss = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.id !== id)), [])
  const show = useCallback(
    (t: ToastInput) => {
      const id = next.current++
      // Keep the last three: older ones have been read or are no longer relevant.
      setItems((xs) => [...xs.slice(-2), { ...t, id }])
      setTimeout(() => dismiss(id), t.duration ?? (t.action ? 10_000 : 5_000))
    },
    [dismiss]
  )
  const shown = useMemo(() => ({ items, dismiss }), [items, dismiss])
  return (
    <ToastContext.Provider value={show}>
      <ToastsShown.Provider value={shown}>{children}</ToastsShown.Provider>
    </ToastContext.Provider>
  )
}

/** The status bar at the foot of the screen: the toasts, newest first. */
export function ToastBar() {
  const { items, dismiss } = useContext(ToastsShown)
  return (
    <footer className="statusbar" role="status" aria-live="polite" aria-label="Messages">
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
