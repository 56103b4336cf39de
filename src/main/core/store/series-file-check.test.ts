/**
 * The quick series-file check must never accept what the schema refuses: the store trusts it to
 * skip zod when a chart first reads a series. Break valid files in every field and hold the two
 * to that; a valid file passes the quick way.
 */
import { describe, expect, it } from 'vitest'
import { seriesFileSchema, type SeriesFile } from './schema'
import { quickSeriesFileCheck } from './series-file-check'

function validFile(): SeriesFile {
  return {
    ticker: 'BABA',
    close: { days: [18_600, 18_601, 18_604], values: [310.5, 298.1, 287.02] },
    marketCap: { days: [18_600], values: [8.4e11] }
  }
}

const BAD: unknown[] = [undefined, null, '', 'x', 1.5, -0.5, NaN, Infinity, true, [], {}, [1, 'a'], [null], [1.5], { days: [], values: [] }, 2 ** 60]

describe('the quick check of a series file', () => {
  it('passes a valid file, with or without each part', () => {
    expect(quickSeriesFileCheck(validFile())).toBe(true)
    expect(quickSeriesFileCheck({ ticker: 'SPY', adjClose: { days: [], values: [] } })).toBe(true)
    expect(quickSeriesFileCheck({ ticker: 'SPY' })).toBe(true)
  })

  it('never passes a file the schema refuses or would change', () => {
    const cases: unknown[] = [null, [], 'x', {}, { ticker: 1 }, { ...validFile(), extra: 1 }, { ...validFile(), close: { ...validFile().close, extra: [] } }]
    for (const bad of BAD) {
      cases.push({ ...validFile(), ticker: bad })
      for (const part of ['close', 'adjClose', 'marketCap'] as const) {
        cases.push({ ...validFile(), [part]: bad })
        cases.push({ ...validFile(), [part]: { days: bad, values: [1] } })
        cases.push({ ...validFile(), [part]: { days: [1], values: bad } })
        cases.push({ ...validFile(), [part]: { days: [1, bad], values: [1, 2] } })
        cases.push({ ...validFile(), [part]: { days: [1, 2], values: [1, bad] } })
      }
    }
    let refused = 0
    for (const c of cases) {
      const parsed = seriesFileSchema.safeParse(c)
      if (quickSeriesFileCheck(c)) {
        expect(parsed.success, JSON.stringify(c)).toBe(true)
        // What the store keeps is what zod would have returned.
        expect(parsed.data).toEqual(c)
      } else refused++
    }
    expect(refused).toBeGreaterThan(cases.length / 2)
  })
})
