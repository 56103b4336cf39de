/**
 * When the analyst last asked the core for something. Background work (the search index and sort
 * orders, the daily backup) waits for a lull, so it never takes the CPU a scroll or the first
 * screen needs. Every API call is reported (handlers.ts); the query engine reports its queries.
 */
export class Activity {
  private last = performance.now()
  private asked = false
  private stopped = false
  private readonly stopListeners = new Set<() => void>()

  /** The analyst asked for something just now. */
  touch(): void {
    this.asked = true
    this.last = performance.now()
  }

  /** Whether anything has been asked yet: until then no window has started its first screen. */
  get anyRequest(): boolean {
    return this.asked
  }

  /** How long since the last request (ms). */
  idleMs(): number {
    return performance.now() - this.last
  }

  /**
   * Resolves true once nothing has been asked for `ms` (at once for `ms` <= 0), or false as soon
   * as the core stops, so closing never waits for a lull that will not come. Timers are unref'd.
   */
  quietSpell(ms: number): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(true)
    if (this.stopped) return Promise.resolve(false)
    return new Promise<boolean>((resolve) => {
      let timer: NodeJS.Timeout | undefined
      const finish = (quiet: boolean) => {
        clearTimeout(timer)
        this.stopListeners.delete(onStop)
        resolve(quiet)
      }
      const onStop = () => finish(false)
      const check = () => {
        const idle = this.idleMs()
        if (idle >= ms) return finish(true)
        timer = setTimeout(check, ms - idle)
        timer.unref()
      }
      this.stopListeners.add(onStop)
      check()
    })
  }

  /** The core is closing: every wait for a lull ends now, with false. */
  stop(): void {
    this.stopped = true
    for (const listener of [...this.stopListeners]) listener()
  }
}
