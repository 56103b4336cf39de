import { describe, expect, it } from 'vitest'
import { dayFromIso, isoFromDay } from '../../../../shared/dates'
import { mondayOnOrAfter } from '../charts/chart-data'
import { miniAxis, miniTickLabels, miniTicks } from './mini-axis'

const d = dayFromIso
const days = (...iso: string[]) => iso.map(d)

describe('the event chart’s date axis', () => {
  it('puts ticks on Mondays', () => {
    expect(isoFromDay(mondayOnOrAfter(d('2021-01-04')))).toBe('2021-01-04')
    expect(isoFromDay(mondayOnOrAfter(d('2021-01-05')))).toBe('2021-01-11')
    expect(isoFromDay(mondayOnOrAfter(d('2020-12-27')))).toBe('2020-12-28')
    // Before 1970 the day numbers are negative: still a Monday.
    expect(isoFromDay(mondayOnOrAfter(d('1969-12-25')))).toBe('1969-12-29')
  })

  it('spaces the ticks a week or more apart so that they fit', () => {
    // SAMR's probe into Alibaba (2020-12-24), ±20 trading days.
    const [x0, x1] = days('2020-11-24', '2021-01-25')
    expect(miniTicks(x0, x1, 9).map(isoFromDay)).toEqual(['2020-11-30', '2020-12-07', '2020-12-14', '2020-12-21', '2020-12-28', '2021-01-04', '2021-01-11', '2021-01-18', '2021-01-25'])
    expect(miniTicks(x0, x1, 5).map(isoFromDay)).toEqual(['2020-11-30', '2020-12-14', '2020-12-28', '2021-01-11', '2021-01-25'])
    expect(miniTicks(x0, x1, 4).map(isoFromDay)).toEqual(['2020-11-30', '2020-12-28', '2021-01-25'])
  })

  it('falls back to the main chart’s calendar ticks over a long range', () => {
    const quarters = miniTicks(d('2020-01-15'), d('2021-06-20'), 5)
    expect(quarters.map(isoFromDay)).toEqual(['2020-04-01', '2020-07-01', '2020-10-01', '2021-01-01', '2021-04-01'])
    expect(miniTickLabels(quarters)).toEqual(['2020-04-01', '07-01', '10-01', '2021-01-01', '04-01'])
  })

  it('has a tick even where no Monday is in range, and none for an empty one', () => {
    expect(miniTicks(d('2021-01-06'), d('2021-01-08'), 4).map(isoFromDay)).toEqual(['2021-01-06'])
    expect(miniTicks(d('2021-01-08'), d('2021-01-06'), 4)).toEqual([])
  })

  it('writes the year on the first tick and where the year changes, month-day elsewhere', () => {
    expect(miniTickLabels(days('2020-11-30', '2020-12-14', '2020-12-28', '2021-01-11', '2021-01-25'))).toEqual(['2020-11-30', '12-14', '12-28', '2021-01-11', '01-25'])
    // Within one year, only the first tick needs it.
    expect(miniTickLabels(days('2021-06-07', '2021-06-21', '2021-07-05'))).toEqual(['2021-06-07', '06-21', '07-05'])
    expect(miniTickLabels([])).toEqual([])
  })

  it('formats the ticks of the days the lines cover, for the width of the plot', () => {
    const covered = days('2020-11-24', '2020-12-24', '2021-01-25', '2020-11-25')
    const axis = miniAxis(covered, 330)
    expect(axis.ticks.map(axis.format)).toEqual(['2020-11-30', '12-14', '12-28', '2021-01-11', '01-25'])
    // A narrower plot: fewer ticks, still dated.
    const narrow = miniAxis(covered, 200)
    expect(narrow.ticks.map(narrow.format)).toEqual(['2020-11-30', '12-28', '2021-01-25'])
    expect(miniAxis([], 330).ticks).toEqual([])
  })
})
