import { describe, expect, it } from 'vitest'
import { parseShares, validateRows, type DraftShareRow } from './share-rows'

const row = (date: string, shares: string, source = ''): DraftShareRow => ({ key: `${date}|${shares}`, date, shares, source })

describe('share schedule rows as the analyst types them', () => {
  it('reads group separators and exponents as the same share count', () => {
    expect(parseShares('2,710,000,000')).toBe(2_710_000_000)
    expect(parseShares('2 710 000 000')).toBe(2_710_000_000)
    expect(parseShares('2.71e9')).toBe(2_710_000_000)
    expect(parseShares('lots')).toBeNaN()
    expect(parseShares('-5')).toBeNaN()
  })

  it('saves valid rows sorted by effective date', () => {
    const v = validateRows([row('2021-06-30', '2,700,000,000', '20-F'), row('2020-06-30', '2690000000')])
    expect(v.problems.size).toBe(0)
    expect(v.rows.map((r) => r.date)).toEqual(['2020-06-30', '2021-06-30'])
    expect(v.rows[1]).toEqual({ date: '2021-06-30', shares: 2_700_000_000, source: '20-F' })
  })

  it('names each wrong row and field: impossible date, duplicate date, zero and missing shares', () => {
    const bad = [row('2021-02-30', '100'), row('2021-03-01', '0'), row('2021-03-01', '5'), row('', '')]
    const v = validateRows(bad)
    expect(v.problems.get(bad[0].key)).toEqual(['Effective date "2021-02-30" is not a real date (YYYY-MM-DD)'])
    expect(v.problems.get(bad[1].key)).toEqual(['Shares outstanding must be more than zero'])
    expect(v.problems.get(bad[2].key)).toEqual(['Effective date 2021-03-01 appears twice: keep one row per date'])
    expect(v.problems.get(bad[3].key)).toEqual(['Effective date is missing', 'Shares outstanding is missing'])
  })

  it('tells a negative count from text that is no number', () => {
    const bad = [row('2021-03-01', '-5'), row('2021-03-02', '-2,700,000,000'), row('2021-03-03', 'lots')]
    const v = validateRows(bad)
    expect(v.problems.get(bad[0].key)).toEqual(['Shares outstanding must be more than zero'])
    expect(v.problems.get(bad[1].key)).toEqual(['Shares outstanding must be more than zero'])
    expect(v.problems.get(bad[2].key)).toEqual(['Shares outstanding "lots" is not a number'])
  })
})
