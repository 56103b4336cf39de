import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dayFromIso } from '../../../shared/dates'
import { sharesInForce } from './marketcap'
import { marketService } from './service'
import { addCompany, openWorkspace, putSeries, type TestWorkspace } from './test-kit'

// A Hong Kong listing over one week, closes 10..14 HKD.
const DATES = ['2021-01-04', '2021-01-05', '2021-01-06', '2021-01-07', '2021-01-08']
const CLOSES = [10, 11, 12, 13, 14]

let ws: TestWorkspace
beforeEach(async () => {
  ws = await openWorkspace()
})
afterEach(async () => {
  await ws.close()
})

async function hkCompany(shares: { date: string; shares: number }[]): Promise<void> {
  await addCompany(ws.core, 'hk', { name: 'HK Co', listings: [{ ticker: '9999.HK', currency: 'HKD', shares: shares.map((s) => ({ ...s, source: '' })) }] })
  await putSeries(ws.core, { ticker: '9999.HK', companyId: 'hk', currency: 'HKD' }, { close: DATES.map((d, i) => [d, CLOSES[i]]) })
}

const capOf = async () => (await marketService(ws.core).companyCap(ws.core.store.companies.get('hk')!)).cap!

describe('market cap = close x shares in force', () => {
  it('uses the first share row before it takes effect and switches on the effective date', () => {
    const days = DATES.map(dayFromIso)
    // Rows given out of order: 150 from Jan 7, 100 from Jan 5. Jan 4 is before every row, so the
    // first row (100) applies; Jan 5-6 -> 100; Jan 7-8 -> 150.
    const shares = sharesInForce(days, [
      { date: '2021-01-07', shares: 150, source: '' },
      { date: '2021-01-05', shares: 100, source: '' }
    ])
    expect([...shares]).toEqual([100, 100, 100, 150, 150])
  })

  it('converts to the reporting currency with a constant rate', async () => {
    await hkCompany([
      { date: '2021-01-05', shares: 100 },
      { date: '2021-01-07', shares: 150 }
    ])
    await ws.call('settings:update', { patch: { fxRates: { HKD: 0.128 } } })
    const cap = await capOf()
    // Local: 10*100, 11*100, 12*100, 13*150, 14*150 = 1000, 1100, 1200, 1950, 2100 HKD.
    expect([...cap.local!]).toEqual([1000, 1100, 1200, 1950, 2100])
    // x 0.128 USD per HKD.
    const want = [128, 140.8, 153.6, 249.6, 268.8]
    cap.reporting!.forEach((v, i) => expect(v).toBeCloseTo(want[i], 9))
  })

  it('takes the latest FX series rate on or before each date, and the constant rate before the series starts', async () => {
    await hkCompany([{ date: '2021-01-01', shares: 100 }])
    // HKD quoted in USD on Jan 5 (0.13) and Jan 7 (0.12) only.
    await putSeries(ws.core, { ticker: 'HKDUSD=X', currency: 'USD' }, { close: [['2021-01-05', 0.13], ['2021-01-07', 0.12]] })
    await ws.call('settings:update', { patch: { fxSeries: { HKD: 'HKDUSD=X' }, fxRates: { HKD: 0.128 } } })
    let cap = await capOf()
    // Jan 4: before the series -> constant 0.128 -> 1000*0.128 = 128; Jan 5: 1100*0.13 = 143;
    // Jan 6: still 0.13 -> 1200*0.13 = 156; Jan 7: 1300*0.12 = 156; Jan 8: 1400*0.12 = 168.
    const want = [128, 143, 156, 156, 168]
    cap.reporting!.forEach((v, i) => expect(v).toBeCloseTo(want[i], 9))

    // Without the constant rate, Jan 4 has no rate at all: that day has no value, the rest do.
    await ws.call('settings:update', { patch: { fxRates: {} } })
    cap = await capOf()
    expect(cap.reporting![0]).toBeNaN()
    expect(cap.reporting![1]).toBeCloseTo(143, 9)
  })

  it('gives the reason when there is no FX rate, no share schedule or no prices', async () => {
    await hkCompany([{ date: '2021-01-01', shares: 100 }])
    let cc = await marketService(ws.core).companyCap(ws.core.store.companies.get('hk')!)
    expect(cc.cap!.reporting).toBeNull()
    expect(cc.reason).toBe('no FX rate for HKD')

    await ws.call('shares:set', { ticker: '9999.HK', rows: [] })
    cc = await marketService(ws.core).companyCap(ws.core.store.companies.get('hk')!)
    expect(cc.reason).toBe('no share schedule for 9999.HK')

    await addCompany(ws.core, 'ant', { name: 'Ant Group' })
    cc = await marketService(ws.core).companyCap(ws.core.store.companies.get('ant')!)
    expect(cc.cap).toBeNull()
    expect(cc.reason).toBe('no prices imported for Ant Group (no listing)')
  })

  it('uses an imported market-cap series as it is, and picks the first listing that has a series', async () => {
    await addCompany(ws.core, 'dual', {
      name: 'Dual',
      listings: [
        { ticker: 'DUAL.HK', currency: 'HKD' },
        { ticker: 'DUAL', currency: 'USD' }
      ]
    })
    await putSeries(ws.core, { ticker: 'DUAL', companyId: 'dual' }, { marketCap: [['2021-01-04', 5e9], ['2021-01-05', 5.5e9]] })
    const cc = await marketService(ws.core).companyCap(ws.core.store.companies.get('dual')!)
    expect(cc.ticker).toBe('DUAL')
    expect(cc.cap!.shares).toBeNull()
    expect([...cc.cap!.reporting!]).toEqual([5e9, 5.5e9])
  })
})
