/**
 * The analyst at work in the window: scrolling, typing, clicking. Work that can wait stays out of
 * their way: the page's own (whenQuiet) and the core's (reportActivity).
 */

/** What the analyst does that background work would make stutter. */
const BUSY_EVENTS = ['scroll', 'wheel', 'keydown', 'pointerdown', 'touchstart'] as const

/** Call `listener` on each of them in `target`, captured (a scroll inside any box counts); returns a stop function. */
function onBusy(target: EventTarget, listener: () => void): () => void {
  for (const type of BUSY_EVENTS) target.addEventListener(type, listener, { capture: true, passive: true })
  return () => {
    for (const type of BUSY_EVENTS) target.removeEventListener(type, listener, { capture: true })
  }
}

/**
 * Run `task` once `quietMs` have passed without the analyst scrolling, typing or clicking in
 * `target`; every such event starts the wait again. Returns a cancel function.
 *
 * Why: the other screens' code (the chart library: ~400 KB) is parsed on a background thread, and
 * on two cores that thread takes the time the browser needs to draw a scroll. Fetched as the
 * first rows appeared, it was parsed during the analyst's first flick through the table, whose
 * first frames then took 100-200 ms; waiting for a pause moves that work to when nobody is
 * watching the table move.
 */
export function whenQuiet(task: () => void, quietMs: number, target: EventTarget = window): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const restart = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      stop()
      task()
    }, quietMs)
  }
  const off = onBusy(target, restart)
  const stop = () => {
    clearTimeout(timer)
    off()
  }
  restart()
  return stop
}

/**
 * Tell the core, at most once every `everyMs`, that the analyst is at work, so its background
 * work (the search index, the daily backup) keeps waiting. The core hears of every request, but a
 * fling through rows the page already has, or whose pages it does not fetch until the fling ends
 * (range-requests.ts), sends none: to the core it looked like a pause, and it took a core of the
 * two the browser needed to draw the scroll. Returns a stop function.
 */
export function reportActivity(tell: () => void, everyMs: number, target: EventTarget = window): () => void {
  let last = -Infinity
  return onBusy(target, () => {
    const now = performance.now()
    if (now - last < everyMs) return
    last = now
    tell()
  })
}
