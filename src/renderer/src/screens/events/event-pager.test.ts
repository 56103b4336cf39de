/**
 * The Events table's pager: it asks the core only for the pages on screen, keeps the previous
 * rows until a new query's first page arrives, drops answers to queries no longer current, and
 * forgets far pages so memory stays flat over 100k events.
 */
import { describe, expect, test } from 'vitest'
import type { EventPage, EventQuery, EventRow } from '../../../../shared/api'
import { EventPager } from './event-pager'

interface Call {
  query: EventQuery
  offset: number
  limit: number
  resolve: (p: EventPage) => void
  reject: (e: unknown) => void
}

/** A core of `n` events whose answers the test releases one by one. */
function fakeCore(n: number) {
  const calls: Call[] = []
  const fetch = (query: EventQuery, offset: number, limit: number) =>
    new Promise<EventPage>((resolve, reject) => calls.push({ query, offset, limit, resolve, reject }))
  const answer = (c: Call, total = n, prefix = String(c.query.search ?? '')) => {
    const rows: EventRow[] = []
    for (let i = c.offset; i < Math.min(total, c.offset + c.limit); i++) rows.push(row(`${prefix}${i}`))
    c.resolve({ total: n, matched: total, offset: c.offset, rows })
  }
  return { calls, fetch, answer }
}

function row(id: string): EventRow {
  const stamp = '2021-01-01T00:00:00.000Z'
  return { id, date: '2021-01-01', datePrecision: 'day', title: `Event ${id}`, summary: '', category: 'other', authority: 'Other', companies: [], tags: [], sources: [], createdAt: stamp, updatedAt: stamp, noteCount: 0 }
}

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('EventPager', () => {
  test('fetches the first page, then only the pages scrolled to', async () => {
    const core = fakeCore(100_000)
    const pager = new EventPager(core.fetch, 200)
    pager.setQuery({ search: '' })
    expect(core.calls.map((c) => c.offset)).toEqual([0])
    core.answer(core.calls[0])
    await settle()
    expect(pager.getState()).toMatchObject({ status: 'ready', total: 100_000, matched: 100_000, pending: false })
    expect(pager.rowAt(5)?.id).toBe('5')
    expect(pager.rowAt(250)).toBeUndefined()

    pager.setRange(50_010, 50_040)
    expect(core.calls.map((c) => c.offset)).toEqual([0, 50_000])
    core.answer(core.calls[1])
    await settle()
    expect(pager.rowAt(50_020)?.id).toBe('50020')
    // The pages between were never asked for.
    expect(pager.rowAt(20_000)).toBeUndefined()
  })

  test('keeps the previous rows on screen until the new query answers, and drops stale answers', async () => {
    const core = fakeCore(1000)
    const pager = new EventPager(core.fetch, 200)
    pager.setQuery({ search: '' })
    core.answer(core.calls[0])
    await settle()

    pager.setQuery({ search: 'a' })
    pager.setQuery({ search: 'ab' })
    expect(pager.getState()).toMatchObject({ pending: true, matched: 1000 })
    expect(pager.rowAt(0)?.id).toBe('0') // still the old rows
    const [, forA, forAb] = core.calls
    core.answer(forAb, 3)
    await settle()
    core.answer(forA, 500) // arrives late: ignored
    await settle()
    expect(pager.getState()).toMatchObject({ pending: false, matched: 3, queryKey: JSON.stringify({ search: 'ab' }) })
    expect(pager.rowAt(0)?.id).toBe('ab0')
  })

  test('forgets the pages farthest from the view beyond its budget', async () => {
    const core = fakeCore(100_000)
    const pager = new EventPager(core.fetch, 100, 5)
    pager.setQuery({})
    core.answer(core.calls[0])
    await settle()
    for (let p = 1; p <= 20; p++) {
      pager.setRange(p * 100, p * 100 + 50)
      core.answer(core.calls[core.calls.length - 1])
      await settle()
    }
    const pages = [...pager.getState().pages.keys()].sort((a, b) => a - b)
    expect(pages.length).toBeLessThanOrEqual(5)
    expect(pages).toContain(20)
    expect(pages).not.toContain(0)
  })

  test('an edit replaces its row in place; a refresh fetches the visible pages again', async () => {
    const core = fakeCore(1000)
    const pager = new EventPager(core.fetch, 200)
    pager.setQuery({})
    core.answer(core.calls[0])
    await settle()
    pager.patchRow({ ...row('7'), title: 'Edited' })
    expect(pager.rowAt(7)?.title).toBe('Edited')
    expect(pager.indexOf('7')).toBe(7)

    const key = pager.getState().queryKey
    pager.setRange(390, 420)
    expect(core.calls.slice(1).map((c) => c.offset)).toEqual([200, 400])
    core.calls.slice(1).forEach((c) => core.answer(c))
    await settle()
    const before = core.calls.length
    const answered = pager.refresh()
    expect(pager.getState().answered, 'not until its rows are in').toBeLessThan(answered)
    const again = core.calls.slice(before)
    expect(again.map((c) => c.offset)).toEqual([200, 400])
    again.forEach((c) => core.answer(c, 999))
    await settle()
    expect(pager.getState()).toMatchObject({ matched: 999, queryKey: key, pending: false, answered })
  })

  test('a failed first page is reported, and asking again retries it', async () => {
    const core = fakeCore(10)
    const pager = new EventPager(core.fetch, 200)
    pager.setQuery({})
    core.calls[0].reject(new Error('host gone'))
    await settle()
    expect(pager.getState()).toMatchObject({ status: 'error', pending: false })
    expect(String(pager.getState().error)).toContain('host gone')
    pager.setQuery({})
    core.answer(core.calls[1])
    await settle()
    expect(pager.getState()).toMatchObject({ status: 'ready', error: null, matched: 10 })
  })
})
