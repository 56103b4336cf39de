/**
 * The Impact screen asks the host for its rows a page at a time, sorted and filtered there
 * (impact:view), because a large workspace has more rows than a page can hold. The pages must
 * add up to exactly the table the reports use, in the order the analyst asked for.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImpactRow, ImpactView } from '../../../shared/market'
import { ImpactTables, impactTables } from './impact-table'
import { marketService } from './service'
import { addCompany, addEvent, openWorkspace, putSeries, weekdays, zip, type TestWorkspace } from './test-kit'
import { csvText } from '../csv/write'

const DAYS = weekdays('2020-06-01', 400)
const wave = (phase: number) => DAYS.map((_, i) => 100 + 10 * Math.sin(i / 7 + phase) + i / 50)

let ws: TestWorkspace
beforeEach(async () => {
  ws = await openWorkspace()
  const tickers = ['AAA', 'BBB', 'CCC', 'DDD']
  for (const [k, t] of tickers.entries()) {
    await addCompany(ws.core, t.toLowerCase(), { name: `Company ${t}`, listings: [{ ticker: t, currency: 'USD', shares: [{ date: '2020-06-01', shares: 1000 * (k + 1), source: 'filing' }] }] })
    await putSeries(ws.core, { ticker: t, companyId: t.toLowerCase() }, { close: zip(DAYS, wave(k)) })
  }
  await putSeries(ws.core, { ticker: 'SPY', benchmark: true }, { close: zip(DAYS, wave(9)) })
  // 40 events on the calendar, each touching two or three of the companies; a few before the
  // prices start, so some rows have no figures (their reason instead) and sort last.
  for (let i = 0; i < 40; i++) {
    const companies = tickers.filter((_, k) => (i + k) % 3 !== 0).map((t) => t.toLowerCase())
    await addEvent(ws.core, { date: i < 3 ? `2019-0${i + 1}-15` : DAYS[20 + i * 9], title: `Event ${String(i).padStart(2, '0')} ${i % 2 ? 'probe' : 'fine'}`, companies, sources: ['x'] })
  }
})
afterEach(async () => {
  await ws.close()
})

const view = (input: Record<string, unknown>) => ws.call('impact:view', { waitMs: 5000, ...input }) as Promise<ImpactView>
const ids = (rows: ImpactRow[]) => rows.map((r) => `${r.event_id}/${r.ticker}/${r.window_start}:${r.window_end}`)

/** Read the whole view page by page, as the screen does while the analyst scrolls. */
async function allPages(input: Record<string, unknown>, limit: number): Promise<ImpactRow[]> {
  const rows: ImpactRow[] = []
  for (let offset = 0; ; offset += limit) {
    const v = await view({ ...input, offset, limit })
    expect(v.progress).toBeNull()
    rows.push(...v.rows)
    if (offset + limit >= v.total) return rows
  }
}

describe('the Impact screen’s view of the table', () => {
  it('pages through exactly the rows of the report table, in its order by default', async () => {
    const table = await ws.call('impact:table', {})
    const first = await view({ limit: 7 })
    expect(first.all).toBe(table.rows.length)
    expect(first.total).toBe(table.rows.length)
    expect(await allPages({}, 7)).toEqual(table.rows)
  })

  it('sorts by a figure with the missing ones last, either way, ties in table order', async () => {
    const table = await ws.call('impact:table', {})
    const withCar = table.rows.filter((r) => r.car !== null)
    const without = table.rows.filter((r) => r.car === null)
    expect(withCar.length).toBeGreaterThan(10)
    expect(without.length).toBeGreaterThan(0)
    const byCar = (dir: number) => [...withCar].sort((a, b) => dir * (a.car! - b.car!) || table.rows.indexOf(a) - table.rows.indexOf(b))
    expect(ids(await allPages({ sort: [{ id: 'car', desc: true }] }, 50))).toEqual(ids([...byCar(-1), ...without]))
    expect(ids(await allPages({ sort: [{ id: 'car', desc: false }] }, 50))).toEqual(ids([...byCar(1), ...without]))
  })

  it('sorts by several columns in the order they were chosen', async () => {
    const table = await ws.call('impact:table', {})
    const got = await allPages({ sort: [{ id: 'company', desc: true }, { id: 'window', desc: false }, { id: 'date', desc: true }] }, 1000)
    const expected = [...table.rows].sort(
      (a, b) =>
        -`${a.ticker} ${a.company}`.localeCompare(`${b.ticker} ${b.company}`) ||
        a.window_start - b.window_start ||
        a.window_end - b.window_end ||
        -(a.event_date < b.event_date ? -1 : a.event_date > b.event_date ? 1 : 0) ||
        table.rows.indexOf(a) - table.rows.indexOf(b)
    )
    expect(ids(got)).toEqual(ids(expected))
  })

  it('filters by window and by text, without case, and counts what it keeps', async () => {
    const table = await ws.call('impact:table', {})
    const expected = table.rows.filter((r) => r.window_start === 0 && r.window_end === 5 && r.event_title.includes('probe') && r.ticker === 'BBB')
    const v = await view({ window: '0:5', filters: { event: 'PROBE', company: 'bbb company' }, limit: 1000 })
    expect(v.total).toBe(expected.length)
    expect(v.all).toBe(table.rows.length)
    expect(ids(v.rows)).toEqual(ids(expected))
    const none = await view({ filters: { note: 'no such reason' } })
    expect(none.total).toBe(0)
    expect(none.rows).toEqual([])
  })

  it('ranks events by basket change for the chosen window, biggest loss first, and says how many there are', async () => {
    const table = await ws.call('impact:table', {})
    const mine = table.baskets.filter((b) => b.window_start === -5 && b.window_end === 20)
    const v = await view({ limit: 0, ranking: { window: '-5:20', order: 'change', limit: 5 } })
    expect(v.ranking.window).toEqual({ a: -5, b: 20 })
    expect(v.ranking.total).toBe(mine.length)
    const changes = mine.map((b) => b.basket_mcap_change ?? Infinity).sort((a, b) => a - b)
    expect(v.ranking.rows.map((b) => b.basket_mcap_change ?? Infinity)).toEqual(changes.slice(0, 5))
    const byDate = await view({ limit: 0, ranking: { window: '-5:20', order: 'date', limit: 1000 } })
    expect(byDate.ranking.rows.map((b) => b.event_id)).toEqual(mine.map((b) => b.event_id))
    // Page by page, as the ranking's Previous / Next show them.
    const pages: string[] = []
    for (let offset = 0; offset < mine.length; offset += 7) {
      const page = await view({ limit: 0, ranking: { window: '-5:20', order: 'date', offset, limit: 7 } })
      expect(page.ranking.offset).toBe(offset)
      pages.push(...page.ranking.rows.map((b) => b.event_id))
    }
    expect(pages).toEqual(mine.map((b) => b.event_id))
  })

  it('follows an edit: a moved event is recomputed in the next view', async () => {
    const before = await view({ filters: { event: 'Event 10' }, window: '-1:1', limit: 10 })
    const eventId = before.rows[0].event_id
    await ws.call('events:update', { id: eventId, patch: { date: DAYS[300] } })
    const after = await view({ filters: { event: 'Event 10' }, window: '-1:1', limit: 10 })
    expect(after.rows[0].event_date).toBe(DAYS[300])
    expect(after.rows[0].day0).toBe(DAYS[300])
    expect(after.rows[0].mcap_change).not.toBe(before.rows[0].mcap_change)
  })

  it('answers with its progress while a table is still being computed, then with the rows', async () => {
    // As with 100k events: the computation lets other requests in after every event.
    impactTables(ws.core).sliceMs = 0
    const answers: ImpactView[] = []
    for (let v = await view({ waitMs: 0, limit: 3 }); ; v = await view({ waitMs: 0, limit: 3 })) {
      answers.push(v)
      if (!v.progress) break
      expect(answers.length).toBeLessThan(1000)
      await new Promise((r) => setTimeout(r, 5))
    }
    const progress = answers.filter((a) => a.progress)
    expect(progress.length).toBeGreaterThan(0)
    for (const a of progress) {
      expect(a.progress!.total).toBe(40)
      expect(a.progress!.done).toBeLessThan(40)
      expect(a.rows).toEqual([])
    }
    // It got further between answers, and the rows came once it was done.
    expect(progress.map((a) => a.progress!.done)).toEqual([...progress.map((a) => a.progress!.done)].sort((x, y) => x - y))
    expect(answers.at(-1)!.rows).toHaveLength(3)
    expect(answers.at(-1)!.rows).toEqual((await ws.call('impact:table', {})).rows.slice(0, 3))
  })

  it('exports the table as shown: the chosen window, its filters and its order', async () => {
    const shown = await allPages({ window: '0:5', filters: { event: 'probe' }, sort: [{ id: 'mcap_return', desc: true }] }, 1000)
    expect(shown.length).toBeGreaterThan(5)
    const report = (await ws.call('reports:export', {
      report: 'impact',
      view: { window: '0:5', filters: { event: 'probe' }, sort: [{ id: 'mcap_return', desc: true }] }
    }))
    const lines = csvText(report.csv).trim().split(/\r\n/).slice(1)
    expect(report.rows).toBe(shown.length)
    // Each line starts with the event id and date; the ticker is the fourth column.
    expect(lines.map((l) => l.split(',').slice(0, 4).join(','))).toEqual(shown.map((r) => [r.event_id, r.event_date, r.event_title, r.ticker].join(',')))
  })

  it('refuses a window that is not start:end, naming the field', async () => {
    await expect(ws.call('impact:view', { window: 'all' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/window/) })
  })
})

describe('the table after edits, from the host’s cache', () => {
  it('is, row for row and basket for basket, the table a computation from nothing gives', async () => {
    await ws.call('impact:table', {})
    // An event moved, another renamed, a share count changed: the rest comes from the cache.
    const [moved, renamed] = ws.core.events.list().slice(10, 12)
    await ws.call('events:update', { id: moved.id, patch: { date: DAYS[200] } })
    await ws.call('events:update', { id: renamed.id, patch: { title: 'Renamed after the first table' } })
    await ws.call('shares:set', { ticker: 'CCC', rows: [{ date: '2020-06-01', shares: 5000 }] })
    const cached = await ws.call('impact:table', {})
    const fresh = (await new ImpactTables(marketService(ws.core)).table({})).toTable()
    expect(cached).toEqual(fresh)
    expect(cached.rows.find((r) => r.event_id === renamed.id)!.event_title).toBe('Renamed after the first table')
  })

  it('keeps a missing figure null on the wire, never 0 or NaN', async () => {
    const table = await ws.call('impact:table', {})
    // The events before the prices start have no figures, only their reason.
    const missing = table.rows.filter((r) => r.day0 === null || r.start_mcap === null)
    expect(missing.length).toBeGreaterThan(0)
    for (const r of missing) expect([r.start_mcap, r.end_mcap, r.mcap_change, r.mcap_return, r.abnormal_return]).toEqual([null, null, null, null, null])
    expect(table.rows.filter((r) => r.car === null).length).toBeGreaterThan(0)
    // What crosses the wire is what was computed: JSON would turn a NaN into null.
    expect(JSON.parse(JSON.stringify(table))).toEqual(table)
  })
})
