/**
 * The pager hears of the rows in view: at once after a small move, only once the view rests after
 * a jump (a fling), and always of where the view ended up.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { rangeRequests } from './range-requests'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('which rows the pager is asked for', () => {
  it('asks for the rows after a small move straight after the frame', () => {
    const request = vi.fn()
    const report = rangeRequests(request, 80)
    report(0, 27)
    vi.advanceTimersByTime(0)
    report(3, 30)
    vi.advanceTimersByTime(0)
    expect(request.mock.calls).toEqual([
      [0, 27],
      [3, 30]
    ])
  })

  it('asks nothing while the view flings past screenfuls, then for where it came to rest', () => {
    const request = vi.fn()
    const report = rangeRequests(request, 80)
    report(0, 27)
    vi.advanceTimersByTime(0)
    request.mockClear()
    // Four screens a frame, for a second.
    for (let i = 1; i <= 60; i++) {
      report(i * 112, i * 112 + 27)
      vi.advanceTimersByTime(16)
    }
    expect(request).not.toHaveBeenCalled()
    vi.advanceTimersByTime(80)
    expect(request.mock.calls).toEqual([[60 * 112, 60 * 112 + 27]])
  })

  it('asks at once when a fling ends in a small move', () => {
    const request = vi.fn()
    const report = rangeRequests(request, 80)
    report(0, 27)
    report(5000, 5027)
    vi.advanceTimersByTime(16)
    report(5004, 5031)
    vi.advanceTimersByTime(0)
    expect(request.mock.calls).toEqual([[5004, 5031]])
  })
})
