import { describe, expect, it } from 'vitest'
import { nearestIndex, readoutAt, type ReadoutLine } from './readout'

const pts = (...days: number[]) => days.map((day) => ({ day, v: day * 10 }))

describe('the hover read-out', () => {
  it('finds the nearest kept point by binary search, the earlier one on a tie', () => {
    const p = pts(10, 20, 30)
    expect([nearestIndex(p, 0), nearestIndex(p, 14), nearestIndex(p, 15), nearestIndex(p, 16), nearestIndex(p, 99)]).toEqual([0, 0, 0, 1, 2])
    expect(nearestIndex([], 5)).toBe(-1)
  })

  it('snaps to a real trading day and gives each line its value there, or says it has not started', () => {
    const lines: ReadoutLine[] = [
      { id: 'baba', ticker: 'BABA', color: '#1', points: pts(10, 11, 12, 15) },
      // A later listing, and a market closed on day 12.
      { id: 'pdd', ticker: 'PDD', color: '#2', points: pts(12, 13, 15) },
      { id: 'hk', ticker: '0700.HK', color: '#3', points: pts(10, 11, 13) }
    ]
    const r = readoutAt(lines, 11.2)!
    expect(r.day).toBe(11)
    expect(r.rows.map((x) => [x.ticker, x.point?.v ?? null, x.outside])).toEqual([
      ['BABA', 110, null],
      ['PDD', null, { side: 'before', day: 12 }],
      ['0700.HK', 110, null]
    ])
    const later = readoutAt(lines, 12)!
    expect(later.rows.map((x) => x.point?.day)).toEqual([12, 12, 11])
    expect(readoutAt(lines, 40)!.rows[2].outside).toEqual({ side: 'after', day: 13 })
    expect(readoutAt([], 3)).toBeNull()
  })
})
