/**
 * The hand-written cell readers must agree exactly with the slow, obvious ones: Number() for
 * prices and dates.ts for calendar days. A price that came out one ulp off would make a
 * re-import report "replaced" rows that never changed.
 */
import { describe, expect, it } from 'vitest'
import { dayFromParts, isoFromDay } from '../../../shared/dates'
import { IMPOSSIBLE_DATE, NOT_A_DATE, dayOf, parseDate, parseNumber } from './cells'

const num = (s: string, comma = false) => parseNumber(s, 0, s.length, comma)
const date = (s: string, f: Parameters<typeof parseDate>[3] = 'YYYY-MM-DD') => parseDate(s, 0, s.length, f)

describe('reading numbers', () => {
  it('gives exactly what Number() gives for prices of every length', () => {
    let seed = 12345
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647
    const wrong: string[] = []
    for (let i = 0; i < 50_000; i++) {
      const digits = 1 + Math.floor(rnd() * 18)
      const v = rnd() * 10 ** Math.floor(rnd() * 8)
      for (const text of [v.toFixed(Math.min(digits, 20)), String(v), v.toPrecision(digits)]) {
        if (!/e/.test(text) && !Object.is(num(text), Number(text))) wrong.push(text)
      }
    }
    expect(wrong).toEqual([])
    for (const text of ['511.0346374511719', '0.8299999833106995', '72396500.0', '9007199254740993', '0.000001', '1e5', '-1.5', '+2']) {
      expect(num(text)).toBe(Number(text))
    }
  })

  it('reads grouped thousands and decimal commas, and refuses what is not a number', () => {
    expect(num('1,234.5')).toBe(1234.5)
    expect(num('1.234,5', true)).toBe(1234.5)
    expect(num('93,25', true)).toBe(93.25)
    for (const text of ['', '-', '.', 'abc', '1,5', '12a', '1.2.3', 'Infinity', '0x10']) expect(num(text)).toBeNaN()
  })
})

describe('reading dates', () => {
  it('agrees with dates.ts on every day from 1900 to 2100', () => {
    const wrong: string[] = []
    for (let y = 1900; y <= 2100; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 31; d++) {
          const want = dayFromParts(y, m, d)
          if (dayOf(y, m, d) !== (Number.isNaN(want) ? IMPOSSIBLE_DATE : want)) wrong.push(`${y}-${m}-${d}`)
        }
      }
    }
    expect(wrong).toEqual([])
  })

  it('takes the calendar date as written from timestamps with an offset', () => {
    for (const text of ['2020-01-02', '2020-01-02 00:00:00+08:00', '2020-01-02 00:00:00-05:00', '2020-01-02T23:59:59Z', ' 2020-01-02 16:00 ']) {
      expect(isoFromDay(date(text))).toBe('2020-01-02')
    }
    expect(date('2020-01-02 garbage')).toBe(NOT_A_DATE)
  })

  it('reads every supported format, with one-digit day and month', () => {
    expect(isoFromDay(date('2/1/2020', 'DD/MM/YYYY'))).toBe('2020-01-02')
    expect(isoFromDay(date('1/2/2020', 'MM/DD/YYYY'))).toBe('2020-01-02')
    expect(isoFromDay(date('2020/01/02', 'YYYY/MM/DD'))).toBe('2020-01-02')
    expect(isoFromDay(date('02.01.2020', 'DD.MM.YYYY'))).toBe('2020-01-02')
    expect(isoFromDay(date('2020-1-2'))).toBe('2020-01-02')
  })

  it('tells impossible dates from text that is no date at all', () => {
    expect(date('2021-02-30')).toBe(IMPOSSIBLE_DATE)
    expect(date('2020-02-29')).not.toBe(IMPOSSIBLE_DATE)
    expect(date('1900-02-29')).toBe(IMPOSSIBLE_DATE)
    expect(date('31/04/2021', 'DD/MM/YYYY')).toBe(IMPOSSIBLE_DATE)
    expect(date('13/13/2021', 'MM/DD/YYYY')).toBe(IMPOSSIBLE_DATE)
    for (const text of ['', 'yesterday', '2021-02', '21-02-03', '2021/02/03']) expect(date(text)).toBe(NOT_A_DATE)
  })
})
