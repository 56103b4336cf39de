/**
 * A scroll position kept while the analyst visits another screen (app/remembered.ts), so coming
 * back to the Impact screen shows what was on screen. Saved when a scroll ends (`scrollend`), not
 * at every frame of it: each save re-renders the element's owner.
 */
import { useCallback, useRef, type UIEvent } from 'react'
import { useRemembered } from '../../app/remembered'

/**
 * How long (ms) a restore waits for content that arrives late (the event panel's chart and rows)
 * to make room. Generous: on a busy machine they have arrived after more than 3 s, and the wait
 * costs only a scrollTop write per frame, ended at once by any scroll of the analyst's own.
 */
const RESTORE_MS = 15_000
/** The analyst taking over the scroll: a restore still waiting gives up. */
const TAKEOVER = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const

export interface RememberedScroll {
  /** Where the list was when the screen was left (px from the top). */
  top: number
  onScrollEnd: (e: UIEvent<HTMLElement>) => void
  /**
   * Ref callback for an element that is not virtualised: puts it back at `top` once, when it
   * appears, waiting (a few seconds at most) until its content is tall enough to get there.
   */
  restore: (el: HTMLElement | null) => void
}

export function useRememberedScroll(key: string): RememberedScroll {
  const [top, setTop] = useRemembered(key, 0)
  const onScrollEnd = useCallback((e: UIEvent<HTMLElement>) => setTop(e.currentTarget.scrollTop), [setTop])
  // The position at mount, applied once: an element shown again later starts at its top.
  const initial = useRef<number | null>(top)
  const restore = useCallback((el: HTMLElement | null) => {
    const target = initial.current
    if (!el || target === null) return
    initial.current = null
    if (target <= 0) return
    const until = performance.now() + RESTORE_MS
    let frame = 0
    const stop = () => {
      cancelAnimationFrame(frame)
      for (const t of TAKEOVER) el.removeEventListener(t, stop)
    }
    // Ends on its own (there, out of time, taken over, or the screen left): no unmount cleanup,
    // which StrictMode's rehearsal of an unmount would run at once.
    const step = () => {
      if (!el.isConnected) return stop()
      el.scrollTop = target
      if (Math.abs(el.scrollTop - target) <= 1 || performance.now() > until) return stop()
      frame = requestAnimationFrame(step)
    }
    for (const t of TAKEOVER) el.addEventListener(t, stop, { passive: true })
    step()
  }, [])
  return { top, onScrollEnd, restore }
}
