/** A date field takes what the analyst types only when it is a real date, and says what is wrong otherwise. */
import { describe, expect, it } from 'vitest'
import { readDateText } from './iso-date'

describe('reading a typed date', () => {
  it('takes a real ISO date, and an empty text as "no date"', () => {
    expect(readDateText('2021-07-02')).toEqual({ ok: true, value: '2021-07-02' })
    expect(readDateText(' 2020-02-29 ')).toEqual({ ok: true, value: '2020-02-29' })
    expect(readDateText('')).toEqual({ ok: true, value: '' })
    expect(readDateText('   ')).toEqual({ ok: true, value: '' })
  })

  it('takes the compact form typed on a digits-only keyboard, written back as YYYY-MM-DD', () => {
    expect(readDateText('20210702')).toEqual({ ok: true, value: '2021-07-02' })
    expect(readDateText('20210230')).toEqual({ ok: false, problem: '2021-02-30 is not a date: February 2021 has 28 days' })
  })

  it('refuses a day the month does not have, naming the month and its length', () => {
    expect(readDateText('2021-02-30')).toEqual({ ok: false, problem: '2021-02-30 is not a date: February 2021 has 28 days' })
    expect(readDateText('2021-02-29')).toEqual({ ok: false, problem: '2021-02-29 is not a date: February 2021 has 28 days' })
    expect(readDateText('2024-02-30')).toEqual({ ok: false, problem: '2024-02-30 is not a date: February 2024 has 29 days' })
    expect(readDateText('2021-04-31')).toEqual({ ok: false, problem: '2021-04-31 is not a date: April 2021 has 30 days' })
    expect(readDateText('2021-06-00')).toEqual({ ok: false, problem: '2021-06-00 is not a date: June 2021 has 30 days' })
    expect(readDateText('2021-13-01')).toEqual({ ok: false, problem: '2021-13-01 is not a date: there is no month 13' })
  })

  it('refuses other ways of writing a date, and half-typed ones, asking for YYYY-MM-DD', () => {
    for (const text of ['07/02/2021', '2021-7-2', '2021-07', '2021-07-0', '2021/07/02', '2021-07-02T00:00', 'yesterday', '2021-0a-02']) {
      const read = readDateText(text)
      expect(read.ok, text).toBe(false)
      expect(!read.ok && read.problem, text).toBe(`“${text}” is not a date written as YYYY-MM-DD (for example 2021-07-02)`)
    }
  })
})
