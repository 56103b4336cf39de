/**
 * An event date with its precision: "2021-07-02" is known to the day, "2021-07" only to the
 * month (stored as the first of the month). What cannot be either is refused before anything
 * is sent, with the reason and both forms named.
 */
import { ApiError } from '../../../shared/errors'
import { readDateText } from './iso-date'

export interface DateValue {
  date: string
  datePrecision: 'day' | 'month'
}

/** What an event date field read: a date, or why the text is not one. */
export type DateRead = DateValue | { problem: string }

const MONTH_FORM = ', or YYYY-MM when only the month is known'

export function formatDateValue(v: DateValue): string {
  return v.datePrecision === 'month' ? v.date.slice(0, 7) : v.date
}

export function readEventDate(text: string): DateRead {
  const t = text.trim()
  if (t === '') return { problem: `Date is required: YYYY-MM-DD${MONTH_FORM}` }
  if (/^\d{4}-\d{2}$/.test(t)) {
    const month = Number(t.slice(5))
    if (month < 1 || month > 12) return { problem: `${t} is not a month: there is no month ${month}` }
    return { date: `${t}-01`, datePrecision: 'month' }
  }
  const read = readDateText(t, MONTH_FORM)
  return read.ok ? { date: read.value, datePrecision: 'day' } : { problem: read.problem }
}

/** The patch an event date field saves; a text that is not a date is refused with its reason. */
export function eventDatePatch(read: DateRead): DateValue {
  if ('problem' in read) throw new ApiError('invalid_input', read.problem)
  return { date: read.date, datePrecision: read.datePrecision }
}
