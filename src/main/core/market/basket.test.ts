import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dayFromIso } from '../../../shared/dates'
import { basketSeries, peakToTrough } from './basket'
import { addCompany, addEvent, openWorkspace, putSeries, type TestWorkspace } from './test-kit'

const d = dayFromIso

describe('peak-to-trough loss', () => {
  it('finds the largest B(t1) - B(t2) with t1 <= t2, not just the fall to the lowest point', () => {
    // 10 -> 5 loses 5; 20 -> 12 loses 8 (the answer), although 5 is the lowest value.
    expect(peakToTrough([10, 5, 20, 12])).toEqual({ peakIndex: 2, troughIndex: 3, peak: 20, trough: 12, loss: 8, lossFraction: 0.4 })
  })

  it('is zero when the basket only rose', () => {
    expect(peakToTrough([1, 2, 3])).toMatchObject({ loss: 0, lossFraction: 0 })
  })
})

describe('basket market cap', () => {
  it('carries a value forward over at most 5 calendar days', () => {
    // A trades Thu 04-01 and Thu 04-08 only; B trades every weekday. On Tue 04-06 A's last value
    // (04-01) is 5 days old and still counts; on Wed 04-07 it is 6 days old and the date drops out.
    const a = { days: [d('2021-04-01'), d('2021-04-08')], values: [10, 20] }
    const b = { days: ['2021-04-01', '2021-04-02', '2021-04-05', '2021-04-06', '2021-04-07', '2021-04-08'].map(d), values: [1, 2, 3, 4, 5, 6] }
    const s = basketSeries([a, b])
    expect(s.days).toEqual(['2021-04-01', '2021-04-02', '2021-04-05', '2021-04-06', '2021-04-08'].map(d))
    expect([...s.total]).toEqual([11, 12, 13, 14, 26])
    expect([...s.stacks[0]]).toEqual([10, 10, 10, 10, 20])
  })

  it('starts only when every company has a value', () => {
    const a = { days: [d('2021-04-05'), d('2021-04-06')], values: [1, 1] }
    const b = { days: [d('2021-04-01'), d('2021-04-06')], values: [2, 2] }
    expect(basketSeries([a, b]).days).toEqual([d('2021-04-05'), d('2021-04-06')])
  })
})

describe('chart:basket', () => {
  let ws: TestWorkspace
  beforeEach(async () => {
    ws = await openWorkspace()
  })
  afterEach(async () => {
    await ws.close()
  })

  it('states the loss across a Hong Kong holiday, in the reporting currency', async () => {
    // US listing, 1 share: closes Thu 04-01 .. Wed 04-07 = 100, 130, 80, 95, 70 USD.
    // HK listing, 1 share at 0.5 USD/HKD: Hong Kong is shut Fri 04-02 (Good Friday) and Mon 04-05
    // (Easter Monday); closes 200, 150, 160 HKD on 04-01, 04-06, 04-07 = 100, 75, 80 USD.
    // B: 04-01 100+100 = 200; 04-02 130+100 = 230 (HK carried 1 day); 04-05 80+100 = 180 (4 days);
    //    04-06 95+75 = 170; 04-07 70+80 = 150. Peak 230 on 04-02, trough 150 on 04-07:
    //    lost 80, 80/230 of the peak.
    await addCompany(ws.core, 'us', { name: 'US Co', listings: [{ ticker: 'USCO', currency: 'USD', shares: [{ date: '2021-01-01', shares: 1, source: '' }] }] })
    await addCompany(ws.core, 'hk', { name: 'HK Co', listings: [{ ticker: '0001.HK', currency: 'HKD', shares: [{ date: '2021-01-01', shares: 1, source: '' }] }] })
    await addCompany(ws.core, 'none', { name: 'No Data' })
    await putSeries(ws.core, { ticker: 'USCO', companyId: 'us' }, { close: [['2021-04-01', 100], ['2021-04-02', 130], ['2021-04-05', 80], ['2021-04-06', 95], ['2021-04-07', 70]] })
    await putSeries(ws.core, { ticker: '0001.HK', companyId: 'hk', currency: 'HKD' }, { close: [['2021-04-01', 200], ['2021-04-06', 150], ['2021-04-07', 160]] })
    await ws.call('settings:update', { patch: { fxRates: { HKD: 0.5 } } })
    const ev = await addEvent(ws.core, { date: '2021-04-03', title: 'Weekend rule', category: 'antitrust', companies: ['us'], sources: ['x'] })
    await addEvent(ws.core, { date: '2021-05-01', title: 'Later', companies: [], sources: ['x'] })

    const b = await ws.call('chart:basket', { companyIds: ['us', 'hk', 'none'], to: '2021-04-30' })
    expect(b.currency).toBe('USD')
    expect(b.days).toEqual(['2021-04-01', '2021-04-02', '2021-04-05', '2021-04-06', '2021-04-07'].map(d))
    expect(b.total).toEqual([200, 230, 180, 170, 150])
    expect(b.stacks.map((s) => [s.ticker, s.values])).toEqual([
      ['USCO', [100, 130, 80, 95, 70]],
      ['0001.HK', [100, 100, 100, 75, 80]]
    ])
    expect(b.drawdown).toEqual({ peakDate: '2021-04-02', troughDate: '2021-04-07', peak: 230, trough: 150, loss: 80, lossFraction: 80 / 230 })
    expect(b.missing).toEqual([{ companyId: 'none', reason: 'no prices imported for No Data (no listing)' }])
    // Markers dated within the range only.
    expect(b.events).toEqual([{ id: ev, date: '2021-04-03', datePrecision: 'day', title: 'Weekend rule', category: 'antitrust' }])

    // From 04-05 on, the peak is 180 on 04-05 itself.
    const later = await ws.call('chart:basket', { companyIds: ['us', 'hk'], from: '2021-04-05' })
    expect(later.drawdown).toMatchObject({ peakDate: '2021-04-05', troughDate: '2021-04-07', loss: 30 })
  })
})
