import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImpactRow } from '../../../shared/market'
import { impactTables } from './impact-table'
import { addCompany, addEvent, constructedPrices, openWorkspace, putSeries, weekdays, zip, type TestWorkspace } from './test-kit'

/*
 * A worked case. Trading days Mon 2021-03-01 .. Fri 2021-03-12 (index 0..9):
 *   date   03-01 03-02 03-03 03-04 03-05 03-08 03-09 03-10 03-11 03-12
 *   AAA     10   10.5   11    10    12   12.5   13    12    11    14
 *   SPY    100   101   102    -    104   103   105   104   106   107   (no quote on 03-04)
 * AAA's shares: 100 from 03-01, 120 from 03-08 (the schedule switches on day 0).
 * The event is dated Saturday 2021-03-06, so day 0 is Monday 03-08 (index 5).
 */
const DAYS = weekdays('2021-03-01', 10)
const AAA = [10, 10.5, 11, 10, 12, 12.5, 13, 12, 11, 14]
const SPY: [string, number][] = zip(DAYS, [100, 101, 102, NaN, 104, 103, 105, 104, 106, 107]).filter(([, v]) => !Number.isNaN(v))

let ws: TestWorkspace
let eventId: string
beforeEach(async () => {
  ws = await openWorkspace()
  await addCompany(ws.core, 'alpha', {
    name: 'Alpha',
    listings: [{ ticker: 'AAA', currency: 'USD', shares: [{ date: '2021-03-01', shares: 100, source: 'filing' }, { date: '2021-03-08', shares: 120, source: 'filing' }] }]
  })
  await addCompany(ws.core, 'beta', { name: 'Beta', listings: [{ ticker: 'BBB', currency: 'USD' }] })
  await addCompany(ws.core, 'ant', { name: 'Ant Group' })
  await putSeries(ws.core, { ticker: 'AAA', companyId: 'alpha' }, { close: zip(DAYS, AAA) })
  await putSeries(ws.core, { ticker: 'BBB', companyId: 'beta' }, { close: zip(DAYS, AAA) })
  await putSeries(ws.core, { ticker: 'SPY', benchmark: true }, { close: SPY })
  eventId = await addEvent(ws.core, { date: '2021-03-06', title: 'Rules published', companies: ['alpha', 'beta', 'ant'], sources: ['x'] })
})
afterEach(async () => {
  await ws.close()
})

const WINDOWS = [
  { a: 0, b: 0 },
  { a: -1, b: 1 },
  { a: -5, b: 0 },
  { a: 0, b: 5 }
]
const row = (rows: ImpactRow[], ticker: string, a: number, b: number) => rows.find((r) => r.ticker === ticker && r.window_start === a && r.window_end === b)!

describe('impact of an event on market cap', () => {
  it('compares a company without a benchmark of its own with the first benchmark by ticker, as Market data names it', async () => {
    // QQQ is imported after SPY but sorts before it: the default is QQQ whatever the import order.
    await putSeries(ws.core, { ticker: 'QQQ', benchmark: true }, { close: SPY })
    const t = await ws.call('impact:table', { windows: [{ a: 0, b: 0 }] })
    expect(row(t.rows, 'AAA', 0, 0).benchmark).toBe('QQQ')
  })

  it('measures [0,0] from the close of day -1 to the close of day 0, with the shares in force on each date', async () => {
    const t = await ws.call('impact:table', { windows: WINDOWS })
    const r = row(t.rows, 'AAA', 0, 0)
    expect(r).toMatchObject({ event_id: eventId, company: 'Alpha', currency: 'USD', day0: '2021-03-08', start_date: '2021-03-05', end_date: '2021-03-08', benchmark: 'SPY' })
    // M(start) = 12 x 100 = 1200; M(end) = 12.5 x 120 = 1500.
    expect(r.start_mcap).toBe(1200)
    expect(r.end_mcap).toBe(1500)
    expect(r.mcap_change).toBe(300)
    expect(r.mcap_return).toBeCloseTo(0.25, 12)
    // SPY 104 -> 103.
    expect(r.benchmark_return).toBeCloseTo(103 / 104 - 1, 12)
    expect(r.abnormal_return).toBeCloseTo(0.25 - (103 / 104 - 1), 12)
    // Ten days cannot fill the default estimation window [-250, -30].
    expect(r.car).toBeNull()
    expect(r.t_stat).toBeNull()
    expect(r.note).toBe('market model: 0 returns in the estimation window [-250,-30], needs 60')
  })

  it('measures [-1,+1] from the close of day -2, taking the benchmark on or before a day it did not trade', async () => {
    const r = row((await ws.call('impact:table', { windows: WINDOWS })).rows, 'AAA', -1, 1)
    // Day -2 is 03-04 (index 3): 10 x 100 = 1000; day +1 is 03-09: 13 x 120 = 1560.
    expect(r).toMatchObject({ start_date: '2021-03-04', end_date: '2021-03-09', start_mcap: 1000, end_mcap: 1560, mcap_change: 560 })
    expect(r.mcap_return).toBeCloseTo(0.56, 12)
    // SPY has no 03-04 quote: its latest close on or before is 03-03's 102. 102 -> 105.
    expect(r.benchmark_return).toBeCloseTo(105 / 102 - 1, 12)
  })

  it('leaves a window empty with the reason when it runs off the data', async () => {
    const t = await ws.call('impact:table', { windows: WINDOWS })
    // [-5, 0] needs the close of day -6: one day before the series starts.
    const before = row(t.rows, 'AAA', -5, 0)
    expect(before).toMatchObject({ day0: '2021-03-08', start_date: null, end_date: '2021-03-08', mcap_change: null, benchmark_return: null, car: null })
    expect(before.note).toBe('insufficient data before (AAA prices start 2021-03-01)')
    // [0, 5] needs day +5, the 11th trading day; there are 10.
    const after = row(t.rows, 'AAA', 0, 5)
    expect(after).toMatchObject({ start_date: '2021-03-05', end_date: null, mcap_change: null })
    expect(after.note).toBe('insufficient data after (AAA prices end 2021-03-12)')
  })

  it('carries a benchmark over a few days past the end of its data, never further', async () => {
    // A benchmark file that stops on Tue 03-02 (102 -> its last close 101).
    await putSeries(ws.core, { ticker: 'SPY', benchmark: true }, { close: SPY.filter(([d]) => d <= '2021-03-02') })
    const t = await ws.call('impact:table', { windows: [{ a: -3, b: -3 }, { a: 0, b: 0 }] })
    // [-3,-3] runs 03-02 -> 03-03, one day past the end: the last close still stands (a holiday).
    expect(row(t.rows, 'AAA', -3, -3)).toMatchObject({ start_date: '2021-03-02', end_date: '2021-03-03', benchmark_return: 0 })
    // [0,0] runs 03-05 -> 03-08, six days past the end: no benchmark, and the row says why. The
    // company's own figures are unaffected; the market-adjusted ones are empty, not flat.
    const late = row(t.rows, 'AAA', 0, 0)
    expect(late).toMatchObject({ mcap_change: 300, benchmark_return: null, abnormal_return: null })
    expect(late.note).toContain('insufficient benchmark data after (SPY ends 2021-03-02)')
  })

  it('says why a company has no market cap, and still gives what does not need one', async () => {
    const t = await ws.call('impact:table', { windows: [{ a: 0, b: 0 }] })
    const beta = row(t.rows, 'BBB', 0, 0)
    expect(beta).toMatchObject({ day0: '2021-03-08', mcap_change: null, mcap_return: null, abnormal_return: null })
    expect(beta.benchmark_return).toBeCloseTo(103 / 104 - 1, 12)
    expect(beta.note).toContain('no share schedule for BBB')
    const ant = t.rows.find((r) => r.company === 'Ant Group')!
    expect(ant).toMatchObject({ ticker: '', day0: null, mcap_change: null, benchmark_return: null, note: 'no prices imported for Ant Group (no listing)' })
    // The basket counts the one company with a value, out of three.
    expect(t.baskets).toEqual([
      expect.objectContaining({ event_id: eventId, window_start: 0, window_end: 0, basket_mcap_change: 300, counted: 1, companies: 3, caar: null, car_counted: 0 })
    ])
  })

  it('takes the event date itself as day 0 when it is a trading day, and reads windows from the settings', async () => {
    await ws.call('events:update', { id: eventId, patch: { date: '2021-03-09' } })
    await ws.call('settings:update', { patch: { windows: [{ a: 0, b: 0 }] } })
    const t = await ws.call('impact:table', {})
    expect(t.windows).toEqual([{ a: 0, b: 0 }])
    // Day 0 = 03-09: 12.5 x 120 = 1500 -> 13 x 120 = 1560.
    expect(row(t.rows, 'AAA', 0, 0)).toMatchObject({ day0: '2021-03-09', start_mcap: 1500, end_mcap: 1560, mcap_change: 60 })
  })

  it('says when an event is known to the month only, so its day 0 is the first trading day of that month', async () => {
    await ws.call('events:update', { id: eventId, patch: { date: '2021-03-01', datePrecision: 'month' } })
    const t = await ws.call('impact:table', { windows: [{ a: 0, b: 0 }] })
    const r = row(t.rows, 'AAA', 0, 0)
    // Dated as the events report dates it: the month, not a day nobody knows.
    expect(r.event_date).toBe('2021-03')
    expect(t.baskets[0].event_date).toBe('2021-03')
    expect(r.day0).toBe('2021-03-01')
    expect(r.note).toContain('event date known to the month only')
    await ws.call('events:update', { id: eventId, patch: { datePrecision: 'day' } })
    const after = row((await ws.call('impact:table', { windows: [{ a: 0, b: 0 }] })).rows, 'AAA', 0, 0)
    expect(after.note).not.toContain('month')
    expect(after.event_date).toBe('2021-03-01')
  })

  it('rejects a window whose start is after its end, and a benchmark that is not imported', async () => {
    await expect(ws.call('impact:table', { windows: [{ a: 2, b: 1 }] })).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(ws.call('impact:table', { benchmark: '^HSI' })).rejects.toThrow(/Benchmark \^HSI is not imported/)
  })

  it('uses the company benchmark, then an override, and says when the named one is missing', async () => {
    await putSeries(ws.core, { ticker: 'QQQ' }, { close: zip(DAYS, [50, 50, 50, 50, 50, 55, 50, 50, 50, 50]) })
    await ws.call('companies:update', { id: 'alpha', patch: { benchmark: 'QQQ' } })
    let r = row((await ws.call('impact:table', { windows: [{ a: 0, b: 0 }] })).rows, 'AAA', 0, 0)
    expect(r.benchmark).toBe('QQQ')
    expect(r.benchmark_return).toBeCloseTo(0.1, 12)
    r = row((await ws.call('impact:table', { windows: [{ a: 0, b: 0 }], benchmark: 'SPY' })).rows, 'AAA', 0, 0)
    expect(r.benchmark).toBe('SPY')
    await ws.call('companies:update', { id: 'alpha', patch: { benchmark: '^HSI' } })
    r = row((await ws.call('impact:table', { windows: [{ a: 0, b: 0 }] })).rows, 'AAA', 0, 0)
    expect(r).toMatchObject({ benchmark: '^HSI', benchmark_return: null, abnormal_return: null })
    expect(r.note).toContain('benchmark ^HSI is not imported')
  })
})

describe('impact is recomputed when its inputs change', () => {
  const w00 = { windows: [{ a: 0, b: 0 }] }
  const aaa = async () => row((await ws.call('impact:table', w00)).rows, 'AAA', 0, 0)

  it('follows a share row, a price re-import, an FX setting and the event date', async () => {
    expect((await aaa()).mcap_change).toBe(300)
    // Same request, nothing changed: the same table comes back from the cache (the host's
    // columns; impact:table builds its answer's rows from them each time).
    const tables = impactTables(ws.core)
    expect(await tables.table(w00)).toBe(await tables.table(w00))

    await ws.call('shares:set', { ticker: 'AAA', rows: [{ date: '2020-01-01', shares: 200 }] })
    // 12 x 200 = 2400 -> 12.5 x 200 = 2500.
    expect(await aaa()).toMatchObject({ start_mcap: 2400, end_mcap: 2500, mcap_change: 100 })

    await putSeries(ws.core, { ticker: 'AAA', companyId: 'alpha' }, { close: zip(DAYS, AAA.map((v) => v * 2)) })
    expect(await aaa()).toMatchObject({ start_mcap: 4800, end_mcap: 5000 })

    // Listing in HKD at 0.5 USD per HKD: every figure in money halves; the return does not move.
    const c = ws.core.store.companies.get('alpha')!
    await ws.call('companies:update', { id: 'alpha', patch: { listings: c.listings.map((l) => ({ ...l, currency: 'HKD' })) } })
    await ws.call('settings:update', { patch: { fxRates: { HKD: 0.5 } } })
    expect(await aaa()).toMatchObject({ start_mcap: 2400, end_mcap: 2500, mcap_change: 100 })
    await ws.call('settings:update', { patch: { fxRates: { HKD: 0.25 } } })
    expect(await aaa()).toMatchObject({ start_mcap: 1200, end_mcap: 1250 })

    await ws.call('events:update', { id: eventId, patch: { date: '2021-03-10' } })
    // Day 0 = 03-10 (index 7): 26 -> 24, x 200 shares x 0.25 = 1300 -> 1200.
    expect(await aaa()).toMatchObject({ day0: '2021-03-10', start_mcap: 1300, end_mcap: 1200, mcap_change: -100 })
  })

  it('computes a newly asked window next to the cached ones', async () => {
    await aaa()
    const t = await ws.call('impact:table', { windows: [{ a: 0, b: 0 }, { a: -1, b: 1 }] })
    expect(row(t.rows, 'AAA', -1, 1).mcap_change).toBe(560)
    expect(row(t.rows, 'AAA', 0, 0).mcap_change).toBe(300)
  })
})

describe('market-model CAR and t-stat in the impact table', () => {
  it('fits alpha and beta over the estimation window set in the settings and reports CAR and t', async () => {
    // The constructed case of test-kit: day 0 is the 9th trading day (index 8); with the
    // estimation window [-7, -2] OLS gives alpha 0.0005, beta 1.5, sigma 0.001, and the abnormal
    // returns of days -1, 0, +1 are 0.002, 0.01, -0.004.
    const { p, b } = constructedPrices()
    const days = weekdays('2022-01-03', 10)
    await addCompany(ws.core, 'mm', { name: 'Model Co', benchmark: 'MKT', listings: [{ ticker: 'MM', currency: 'USD', shares: [{ date: '2022-01-03', shares: 10, source: '' }] }] })
    await putSeries(ws.core, { ticker: 'MM', companyId: 'mm' }, { close: zip(days, p) })
    await putSeries(ws.core, { ticker: 'MKT', benchmark: true }, { close: zip(days, b) })
    await ws.call('settings:update', { patch: { estimation: { from: -7, to: -2, minReturns: 6 } } })
    const id = await addEvent(ws.core, { date: days[8], title: 'Model event', companies: ['mm'], sources: ['x'] })
    const t = await ws.call('impact:table', { eventIds: [id], windows: [{ a: -1, b: 1 }, { a: 0, b: 0 }] })
    const w = row(t.rows, 'MM', -1, 1)
    // CAR = 0.002 + 0.01 - 0.004 = 0.008; t = 0.008 / (0.001 x sqrt 3).
    expect(w.car).toBeCloseTo(0.008, 12)
    expect(w.t_stat).toBeCloseTo(0.008 / (0.001 * Math.sqrt(3)), 8)
    expect(w.note).toBe('')
    const d0 = row(t.rows, 'MM', 0, 0)
    expect(d0.car).toBeCloseTo(0.01, 12)
    expect(d0.t_stat).toBeCloseTo(10, 8)
    // Basket of one: CAAR = its CAR.
    expect(t.baskets.find((k) => k.window_start === -1)!.caar).toBeCloseTo(0.008, 12)
    // Six returns are needed; ask for seven and the fields are empty with the reason.
    await ws.call('settings:update', { patch: { estimation: { from: -7, to: -2, minReturns: 7 } } })
    const short = row((await ws.call('impact:table', { eventIds: [id], windows: [{ a: 0, b: 0 }] })).rows, 'MM', 0, 0)
    expect(short).toMatchObject({ car: null, t_stat: null, note: 'market model: 6 returns in the estimation window [-7,-2], needs 7' })
  })

  it('averages CAAR over the companies the basket counts, not one left out for want of shares', async () => {
    const { p, b } = constructedPrices()
    const days = weekdays('2022-01-03', 10)
    await addCompany(ws.core, 'mm', { name: 'Model Co', benchmark: 'MKT', listings: [{ ticker: 'MM', currency: 'USD', shares: [{ date: '2022-01-03', shares: 10, source: '' }] }] })
    // Priced like the market (so its own CAR is 0, not 0.008) but with no shares: no market cap.
    await addCompany(ws.core, 'ns', { name: 'No Shares Co', benchmark: 'MKT', listings: [{ ticker: 'NS', currency: 'USD', shares: [] }] })
    await putSeries(ws.core, { ticker: 'MM', companyId: 'mm' }, { close: zip(days, p) })
    await putSeries(ws.core, { ticker: 'NS', companyId: 'ns' }, { close: zip(days, b.map((v) => v * 3)) })
    await putSeries(ws.core, { ticker: 'MKT', benchmark: true }, { close: zip(days, b) })
    await ws.call('settings:update', { patch: { estimation: { from: -7, to: -2, minReturns: 6 } } })
    const id = await addEvent(ws.core, { date: days[8], title: 'Model event', companies: ['mm', 'ns'], sources: ['x'] })
    const t = await ws.call('impact:table', { eventIds: [id], windows: [{ a: -1, b: 1 }] })
    expect(row(t.rows, 'NS', -1, 1)).toMatchObject({ mcap_change: null, car: expect.closeTo(0, 12) })
    expect(t.baskets[0]).toMatchObject({ counted: 1, companies: 2, car_counted: 1 })
    expect(t.baskets[0].caar).toBeCloseTo(0.008, 12)
  })
})
