import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { csvText, type CsvValue } from '../csv/write'
import { impactReport, marketcapReport } from './reports'
import { addCompany, addEvent, openWorkspace, putSeries, weekdays, zip, type TestWorkspace } from './test-kit'

/*
 * Trading days Mon 2021-03-01 .. Fri 03-05. AAA closes 10, 11, 12, 13, 14 with 100 shares, then
 * 200 from 03-04. HHH (HKD, 10 shares, 0.125 USD per HKD) closes 80, 88 on 03-01, 03-02.
 * SPY is a benchmark without shares.
 */
const DAYS = weekdays('2021-03-01', 5)
let ws: TestWorkspace
beforeEach(async () => {
  ws = await openWorkspace()
  await addCompany(ws.core, 'a', { name: 'Alpha, Inc.', listings: [{ ticker: 'AAA', currency: 'USD', shares: [{ date: '2021-01-01', shares: 100, source: '' }, { date: '2021-03-04', shares: 200, source: '' }] }] })
  await addCompany(ws.core, 'h', { name: 'HK Co', listings: [{ ticker: 'HHH', currency: 'HKD', shares: [{ date: '2021-01-01', shares: 10, source: '' }] }] })
  await putSeries(ws.core, { ticker: 'AAA', companyId: 'a' }, { close: zip(DAYS, [10, 11, 12, 13, 14]) })
  await putSeries(ws.core, { ticker: 'HHH', companyId: 'h', currency: 'HKD' }, { close: zip(DAYS.slice(0, 2), [80, 88]) })
  await putSeries(ws.core, { ticker: 'SPY', benchmark: true }, { close: zip(DAYS, [100, 100, 100, 100, 110]) })
  await ws.call('settings:update', { patch: { fxRates: { HKD: 0.125 } } })
})
afterEach(async () => {
  await ws.close()
})

const collect = (rows: Iterable<readonly CsvValue[]>) => [...rows].map((r) => [...r])

describe('marketcap report', () => {
  it('writes one row per ticker and day with close, shares in force, local and reporting market cap', async () => {
    const t = await marketcapReport(ws.core, { report: 'marketcap' })
    expect(t.header).toEqual(['date', 'ticker', 'close', 'shares', 'market_cap', 'currency', 'market_cap_reporting'])
    // SPY has no shares: its closes are there, its market cap empty.
    expect(collect(t.rows)).toEqual([
      ['2021-03-01', 'AAA', 10, 100, 1000, 'USD', 1000],
      ['2021-03-02', 'AAA', 11, 100, 1100, 'USD', 1100],
      ['2021-03-03', 'AAA', 12, 100, 1200, 'USD', 1200],
      ['2021-03-04', 'AAA', 13, 200, 2600, 'USD', 2600],
      ['2021-03-05', 'AAA', 14, 200, 2800, 'USD', 2800],
      ['2021-03-01', 'HHH', 80, 10, 800, 'HKD', 100],
      ['2021-03-02', 'HHH', 88, 10, 880, 'HKD', 110],
      ...DAYS.map((d, i) => [d, 'SPY', i < 4 ? 100 : 110, null, null, 'USD', null])
    ])
    expect(t.count).toBe(12)
  })

  it('keeps the asked tickers and dates, and refuses a ticker without prices with the reason', async () => {
    const t = await marketcapReport(ws.core, { report: 'marketcap', tickers: ['HHH', 'AAA'], from: '2021-03-02', to: '2021-03-03' })
    expect(collect(t.rows).map((r) => `${r[0]} ${r[1]}`)).toEqual(['2021-03-02 HHH', '2021-03-02 AAA', '2021-03-03 AAA'])
    expect(t.count).toBe(3)
    await expect(marketcapReport(ws.core, { report: 'marketcap', tickers: ['SPY', 'ZZZ'] })).rejects.toThrow('No prices for ZZZ: no prices imported for ZZZ')
  })

  it('writes the closes of a ticker asked for by name that has no shares, with market cap empty', async () => {
    const t = await marketcapReport(ws.core, { report: 'marketcap', tickers: ['SPY'], to: '2021-03-02' })
    expect(collect(t.rows)).toEqual([
      ['2021-03-01', 'SPY', 100, null, null, 'USD', null],
      ['2021-03-02', 'SPY', 100, null, null, 'USD', null]
    ])
  })
})

describe('money in the reports', () => {
  it('is written to the cent, so close x shares x FX noise does not read as a different figure', async () => {
    // 0.1 x 3 = 0.30000000000000004 in binary floating point.
    await addCompany(ws.core, 'n', { name: 'Noise Co', listings: [{ ticker: 'NNN', currency: 'USD', shares: [{ date: '2021-01-01', shares: 3, source: '' }] }] })
    await putSeries(ws.core, { ticker: 'NNN', companyId: 'n' }, { close: zip(DAYS.slice(0, 1), [0.1]) })
    const t = await marketcapReport(ws.core, { report: 'marketcap', tickers: ['NNN'] })
    expect(collect(t.rows)).toEqual([['2021-03-01', 'NNN', 0.1, 3, 0.3, 'USD', 0.3]])
  })
})

describe('impact report', () => {
  it('has exactly the documented columns, money in the reporting currency, and the reason in note', async () => {
    const id = await addEvent(ws.core, { date: '2021-03-04', title: '=Formula-looking title', companies: ['a', 'h'], sources: ['x'] })
    const t = await impactReport(ws.core, { report: 'impact', windows: [{ a: 0, b: 0 }] })
    expect(t.header.join(',')).toBe(
      'event_id,event_date,event_title,ticker,company,window_start,window_end,day0,start_date,end_date,currency,start_mcap,end_mcap,mcap_change,mcap_return,benchmark,benchmark_return,abnormal_return,car,t_stat,note'
    )
    const rows = collect(t.rows)
    // AAA, [0,0] on 03-04: 12 x 100 = 1200 -> 13 x 200 = 2600 (+1400, a return of 2600/1200 - 1);
    // SPY flat, so the abnormal return is the whole return.
    expect(rows[0].slice(0, 18)).toEqual([id, '2021-03-04', '=Formula-looking title', 'AAA', 'Alpha, Inc.', 0, 0, '2021-03-04', '2021-03-03', '2021-03-04', 'USD', 1200, 2600, 1400, 2600 / 1200 - 1, 'SPY', 0, 2600 / 1200 - 1])
    expect(rows[0][18]).toBeNull()
    expect(rows[0][20]).toBe('market model: 0 returns in the estimation window [-250,-30], needs 60')
    // HHH ends 03-02: its day 0 does not exist.
    expect(rows[1]).toEqual([id, '2021-03-04', '=Formula-looking title', 'HHH', 'HK Co', 0, 0, null, null, null, 'USD', null, null, null, null, 'SPY', null, null, null, null, 'insufficient data after (HHH prices end 2021-03-02)'])
  })

  it('honours the benchmark override and an events query', async () => {
    await putSeries(ws.core, { ticker: 'QQQ' }, { close: zip(DAYS, [50, 50, 50, 40, 50]) })
    const kept = await addEvent(ws.core, { date: '2021-03-04', title: 'Kept', companies: ['a'], sources: ['x'] })
    await addEvent(ws.core, { date: '2021-03-05', title: 'Filtered out', companies: ['a'], sources: ['x'] })
    const t = await impactReport(ws.core, { report: 'impact', windows: [{ a: 0, b: 0 }], benchmark: 'QQQ', query: { search: 'kept' } })
    const rows = collect(t.rows)
    expect(rows.map((r) => r[0])).toEqual([kept])
    // QQQ 50 -> 40 on day 0.
    expect(rows[0][15]).toBe('QQQ')
    expect(rows[0][16]).toBeCloseTo(-0.2, 12)
  })
})

describe('reports:export', () => {
  it('writes the impact report as CSV, empty cells blank and a formula-looking title neutralised', async () => {
    await addEvent(ws.core, { date: '2021-03-04', title: '=Formula-looking title', companies: ['h'], sources: ['x'] })
    const out = await ws.call('reports:export', { report: 'impact', windows: [{ a: 0, b: 0 }] })
    const lines = csvText(out.csv).split('\r\n')
    expect(lines[0]).toBe(
      'event_id,event_date,event_title,ticker,company,window_start,window_end,day0,start_date,end_date,currency,start_mcap,end_mcap,mcap_change,mcap_return,benchmark,benchmark_return,abnormal_return,car,t_stat,note'
    )
    expect(lines[1]).toMatch(/^ev-\w+,2021-03-04,"'=Formula-looking title",HHH,HK Co,0,0,,,,USD,,,,,SPY,,,,,insufficient data after \(HHH prices end 2021-03-02\)$/)
    expect(out.rows).toBe(1)
  })
})
