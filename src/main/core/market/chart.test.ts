import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dayFromIso } from '../../../shared/dates'
import { marketService } from './service'
import { addCompany, addEvent, openWorkspace, putSeries, weekdays, zip, type TestWorkspace } from './test-kit'

let ws: TestWorkspace
beforeEach(async () => {
  ws = await openWorkspace()
})
afterEach(async () => {
  await ws.close()
})

const shares = (n: number) => [{ date: '2000-01-01', shares: n, source: '' }]

describe('chart:marketcap', () => {
  // US: Mon 03-01 .. Fri 03-05, closes 10, 12, 9, 11, 8 with 1,000 shares.
  // HK (0.5 USD per HKD, 100 shares): 03-02 .. 03-05, closes 40, 44, 30, 36 HKD.
  beforeEach(async () => {
    await addCompany(ws.core, 'us', { name: 'US Co', listings: [{ ticker: 'USCO', currency: 'USD', shares: shares(1000) }] })
    await addCompany(ws.core, 'hk', { name: 'HK Co', listings: [{ ticker: '0002.HK', currency: 'HKD', shares: shares(100) }] })
    await putSeries(ws.core, { ticker: 'USCO', companyId: 'us' }, { close: zip(weekdays('2021-03-01', 5), [10, 12, 9, 11, 8]) })
    await putSeries(ws.core, { ticker: '0002.HK', companyId: 'hk', currency: 'HKD' }, { close: zip(weekdays('2021-03-02', 4), [40, 44, 30, 36]) })
    await ws.call('settings:update', { patch: { fxRates: { HKD: 0.5 } } })
  })

  it('draws, after the background warm-up, the same chart and still follows a later share edit', async () => {
    await addEvent(ws.core, { date: '2021-03-03', title: 'Probe', category: 'antitrust', companies: ['us', 'hk'], sources: ['x'] })
    marketService(ws.core).warmUp()
    await new Promise((r) => setTimeout(r, 50))
    expect((await ws.call('chart:marketcap', { companyIds: ['us'] })).series[0].values).toEqual([10000, 12000, 9000, 11000, 8000])
    await ws.call('shares:set', { ticker: 'USCO', rows: shares(2000) })
    expect((await ws.call('chart:marketcap', { companyIds: ['us'] })).series[0].values).toEqual([20000, 24000, 18000, 22000, 16000])
  })

  it('draws market cap in the reporting currency', async () => {
    const c = await ws.call('chart:marketcap', { companyIds: ['us', 'hk'] })
    expect(c).toMatchObject({ currency: 'USD', mode: 'absolute', indexDate: null, missing: [] })
    expect(c.series[0]).toMatchObject({ ticker: 'USCO', name: 'US Co', values: [10000, 12000, 9000, 11000, 8000], rawCount: 5 })
    // 40 x 100 x 0.5 = 2000, ...
    expect(c.series[1]).toMatchObject({ ticker: '0002.HK', days: weekdays('2021-03-02', 4).map(dayFromIso), values: [2000, 2200, 1500, 1800] })
  })

  it('indexes every line to 100 on the first common date, or on the first trading day on or after a chosen one', async () => {
    // First common date: 03-02 (HK starts then). US: 12 -> 100, 9 -> 75, 11 -> 91.6667, 8 -> 66.6667.
    let c = await ws.call('chart:marketcap', { companyIds: ['us', 'hk'], mode: 'indexed' })
    expect(c.indexDate).toBe('2021-03-02')
    expect(c.series[0].values).toEqual([83.3333, 100, 75, 91.6667, 66.6667])
    expect(c.series[1].values).toEqual([100, 110, 75, 90])
    // Saturday 03-06 ... no trading after: HK and US both end 03-05, so nothing to index on.
    c = await ws.call('chart:marketcap', { companyIds: ['us'], mode: 'indexed', indexDate: '2021-03-06' })
    expect(c.series).toEqual([])
    expect(c.missing).toEqual([{ companyId: 'us', reason: 'no data on or after the index date 2021-03-06' }])
    // Sunday 02-28 -> Monday 03-01: 10 -> 100.
    c = await ws.call('chart:marketcap', { companyIds: ['us'], mode: 'indexed', indexDate: '2021-02-28' })
    expect(c.series[0].values).toEqual([100, 120, 90, 110, 80])
  })

  it('draws the drawdown from the running peak', async () => {
    // US peaks at 12 on 03-02: 10/10-1 = 0, 0, 9/12-1 = -0.25, 11/12-1, 8/12-1.
    const c = await ws.call('chart:marketcap', { companyIds: ['us'], mode: 'drawdown' })
    expect(c.series[0].values).toEqual([0, 0, -0.25, -0.083333, -0.333333])
  })

  it('lists the companies without a line and why', async () => {
    await addCompany(ws.core, 'noprice', { name: 'No Price', listings: [{ ticker: 'NOPR', currency: 'USD', shares: shares(1) }] })
    await addCompany(ws.core, 'noshares', { name: 'No Shares', listings: [{ ticker: 'NOSH', currency: 'USD' }] })
    await addCompany(ws.core, 'nofx', { name: 'No FX', listings: [{ ticker: 'NOFX', currency: 'EUR', shares: shares(1) }] })
    await putSeries(ws.core, { ticker: 'NOSH', companyId: 'noshares' }, { close: [['2021-03-01', 1]] })
    await putSeries(ws.core, { ticker: 'NOFX', companyId: 'nofx', currency: 'EUR' }, { close: [['2021-03-01', 1]] })
    const c = await ws.call('chart:marketcap', { companyIds: ['noprice', 'noshares', 'nofx', 'us'] })
    expect(c.series.map((s) => s.ticker)).toEqual(['USCO'])
    expect(c.missing).toEqual([
      { companyId: 'noprice', reason: 'no prices imported for NOPR' },
      { companyId: 'noshares', reason: 'no share schedule for NOSH' },
      { companyId: 'nofx', reason: 'no FX rate for EUR' }
    ])
  })
})

describe('chart:marketcap on a long series', () => {
  it('downsamples to about maxPoints, keeping the endpoints and each event day exactly', async () => {
    const dates = weekdays('2015-01-01', 2500)
    const closes = dates.map((_, i) => 100 + 10 * Math.sin(i / 37) + i * 0.01)
    await addCompany(ws.core, 'long', { name: 'Long', listings: [{ ticker: 'LONG', currency: 'USD', shares: shares(10) }] })
    await putSeries(ws.core, { ticker: 'LONG', companyId: 'long' }, { close: zip(dates, closes) })
    // Ten events, some on weekends: each is drawn at its day 0 (first trading day on or after).
    const eventDates = ['2015-06-06', '2016-02-29', '2016-03-01', '2017-07-04', '2018-01-13', '2019-05-05', '2020-11-03', '2021-07-24', '2022-02-02', '2024-07-01']
    for (const date of eventDates) await addEvent(ws.core, { date, title: `Event ${date}`, sources: ['x'] })
    const c = await ws.call('chart:marketcap', { companyIds: ['long'], maxPoints: 200 })
    const s = c.series[0]
    expect(s.rawCount).toBe(2500)
    expect(s.days.length).toBeLessThanOrEqual(200 + eventDates.length)
    expect(s.days.length).toBeGreaterThan(150)
    expect(s.days[0]).toBe(dayFromIso(dates[0]))
    expect(s.days[s.days.length - 1]).toBe(dayFromIso(dates[2499]))
    for (const date of eventDates) {
      const i = dates.findIndex((d) => d >= date)
      const k = s.days.indexOf(dayFromIso(dates[i]))
      expect(k, `day 0 of ${date}`).toBeGreaterThanOrEqual(0)
      expect(s.values[k]).toBe(Math.round(closes[i] * 10))
    }
    expect(c.events.map((e) => e.date)).toEqual(eventDates)

    // A range: only its points and markers, endpoints at the first and last trading days inside.
    const r = await ws.call('chart:marketcap', { companyIds: ['long'], from: '2016-01-01', to: '2017-12-31', maxPoints: 50 })
    expect(r.events.map((e) => e.date)).toEqual(['2016-02-29', '2016-03-01', '2017-07-04'])
    expect(r.series[0].days[0]).toBe(dayFromIso('2016-01-01'))
    expect(r.series[0].days.at(-1)).toBe(dayFromIso('2017-12-29'))
    expect(r.series[0].rawCount).toBe(dates.filter((d) => d >= '2016-01-01' && d <= '2017-12-31').length)
  })
})
