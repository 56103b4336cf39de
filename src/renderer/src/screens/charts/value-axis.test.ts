import { describe, expect, it } from 'vitest'
import { toLines } from './chart-data'
import { axisFormatter, niceTicks, readoutFormatter, valueAxis } from './value-axis'

const line = (id: string, values: number[]) => toLines([{ companyId: id, ticker: id.toUpperCase(), name: id, days: values.map((_, i) => 100 + i), values, rawCount: values.length }])[0]
const usd = (v: number) => `$${v}`

describe('the value axis an analyst reads', () => {
  it('puts ticks on round steps: a basket up to $2.09T reads $0, $0.5T … $2.5T, not $650B steps', () => {
    expect(niceTicks(0, 2.09e12 * 1.02)).toEqual({ domain: [0, 2.5e12], ticks: [0, 0.5e12, 1e12, 1.5e12, 2e12, 2.5e12] })
    // Clean decimals: 0.6, not 0.6000000000000001.
    expect(niceTicks(0.1, 0.7).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8])
  })

  it('tops a drawdown from peak at exactly 0 % and never goes below -100 %', () => {
    const axis = valueAxis([line('a', [0, -0.2, -0.87])], new Set(), 0, 1e6, 'drawdown', false)!
    expect(axis.domain).toEqual([-1, 0])
    expect(axis.ticks).toEqual([-1, -0.8, -0.6, -0.4, -0.2, 0])
    expect(axis.ticks!.map(axisFormatter('drawdown', usd))).toEqual(['-100 %', '-80 %', '-60 %', '-40 %', '-20 %', '0 %'])
    // A zoom where a line is at its peak all along still has a readable axis ending at 0 %.
    expect(valueAxis([line('a', [0, 0])], new Set(), 0, 1e6, 'drawdown', false)!.domain[1]).toBe(0)
  })

  it('gives an indexed chart round ticks with 100 among them, read without decimals', () => {
    const axis = valueAxis([line('a', [40, 100, 238])], new Set(), 0, 1e6, 'indexed', false)!
    expect(axis.ticks).toEqual([0, 50, 100, 150, 200, 250])
    expect(axis.ticks!.map(axisFormatter('indexed', usd))).toEqual(['0', '50', '100', '150', '200', '250'])
    expect(readoutFormatter('indexed', usd)(97.46)).toBe('97.5')
    expect(readoutFormatter('drawdown', usd)(-0.1234)).toBe('-12.3 %')
  })

  it('scales to the visible lines inside the range only, and leaves log ticks to recharts', () => {
    const lines = [line('a', [10, 12, 8]), line('b', [100, 50])]
    expect(valueAxis(lines, new Set(['b']), 100, 101, 'absolute', false)!.domain).toEqual([9.5, 12.5])
    expect(valueAxis(lines, new Set(['a', 'b']), 0, 1e6, 'absolute', false)).toBeNull()
    const log = valueAxis(lines, new Set(), 0, 1e6, 'absolute', true)!
    expect(log.ticks).toBeUndefined()
    expect(log.domain[0]).toBeCloseTo(8 / 1.05)
  })
})
