/**
 * The events report as an analyst uses it: exported from a workspace with hostile text and notes,
 * opened by a strict CSV reader, it gives back the same rows, with formulas neutralised, and it
 * follows the table's current view (search, filters, sort, visible columns).
 */
import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import type { EventRow, ExportResult } from '../../../shared/api'
import { ApiError } from '../../../shared/errors'
import { BOM, csvText } from '../csv/write'
import { listed, openWorkspace, type TestWorkspace } from '../test-workspace'

const COLUMNS = ['id', 'date', 'title', 'category', 'authority', 'companies', 'tags', 'summary', 'sources', 'note_count', 'notes']
const HOSTILE_TITLE = '=HYPERLINK("http://x","y"), "quoted" 腾讯'

function parse(result: ExportResult, delimiter = ','): string[][] {
  const csv = csvText(result.csv)
  const text = csv.startsWith(BOM) ? csv.slice(1) : csv
  const res = Papa.parse<string[]>(text, { delimiter, newline: '\r\n', skipEmptyLines: false })
  expect(res.errors).toEqual([])
  expect(res.data.pop()).toEqual(['']) // the final CRLF
  return res.data
}

/** What a spreadsheet must see for a text cell: formulas carry the quote prefix. */
const shown = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)

async function crackdownWorkspace(): Promise<{ ws: TestWorkspace; hostile: EventRow; ids: Record<string, string> }> {
  const ws = await openWorkspace()
  const alibaba = await ws.api('companies:create', { fields: listed('Alibaba Group', 'BABA', { nameZh: '阿里巴巴' }) })
  const tencent = await ws.api('companies:create', { fields: listed('Tencent', '0700.HK', { nameZh: '腾讯' }) })
  const ant = await ws.api('companies:create', { fields: { name: 'Ant Group' } })
  const hostile = await ws.api('events:create', {
    fields: {
      date: '2021-04-10',
      title: HOSTILE_TITLE,
      summary: 'SAMR fines Alibaba 18.2 billion yuan.\nSecond line, with a comma; and a semicolon.\r\n-3% on the day',
      category: 'antitrust',
      authority: 'SAMR',
      companies: [alibaba.id, tencent.id],
      tags: ['fine', '@risk'],
      sources: ['Reuters; "Alibaba fined", 2021-04-10, https://example.invalid/a?x=1;y=2', 'SAMR notice, https://example.invalid/b']
    }
  })
  await ws.api('notes:add', { eventId: hostile.id, text: '+first note: "record" fine\nwith a second line' })
  await ws.api('notes:add', { eventId: hostile.id, text: 'second note, 中文' })
  const ipo = await ws.api('events:create', {
    fields: { date: '2020-11-03', title: "Ant Group's IPO suspended", category: 'listing', authority: 'CSRC', companies: [ant.id, alibaba.id] }
  })
  await ws.api('notes:add', { eventId: ipo.id, text: 'The $37 billion listing' })
  const tutoring = await ws.api('events:create', { fields: { date: '2021-07-24', title: 'Tutoring rules bar profits', category: 'education', authority: 'State Council' } })
  return { ws, hostile, ids: { alibaba: alibaba.id, tencent: tencent.id, ant: ant.id, ipo: ipo.id, tutoring: tutoring.id } }
}

describe('events report', () => {
  it('parses back to the same rows, one per event by date, with exactly the report columns', async () => {
    const { ws, hostile, ids } = await crackdownWorkspace()
    const result = await ws.api('reports:export', { report: 'events' })
    const [header, ...rows] = parse(result)
    expect(header).toEqual(COLUMNS)
    expect(result.rows).toBe(3)
    expect(rows.map((r) => r[0])).toEqual([ids.ipo, hostile.id, ids.tutoring])

    const row = Object.fromEntries(header.map((h, i) => [h, rows[1][i]]))
    expect(row).toEqual({
      id: hostile.id,
      date: '2021-04-10',
      title: `'${HOSTILE_TITLE}`,
      category: 'antitrust',
      authority: 'SAMR',
      companies: 'BABA; 0700.HK',
      // Only a cell's first character can start a formula.
      tags: 'fine; @risk',
      summary: 'SAMR fines Alibaba 18.2 billion yuan.\nSecond line, with a comma; and a semicolon.\r\n-3% on the day',
      // A line apart: a source's own ";" stays its own.
      sources: 'Reuters; "Alibaba fined", 2021-04-10, https://example.invalid/a?x=1;y=2\nSAMR notice, https://example.invalid/b',
      note_count: '2',
      // Oldest first, a blank line between notes; the first note's leading + is neutralised.
      notes: `'+first note: "record" fine\nwith a second line\n\nsecond note, 中文`
    })
    // An unlisted company is named by its name.
    expect(rows[0][5]).toBe('Ant Group; BABA')
    expect(rows[2].slice(5)).toEqual(['', '', '', '', '0', ''])
  })

  it('matches what the events table shows for every event of the starter workspace', async () => {
    const ws = await openWorkspace({ starter: true })
    const page = await ws.api('events:query', { limit: 5000 })
    const companies = new Map((await ws.api('companies:list', {})).map((c) => [c.id, c.listings[0]?.ticker ?? c.name]))
    const [header, ...rows] = parse(await ws.api('reports:export', { report: 'events', dialect: { bom: true, delimiter: ';' } }), ';')
    expect(header).toEqual(COLUMNS)
    expect(rows).toHaveLength(page.total)
    expect(rows).toEqual(
      page.rows.map((e) => [
        e.id,
        // An event known to the month reads as the month, as in the table ("2021-08").
        e.datePrecision === 'month' ? e.date.slice(0, 7) : e.date,
        shown(e.title),
        e.category,
        e.authority,
        shown(e.companies.map((c) => companies.get(c)).join('; ')),
        shown(e.tags.join('; ')),
        shown(e.summary),
        shown(e.sources.join('\n')),
        String(e.noteCount),
        ''
      ])
    )
  })

  it('gives back each source as the analyst wrote it, whatever punctuation it holds', async () => {
    const { ws, hostile } = await crackdownWorkspace()
    const [header, ...rows] = parse(await ws.api('reports:export', { report: 'events', dialect: { delimiter: ';' } }), ';')
    const cell = rows.find((r) => r[0] === hostile.id)![header.indexOf('sources')]
    expect(cell.split('\n')).toEqual(hostile.sources)
    // A line break would split one source into two, so a source is one line.
    await expect(ws.api('events:update', { id: hostile.id, patch: { sources: ['Reuters\nhttps://example.invalid/a'] } })).rejects.toThrow(/sources\.0.*one line/)
    expect((await ws.api('events:get', { id: hostile.id })).event.sources).toEqual(hostile.sources)
  })

  it('follows the current view: search (also in note text), filters and sort', async () => {
    const { ws, hostile, ids } = await crackdownWorkspace()
    const ids_ = async (query: object) => parse(await ws.api('reports:export', { report: 'events', query })).slice(1).map((r) => r[0])

    expect(await ids_({ search: '37 billion' })).toEqual([ids.ipo])
    expect(await ids_({ search: '中文' })).toEqual([hostile.id])
    expect(await ids_({ filters: { category: ['education', 'listing'] } })).toEqual([ids.ipo, ids.tutoring])
    expect(await ids_({ filters: { companies: [ids.alibaba] }, sort: { column: 'date', desc: true } })).toEqual([hostile.id, ids.ipo])
    expect(await ids_({ sort: { column: 'noteCount', desc: true } })).toEqual([hostile.id, ids.ipo, ids.tutoring])
    const all = await ws.api('reports:export', { report: 'events', query: { search: 'nothing matches this' } })
    expect(all.rows).toBe(0)
    expect(parse(all)).toEqual([COLUMNS])
  })

  it('keeps only the requested columns, in the requested order', async () => {
    const { ws, hostile } = await crackdownWorkspace()
    const result = await ws.api('reports:export', { report: 'events', columns: ['note_count', 'title', 'id'], query: { search: 'HYPERLINK' } })
    expect(parse(result)).toEqual([
      ['note_count', 'title', 'id'],
      ['2', `'${HOSTILE_TITLE}`, hostile.id]
    ])
  })

  it('refuses an unknown or repeated column, naming it', async () => {
    const { ws } = await crackdownWorkspace()
    const bad = ws.api('reports:export', { report: 'events', columns: ['id', 'ticker'] })
    await expect(bad).rejects.toBeInstanceOf(ApiError)
    await expect(bad).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('ticker') })
    await expect(ws.api('reports:export', { report: 'events', columns: ['id', 'id'] })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('id')
    })
    await expect(ws.api('reports:export', { report: 'events', columns: [] })).rejects.toMatchObject({ code: 'invalid_input' })
  })

  it('names the file after the report and the day', async () => {
    const ws = await openWorkspace({ now: () => new Date(2026, 10, 27, 12, 0, 0) })
    expect((await ws.api('reports:export', { report: 'events' })).filename).toBe('capwatch-events-2026-11-27.csv')
    expect((await ws.api('reports:export', { report: 'notes' })).filename).toBe('capwatch-notes-2026-11-27.csv')
  })

  it('writes a BOM only when asked', async () => {
    const { ws } = await crackdownWorkspace()
    expect(csvText((await ws.api('reports:export', { report: 'events', dialect: { bom: true } })).csv).startsWith(BOM)).toBe(true)
    expect(csvText((await ws.api('reports:export', { report: 'events' })).csv).startsWith('id,date,')).toBe(true)
  })
})
