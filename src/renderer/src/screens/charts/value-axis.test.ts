import { describe, expect, it } from 'vitest'
import { toLines } from './chart-data'
import { axisFormatter, logTicks, niceTicks, readoutFormatter, valueAxis } from './value-axis'

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

  it('scales to the visible lines inside the range only', () => {
    const lines = [line('a', [10, 12, 8]), line('b', [100, 50])]
    expect(valueAxis(lines, new Set(['b']), 100, 101, 'absolute', false)!.domain).toEqual([9.5, 12.5])
    expect(valueAxis(lines, new Set(['a', 'b']), 0, 1e6, 'absolute', false)).toBeNull()
    const log = valueAxis(lines, new Set(), 0, 1e6, 'absolute', true, 400)!
    expect(log.domain[0]).toBeCloseTo(8 / 1.05)
    expect(log.ticks).toEqual([10, 20, 30, 50, 100])
  })

  it('spaces log ticks so their labels never run together: 1, 2, 5 x 10^k over a few decades, powers of ten over many', () => {
    const gapsPx = (ticks: number[], lo: number, hi: number, px: number) =>
      ticks.slice(1).map((t, i) => ((Math.log10(t) - Math.log10(ticks[i])) / (Math.log10(hi) - Math.log10(lo))) * px)
    // BABA, PDD, JD and BIDU in 2020-2022: $28B to $900B, 1.5 decades on 414 px.
    const ticks = logTicks(28e9, 900e9, 414)
    expect(ticks).toEqual([30e9, 50e9, 100e9, 200e9, 300e9, 500e9])
    expect(Math.min(...gapsPx(ticks, 28e9, 900e9, 414))).toBeGreaterThanOrEqual(18)
    // BIDU since 2005 with the others: $1.7B to $900B.
    expect(logTicks(1.7e9, 900e9, 414)).toEqual([2e9, 3e9, 5e9, 10e9, 20e9, 30e9, 50e9, 100e9, 200e9, 300e9, 500e9])
    // Indexed lines from 40 to 2,500,000: nearly five decades.
    expect(logTicks(40, 2.5e6, 414)).toEqual([100, 300, 1000, 3000, 10_000, 30_000, 100_000, 300_000, 1_000_000])
    for (const [lo, hi] of [[28e9, 900e9], [1.7e9, 900e9], [40, 2.5e6], [0.5, 2e9]]) expect(Math.min(...gapsPx(logTicks(lo, hi, 414), lo, hi, 414))).toBeGreaterThanOrEqual(18)
    // Zoomed in to a month where everything lies between 31 and 39: round linear steps.
    expect(logTicks(31, 39, 414)).toEqual([32, 34, 36, 38])
  })
})
