/**
 * What can wait (the other screens' code) starts once the first screen shows its rows, or after
 * a fallback when no screen says so; never twice, never after it was cancelled.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'

afterEach(() => {
  vi.useRealTimers()
  vi.resetModules()
})

async function fresh() {
  vi.useFakeTimers()
  return import('./first-content')
}

describe('work that waits for the first content', () => {
  it('runs when the first screen shows its rows, not before, and once', async () => {
    const { afterFirstContent, markFirstContent } = await fresh()
    const task = vi.fn()
    afterFirstContent(task, 5000)
    vi.advanceTimersByTime(1000)
    expect(task).not.toHaveBeenCalled()
    markFirstContent()
    expect(task).toHaveBeenCalledTimes(1)
    markFirstContent()
    vi.advanceTimersByTime(10_000)
    expect(task).toHaveBeenCalledTimes(1)
  })

  it('runs after the fallback when no screen reports, and at once when asked after the rows are shown', async () => {
    const { afterFirstContent, markFirstContent } = await fresh()
    const late = vi.fn()
    afterFirstContent(late, 5000)
    vi.advanceTimersByTime(5000)
    expect(late).toHaveBeenCalledTimes(1)
    markFirstContent()
    const after = vi.fn()
    afterFirstContent(after, 5000)
    expect(after).toHaveBeenCalledTimes(1)
  })

  it('does not run once cancelled (the app unmounted)', async () => {
    const { afterFirstContent, markFirstContent } = await fresh()
    const task = vi.fn()
    afterFirstContent(task, 5000)()
    markFirstContent()
    vi.advanceTimersByTime(10_000)
    expect(task).not.toHaveBeenCalled()
  })
})
