/**
 * The moment the app first shows what the analyst opened it for: the first screen's rows. Work
 * that can wait, such as fetching the other screens' code, starts after it. Started on the first
 * idle moment instead, it ran while the first rows were still being fetched (the page is idle
 * then) and compiled the chart library just as they arrived, delaying them.
 */
let shown = false
const waiting = new Set<() => void>()

/** Called by a screen once its first content is on screen (or has failed to load). */
export function markFirstContent(): void {
  if (shown) return
  shown = true
  for (const run of waiting) run()
  waiting.clear()
}

/**
 * Run `task` once the first content is shown, or after `fallbackMs` if no screen says so (a
 * screen that does not report it). Returns a cancel function.
 */
export function afterFirstContent(task: () => void, fallbackMs: number): () => void {
  let done = false
  const run = () => {
    if (done) return
    done = true
    clearTimeout(timer)
    waiting.delete(run)
    task()
  }
  const timer = setTimeout(run, fallbackMs)
  if (shown) run()
  else waiting.add(run)
  return () => {
    done = true
    clearTimeout(timer)
    waiting.delete(run)
  }
}
