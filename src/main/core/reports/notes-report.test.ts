/**
 * The notes report: one row per note beside its event's date and title, grouped by event in the
 * table's order and oldest first within an event; and the market reports are routed to their
 * builders through the same export method.
 */
import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import type { ExportResult } from '../../../shared/api'
import { openWorkspace } from '../test-workspace'
import { csvText } from '../csv/write'

const COLUMNS = ['note_id', 'event_id', 'event_date', 'event_title', 'created_at', 'updated_at', 'text']

function parse(result: ExportResult): string[][] {
  const res = Papa.parse<string[]>(csvText(result.csv), { delimiter: ',', newline: '\r\n' })
  expect(res.errors).toEqual([])
  expect(res.data.pop()).toEqual([''])
  return res.data
}

async function notedWorkspace() {
  const ws = await openWorkspace()
  const didi = await ws.api('events:create', { fields: { date: '2021-07-04', title: 'CAC orders Didi off app stores', category: 'data_security' } })
  const ant = await ws.api('events:create', { fields: { date: '2020-11-03', title: '=Ant IPO "suspended"', category: 'listing' } })
  const n1 = await ws.api('notes:add', { eventId: didi.id, text: 'First on Didi' })
  const n2 = await ws.api('notes:add', { eventId: ant.id, text: 'Only note on Ant,\nwith two lines' })
  const n3 = await ws.api('notes:add', { eventId: didi.id, text: '-12% premarket' })
  // Editing the first note later does not move it: notes are ordered by creation.
  const edited = await ws.api('notes:update', { id: n1.id, text: 'First on Didi (edited)' })
  return { ws, didi, ant, n1: edited, n2, n3 }
}

describe('notes report', () => {
  it('has one row per note, by event date then oldest note first, with exactly its columns', async () => {
    const { ws, didi, ant, n1, n2, n3 } = await notedWorkspace()
    const result = await ws.api('reports:export', { report: 'notes' })
    expect(result.rows).toBe(3)
    expect(parse(result)).toEqual([
      COLUMNS,
      [n2.id, ant.id, '2020-11-03', `'=Ant IPO "suspended"`, n2.createdAt, n2.updatedAt, 'Only note on Ant,\nwith two lines'],
      [n1.id, didi.id, '2021-07-04', 'CAC orders Didi off app stores', n1.createdAt, n1.updatedAt, 'First on Didi (edited)'],
      [n3.id, didi.id, '2021-07-04', 'CAC orders Didi off app stores', n3.createdAt, n3.updatedAt, "'-12% premarket"]
    ])
    expect(n1.updatedAt > n1.createdAt).toBe(true)
  })

  it('follows the query: only matching events, in its order', async () => {
    const { ws, didi, n1, n2, n3 } = await notedWorkspace()
    const sorted = parse(await ws.api('reports:export', { report: 'notes', query: { sort: { column: 'date', desc: true } } }))
    expect(sorted.slice(1).map((r) => r[0])).toEqual([n1.id, n3.id, n2.id])
    const didiOnly = parse(await ws.api('reports:export', { report: 'notes', query: { filters: { category: ['data_security'] } } }))
    expect(didiOnly.slice(1).map((r) => r[1])).toEqual([didi.id, didi.id])
    const none = await ws.api('reports:export', { report: 'notes', query: { search: 'no such words' } })
    expect(none.rows).toBe(0)
    expect(parse(none)).toEqual([COLUMNS])
  })

  it('keeps only requested columns and refuses unknown ones', async () => {
    const { ws } = await notedWorkspace()
    const res = parse(await ws.api('reports:export', { report: 'notes', columns: ['text', 'event_date'] }))
    expect(res[0]).toEqual(['text', 'event_date'])
    expect(res[1]).toEqual(['Only note on Ant,\nwith two lines', '2020-11-03'])
    await expect(ws.api('reports:export', { report: 'notes', columns: ['note_id', 'title'] })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('title')
    })
  })
})

describe('market reports through reports:export', () => {
  it('routes marketcap to its builder and writes its columns in the asked dialect', async () => {
    const ws = await openWorkspace()
    const result = await ws.api('reports:export', { report: 'marketcap', dialect: { delimiter: ';' } })
    expect(result.filename).toMatch(/^capwatch-marketcap-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(csvText(result.csv).split('\r\n')[0]).toBe('date;ticker;close;shares;market_cap;currency;market_cap_reporting')
  })

  it('routes impact to its builder', async () => {
    const ws = await openWorkspace()
    const result = await ws.api('reports:export', { report: 'impact' })
    expect(csvText(result.csv).split('\r\n')[0].split(',').slice(0, 4)).toEqual(['event_id', 'event_date', 'event_title', 'ticker'])
    expect(result.rows).toBe(0)
  })
})
