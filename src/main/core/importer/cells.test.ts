/**
 * The hand-written cell readers must agree exactly with the slow, obvious ones: Number() for
 * prices and dates.ts for calendar days. A price that came out one ulp off would make a
 * re-import report "replaced" rows that never changed.
 */
import { describe, expect, it } from 'vitest'
import { dayFromParts, isoFromDay, monthDayOf } from '../../../shared/dates'
import { IMPOSSIBLE_DATE, IMPOSSIBLE_TIME, NOT_A_DATE, TOO_EARLY, dayOf, parseDate, parseNumber } from './cells'

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

  it('refuses a clock no day has: hour past 23, minute past 59, an offset beyond ±14:00', () => {
    for (const text of ['2021-01-04T25:00:00', '2021-01-04 25:61:00', '2021-01-04 24:00', '2021-01-04 23:60', '2021-01-04T10:00:61', '2021-01-04T00:00:00+25:00', '2021-01-04T00:00:00-14:30', '2021-01-04 00:00:00+0860']) {
      expect(date(text), text).toBe(IMPOSSIBLE_TIME)
    }
    expect(date('04/01/2021 25:00', 'DD/MM/YYYY')).toBe(IMPOSSIBLE_TIME)
    // The day's own fault is named first.
    expect(date('2021-02-30T25:00:00')).toBe(IMPOSSIBLE_DATE)
  })

  it('keeps every real clock and offset, to the leap second and the farthest zones', () => {
    for (const text of ['2021-01-04T00:00', '2021-01-04T23:59:59', '2016-12-31 23:59:60', '2021-01-04 9:30', '2021-01-04T09:30:00.123456Z', '2021-01-04T00:00:00+14:00', '2021-01-04T00:00:00-12:00', '2021-01-04 00:00:00 +0545', '2021-01-04T16:00:00+08']) {
      expect(date(text), text).toBeGreaterThan(NOT_A_DATE)
    }
    for (const text of ['2021-01-04T', '2021-01-04 10:', '2021-01-04 10:0', '2021-01-04 100:00', '2021-01-04 10:00:00+8', '2021-01-04 10:00 PM', '2021-01-04 10:00:00.']) {
      expect(date(text), text).toBe(NOT_A_DATE)
    }
  })

  it('refuses years before 1900 as no price date, and keeps 1900 onwards', () => {
    for (const text of ['0000-01-01', '0201-03-04', '1899-12-31']) expect(date(text), text).toBe(TOO_EARLY)
    expect(date('01.01.0000', 'DD.MM.YYYY')).toBe(TOO_EARLY)
    expect(isoFromDay(date('1900-01-01'))).toBe('1900-01-01')
    // An impossible day is named as such whatever its year.
    expect(date('0000-02-30')).toBe(IMPOSSIBLE_DATE)
  })

  it('gives back month and day of any day number', () => {
    const wrong: number[] = []
    for (let day = dayOf(1900, 1, 1); day <= dayOf(2100, 12, 31); day++) {
      const iso = isoFromDay(day)
      if (monthDayOf(day) !== Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10))) wrong.push(day)
    }
    expect(wrong).toEqual([])
  })
})
