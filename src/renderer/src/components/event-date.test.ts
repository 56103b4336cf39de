/** An event date is typed to the day or, when only the month is known, to the month; anything else is refused with its reason. */
import { describe, expect, it } from 'vitest'
import { eventDatePatch, readEventDate } from './event-date'

describe('reading a typed event date', () => {
  it('takes a day, or a month stored as its first day', () => {
    expect(readEventDate(' 2021-07-02 ')).toEqual({ date: '2021-07-02', datePrecision: 'day' })
    expect(readEventDate('20210702')).toEqual({ date: '2021-07-02', datePrecision: 'day' })
    expect(readEventDate('2021-07')).toEqual({ date: '2021-07-01', datePrecision: 'month' })
  })

  it('asks for a date when the field is emptied, naming both forms', () => {
    expect(readEventDate('  ')).toEqual({ problem: 'Date is required: YYYY-MM-DD, or YYYY-MM when only the month is known' })
  })

  it('refuses a day or a month the calendar does not have, saying which', () => {
    expect(readEventDate('2021-02-30')).toEqual({ problem: '2021-02-30 is not a date: February 2021 has 28 days' })
    expect(readEventDate('2021-13')).toEqual({ problem: '2021-13 is not a month: there is no month 13' })
    expect(readEventDate('2021-00')).toEqual({ problem: '2021-00 is not a month: there is no month 0' })
  })

  it('refuses other ways of writing a date, naming the two it takes', () => {
    expect(readEventDate('July 2021')).toEqual({ problem: '“July 2021” is not a date written as YYYY-MM-DD, or YYYY-MM when only the month is known (for example 2021-07-02)' })
  })

  it('turns a refused text into an error before anything is saved', () => {
    expect(() => eventDatePatch(readEventDate('2021-02-30'))).toThrow('2021-02-30 is not a date: February 2021 has 28 days')
    expect(eventDatePatch(readEventDate('2021-07'))).toEqual({ date: '2021-07-01', datePrecision: 'month' })
  })
})
