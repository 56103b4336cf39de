import { describe, expect, it } from 'vitest'
import { periodLabel } from './period-label'

describe('start → end of an impact window', () => {
  it('is month-day only when both dates are in the year of the event', () => {
    expect(periodLabel('2020-11-02', '2020-10-29', '2020-11-03')).toBe('10-29 → 11-03')
  })

  it('writes the end with its year when the window crosses a new year', () => {
    expect(periodLabel('2020-12-24', '2020-12-16', '2021-01-25')).toBe('12-16 → 2021-01-25')
    // An early-January event whose window starts in December.
    expect(periodLabel('2021-01-04', '2020-12-28', '2021-02-01')).toBe('12-28 → 2021-02-01')
  })

  it('writes the year when the whole window lies in the year after the event', () => {
    expect(periodLabel('2020-12-31', '2021-01-08', '2021-01-29')).toBe('01-08 → 2021-01-29')
  })
})
