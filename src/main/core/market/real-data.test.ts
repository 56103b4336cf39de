import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImpactTable } from '../../../shared/market'
import { addCompany, addEvent, openWorkspace, putSeries, readPriceFile, zip, type TestWorkspace } from './test-kit'

/*
 * The real BABA and SPY files, and the expected figures computed here again from their raw rows
 * with plain linear scans and the textbook closed-form OLS, independently of the code under test.
 * The share schedule is a test parameter (two rows, switching on 2021-04-12), not market data.
 */
const SHARES = [
  { date: '2019-01-01', shares: 2_600_000_000 },
  { date: '2021-04-12', shares: 2_710_000_000 }
]
// 2020-11-03: Ant's IPO suspended (a Tuesday). 2021-04-10: SAMR's fine (a Saturday).
// 2014-09-01: before BABA listed, so windows reaching back are empty.
const EVENTS = ['2020-11-03', '2021-04-10', '2014-09-01']
const WINDOWS = [
  { a: -1, b: 1 },
  { a: 0, b: 5 },
  { a: -5, b: 20 },
  { a: 0, b: 0 }
]

let ws: TestWorkspace
let baba: { dates: string[]; close: number[] }
let spy: { dates: string[]; close: number[] }
let table: ImpactTable
const ids: string[] = []

beforeAll(async () => {
  ws = await openWorkspace()
  baba = await readPriceFile('BABA.csv')
  spy = await readPriceFile('SPY.csv')
  await addCompany(ws.core, 'alibaba', { name: 'Alibaba', listings: [{ ticker: 'BABA', currency: 'USD', shares: SHARES.map((s) => ({ ...s, source: 'test' })) }] })
  await putSeries(ws.core, { ticker: 'BABA', companyId: 'alibaba' }, { close: zip(baba.dates, baba.close) })
  await putSeries(ws.core, { ticker: 'SPY', benchmark: true }, { close: zip(spy.dates, spy.close) })
  for (const date of EVENTS) ids.push(await addEvent(ws.core, { date, title: `Event ${date}`, companies: ['alibaba'], sources: ['x'] }))
  table = await ws.call('impact:table', { windows: WINDOWS })
})
afterAll(async () => {
  await ws.close()
})

// ---- the independent computation --------------------------------------------------------------
const sharesOn = (date: string) => {
  let s = SHARES[0].shares
  for (const r of SHARES) if (r.date <= date) s = r.shares
  return s
}
const spyOn = (date: string) => {
  let v = NaN
  for (let i = 0; i < spy.dates.length && spy.dates[i] <= date; i++) v = spy.close[i]
  return v
}
function expected(eventDate: string, a: number, b: number) {
  const d = baba.dates
  const c = baba.close
  const i0 = d.findIndex((x) => x >= eventDate)
  const s = i0 + a - 1
  const e = i0 + b
  if (s < 0) return null
  const mStart = c[s] * sharesOn(d[s])
  const mEnd = c[e] * sharesOn(d[e])
  const ret = (k: number) => c[k] / c[k - 1] - 1
  const mret = (k: number) => spyOn(d[k]) / spyOn(d[k - 1]) - 1
  // OLS over the returns of days -250..-30: beta = (n Sxy - Sx Sy) / (n Sxx - Sx^2).
  const xs: number[] = []
  const ys: number[] = []
  for (let k = Math.max(1, i0 - 250); k <= i0 - 30; k++) {
    xs.push(mret(k))
    ys.push(ret(k))
  }
  const n = xs.length
  const sum = (v: number[]) => v.reduce((p, q) => p + q, 0)
  const sx = sum(xs)
  const sy = sum(ys)
  const sxy = sum(xs.map((x, k) => x * ys[k]))
  const sxx = sum(xs.map((x) => x * x))
  const beta = (n * sxy - sx * sy) / (n * sxx - sx * sx)
  const alpha = (sy - beta * sx) / n
  const sigma = Math.sqrt(sum(xs.map((x, k) => (ys[k] - alpha - beta * x) ** 2)) / (n - 2))
  let car = 0
  for (let k = i0 + a; k <= i0 + b; k++) car += ret(k) - alpha - beta * mret(k)
  const mcapReturn = mEnd / mStart - 1
  const benchReturn = spyOn(d[e]) / spyOn(d[s]) - 1
  return {
    day0: d[i0],
    start_date: d[s],
    end_date: d[e],
    start_mcap: mStart,
    end_mcap: mEnd,
    mcap_change: mEnd - mStart,
    mcap_return: mcapReturn,
    benchmark_return: benchReturn,
    abnormal_return: mcapReturn - benchReturn,
    car,
    t_stat: car / (sigma * Math.sqrt(b - a + 1)),
    n
  }
}

describe('impact on the real BABA and SPY files', () => {
  it.each(EVENTS.slice(0, 2).flatMap((date) => WINDOWS.map((w) => [date, w.a, w.b] as const)))('event %s, window [%i,%i]', (date, a, b) => {
    const want = expected(date, a, b)!
    expect(want.n).toBe(221)
    const got = table.rows.find((r) => r.event_date === date && r.window_start === a && r.window_end === b)!
    expect(got).toMatchObject({ ticker: 'BABA', benchmark: 'SPY', day0: want.day0, start_date: want.start_date, end_date: want.end_date, note: '' })
    expect(got.start_mcap).toBeCloseTo(want.start_mcap, 0)
    expect(got.end_mcap).toBeCloseTo(want.end_mcap, 0)
    expect(got.mcap_change).toBeCloseTo(want.mcap_change, 0)
    expect(got.mcap_return).toBeCloseTo(want.mcap_return, 12)
    expect(got.benchmark_return).toBeCloseTo(want.benchmark_return, 12)
    expect(got.abnormal_return).toBeCloseTo(want.abnormal_return, 12)
    expect(got.car).toBeCloseTo(want.car, 10)
    expect(got.t_stat).toBeCloseTo(want.t_stat, 8)
  })

  it('puts a Saturday event on the next Monday and applies the new share count from that day', () => {
    const r = table.rows.find((x) => x.event_date === '2021-04-10' && x.window_start === 0 && x.window_end === 0)!
    expect(r.day0).toBe('2021-04-12')
    const i = baba.dates.indexOf('2021-04-12')
    expect(r.start_mcap).toBeCloseTo(baba.close[i - 1] * 2_600_000_000, 0)
    expect(r.end_mcap).toBeCloseTo(baba.close[i] * 2_710_000_000, 0)
  })

  it('leaves an event before the listing empty with the reason', () => {
    const rows = table.rows.filter((x) => x.event_date === '2014-09-01')
    expect(rows.map((r) => [r.window_start, r.day0, r.note])).toEqual([
      [-1, '2014-09-19', 'insufficient data before (BABA prices start 2014-09-19)'],
      [0, '2014-09-19', 'insufficient data before (BABA prices start 2014-09-19)'],
      [-5, '2014-09-19', 'insufficient data before (BABA prices start 2014-09-19)'],
      [0, '2014-09-19', 'insufficient data before (BABA prices start 2014-09-19)']
    ])
  })
})
