/**
 * Work that can wait stays out of the analyst's way: the page's own starts after a pause, and the
 * core is told, now and then, while the analyst scrolls or types.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { reportActivity, whenQuiet } from './analyst-activity'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
})
afterEach(() => {
  vi.useRealTimers()
})

/** A flick through the table: a scroll event every frame for `ms`. */
function flick(page: EventTarget, ms: number): void {
  for (let t = 0; t < ms; t += 16) {
    page.dispatchEvent(new Event('scroll'))
    vi.advanceTimersByTime(16)
  }
}

describe('work that waits for the analyst to pause', () => {
  it('runs after a quiet spell, and each scroll, key or click starts the wait again', () => {
    const page = new EventTarget()
    const task = vi.fn()
    whenQuiet(task, 400, page)
    flick(page, 1000)
    expect(task).not.toHaveBeenCalled()
    page.dispatchEvent(new Event('keydown'))
    vi.advanceTimersByTime(399)
    expect(task).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(task).toHaveBeenCalledTimes(1)
    // Done: later scrolling neither runs it again nor is listened to.
    flick(page, 200)
    vi.advanceTimersByTime(10_000)
    expect(task).toHaveBeenCalledTimes(1)
  })

  it('does not run once cancelled', () => {
    const task = vi.fn()
    whenQuiet(task, 400, new EventTarget())()
    vi.advanceTimersByTime(10_000)
    expect(task).not.toHaveBeenCalled()
  })
})

describe('telling the core the analyst is at work', () => {
  it('tells it at once, then at most once per interval while the scrolling goes on, and not when idle', () => {
    const page = new EventTarget()
    const tell = vi.fn()
    reportActivity(tell, 100, page)
    vi.advanceTimersByTime(5000)
    expect(tell).not.toHaveBeenCalled()
    flick(page, 1000)
    // 1 s of frames: told every ~100 ms (the core's background work waits for 200 ms of quiet).
    expect(tell.mock.calls.length).toBeGreaterThanOrEqual(9)
    expect(tell.mock.calls.length).toBeLessThanOrEqual(11)
    vi.advanceTimersByTime(5000)
    const told = tell.mock.calls.length
    page.dispatchEvent(new Event('pointerdown'))
    expect(tell).toHaveBeenCalledTimes(told + 1)
  })

  it('stops telling once stopped', () => {
    const page = new EventTarget()
    const tell = vi.fn()
    reportActivity(tell, 100, page)()
    flick(page, 500)
    expect(tell).not.toHaveBeenCalled()
  })
})
