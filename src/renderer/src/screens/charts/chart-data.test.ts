import { describe, expect, it } from 'vitest'
import { dayFromIso, isoFromDay } from '../../../../shared/dates'
import { formatDateValue } from '../../components/event-date'
import { calendarTicks, clusterMarkers, dateAxis, eventRange, groupDateLabel, forChosen, groupMarkers, lateStarts, linePath, lowerBound, tickLabel, timeline, toLines } from './chart-data'

const d = dayFromIso

describe('chart data as recharts draws it', () => {
  const lines = toLines([
    { companyId: 'a', ticker: 'A', name: 'A', days: [d('2021-01-04'), d('2021-01-05'), d('2021-01-06')], values: [10, 12, 8], rawCount: 3 },
    { companyId: 'b', ticker: 'B', name: 'B', days: [d('2021-01-05'), d('2021-01-07')], values: [100, 50], rawCount: 9 }
  ])

  it('keeps each series as its own points and builds the union timeline for the brush', () => {
    expect(lines[1].points).toEqual([
      { day: d('2021-01-05'), v: 100 },
      { day: d('2021-01-07'), v: 50 }
    ])
    expect(timeline(lines).map(isoFromDay)).toEqual(['2021-01-04', '2021-01-05', '2021-01-06', '2021-01-07'])
  })

  it('keeps only the chosen companies of an answer for an earlier choice', () => {
    const answer = { series: [{ companyId: 'a' }, { companyId: 'b' }], missing: [{ companyId: 'c' }], events: [{ id: 'e1' }] }
    expect(forChosen(answer, new Set(['a', 'b', 'c']))).toBe(answer)
    expect(forChosen(answer, new Set(['b']))).toEqual({ series: [{ companyId: 'b' }], missing: [], events: [{ id: 'e1' }] })
    expect(forChosen(answer, new Set())).toMatchObject({ series: [], missing: [] })
  })

  it('draws one marker per day, only for the chosen categories', () => {
    const events = [
      { id: 'e1', date: '2021-07-24', datePrecision: 'day' as const, title: 'Double reduction', category: 'education' },
      { id: 'e2', date: '2021-07-24', datePrecision: 'day' as const, title: 'Music exclusivity', category: 'antitrust' },
      { id: 'e3', date: '2021-04-10', datePrecision: 'day' as const, title: 'Record fine', category: 'antitrust' }
    ]
    const all = groupMarkers(events, null)
    expect(all.map((g) => [g.date, g.events.map((e) => e.id)])).toEqual([
      ['2021-04-10', ['e3']],
      ['2021-07-24', ['e1', 'e2']]
    ])
    expect(groupMarkers(events, new Set(['education'])).map((g) => g.date)).toEqual(['2021-07-24'])
  })

  it('dates a marker of an event known only to the month by its month, not a made-up first day', () => {
    const [lottery] = groupMarkers([{ id: 'ecny', date: '2020-10-01', datePrecision: 'month' as const, title: 'e-CNY lottery', category: 'digital_currency' }], null)
    expect(groupDateLabel(lottery)).toBe('2020-10 (month only)')
    expect(formatDateValue(lottery.events[0])).toBe('2020-10')
    const [mixed] = groupMarkers(
      [
        { id: 'ecny', date: '2020-10-01', datePrecision: 'month' as const, title: 'e-CNY lottery', category: 'digital_currency' },
        { id: 'day', date: '2020-10-01', datePrecision: 'day' as const, title: 'A day-dated event', category: 'other' }
      ],
      null
    )
    expect(groupDateLabel(mixed)).toBe('2020-10-01')
  })

  it('shows on hover every marker whose hit area overlaps the hovered one', () => {
    const groups = groupMarkers(
      [
        { id: 'summon', date: '2020-11-02', datePrecision: 'day' as const, title: 'Regulators summon Jack Ma', category: 'fintech' },
        { id: 'ipo', date: '2020-11-03', datePrecision: 'day' as const, title: 'Ant IPO suspended', category: 'listing' },
        { id: 'rules', date: '2020-11-10', datePrecision: 'day' as const, title: 'Draft platform rules', category: 'antitrust' }
      ],
      null
    )
    // One pixel a day: the 2nd and 3rd are 1 px apart, the 10th is 9 px from the 2nd, 8 from the 3rd.
    const shown = clusterMarkers(groups.map((group, i) => ({ group, px: [100, 101, 109][i] })), 9)
    expect(shown[0]).toMatchObject({ date: '2020-11-02 – 2020-11-03' })
    expect(shown[0].events.map((e) => e.id)).toEqual(['summon', 'ipo'])
    expect(shown[1]).toMatchObject({ date: '2020-11-02 – 2020-11-10' })
    expect(shown[1].events.map((e) => e.id)).toEqual(['summon', 'ipo', 'rules'])
    expect(shown[2].events.map((e) => e.id)).toEqual(['ipo', 'rules'])
    // Zoomed in (ten pixels a day) each marker shows only its own day.
    const zoomed = clusterMarkers(groups.map((group, i) => ({ group, px: [100, 110, 180][i] })), 9)
    expect(zoomed).toEqual(groups)
  })

  it('puts ticks on calendar boundaries, coarser as the range grows', () => {
    expect(calendarTicks(d('2021-01-15'), d('2021-05-20'), 8).map(isoFromDay)).toEqual(['2021-02-01', '2021-03-01', '2021-04-01', '2021-05-01'])
    expect(calendarTicks(d('2014-09-19'), d('2024-03-08'), 8).map(tickLabel)).toEqual(['2016', '2018', '2020', '2022', '2024'])
    expect(lowerBound([1, 3, 5], 4)).toBe(2)
  })

  it('dates the axis by months or years, by Mondays zoomed in to a few weeks, by days to a few days', () => {
    const labels = (x0: string, x1: string, max: number) => {
      const axis = dateAxis(d(x0), d(x1), max)
      return axis.ticks.map(axis.format)
    }
    expect(labels('2014-09-19', '2024-03-08', 8)).toEqual(['2016', '2018', '2020', '2022', '2024'])
    expect(labels('2021-01-15', '2021-05-20', 8)).toEqual(['2021-02', '2021-03', '2021-04', '2021-05'])
    // One month start in view is not a scale: the Mondays are.
    expect(labels('2021-02-18', '2021-03-12', 8)).toEqual(['2021-02-22', '2021-03-01', '2021-03-08'])
    expect(labels('2021-02-03', '2021-02-26', 2)).toEqual(['2021-02-08', '2021-02-22'])
    // A few days, no Monday among them: the days, the first of a month dated in full too.
    expect(labels('2024-02-29', '2024-03-02', 8)).toEqual(['2024-02-29', '2024-03-01', '2024-03-02'])
    expect(labels('2022-11-22', '2022-11-25', 2)).toEqual(['2022-11-22', '2022-11-24'])
  })

  it('opens on the events, a margin either side, unless that is the whole timeline', () => {
    const days = Array.from({ length: 100 }, (_, i) => d('2021-01-01') + i)
    const events = [{ date: '2021-02-10' }, { date: '2021-02-20' }]
    expect(eventRange(events, days, 5)).toEqual({ start: 35, end: 55 })
    expect(eventRange(events, days, 500)).toBeNull()
    expect(eventRange([], days, 5)).toBeNull()
  })

  it('draws a line as one path, breaking it where a value cannot be placed (log of zero)', () => {
    const x = (d: number) => d * 10
    const y = (v: number) => 100 - v
    const pts = [
      { day: 1, v: 5 },
      { day: 2, v: 0 },
      { day: 3, v: 7 },
      { day: 4, v: 8 }
    ]
    expect(linePath(pts, x, y, false)).toBe('M10.0,95.0L20.0,100.0L30.0,93.0L40.0,92.0')
    expect(linePath(pts, x, y, true)).toBe('M10.0,95.0M30.0,93.0L40.0,92.0')
  })

  it('names the lines that start after the index date, which the core indexes to their first close', () => {
    const series = [
      { companyId: 'baba', ticker: 'BABA', name: 'Alibaba', days: [d('2014-09-19'), d('2020-01-02')], values: [100, 120], rawCount: 2 },
      { companyId: 'pdd', ticker: 'PDD', name: 'Pinduoduo', days: [d('2018-07-26'), d('2020-01-02')], values: [100, 150], rawCount: 2 }
    ]
    expect(lateStarts(series, '2016-01-04')).toEqual([{ ticker: 'PDD', first: '2018-07-26' }])
    expect(lateStarts(series, '2018-07-26')).toEqual([])
    expect(lateStarts(series, null)).toEqual([])
  })
})
