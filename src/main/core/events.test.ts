/**
 * The events timeline as the analyst edits it: add, change, duplicate, delete and undo (each
 * saved and still there after a restart), refused input that names its field and changes nothing,
 * sorting by every column, per-column filters, and a global search that also reads note text.
 */
import { describe, expect, it } from 'vitest'
import { EVENT_COLUMNS, type EventColumn, type EventQuery } from '../../shared/api'
import { ApiError } from '../../shared/errors'
import { listed, openWorkspace, type TestWorkspace } from './test-workspace'

async function ids(ws: TestWorkspace, query: EventQuery = {}): Promise<string[]> {
  return (await ws.api('events:query', { ...query, limit: 5000 })).rows.map((r) => r.id)
}

describe('adding, editing, duplicating', () => {
  it('adds an event with defaults filled in, and it survives a restart', async () => {
    const ws = await openWorkspace()
    const e = await ws.api('events:create', { fields: { date: '2021-04-10', title: '  SAMR fines Alibaba  ' } })
    expect(e).toMatchObject({ date: '2021-04-10', title: 'SAMR fines Alibaba', category: 'other', authority: 'Other', companies: [], noteCount: 0 })
    expect(e.id).toMatch(/^ev-/)
    expect(e.createdAt).toBe(e.updatedAt)
    const again = await ws.reopen()
    expect((await again.api('events:get', { id: e.id })).event).toEqual(e)
  })

  it('updates only the patched fields, keeps createdAt, moves updatedAt, and saves it', async () => {
    const ws = await openWorkspace()
    const alibaba = await ws.api('companies:create', { fields: listed('Alibaba', 'BABA') })
    const e = await ws.api('events:create', { fields: { date: '2021-04-10', title: 'Fine', summary: 'kept' } })
    const u = await ws.api('events:update', { id: e.id, patch: { title: 'Record fine', category: 'antitrust', companies: [alibaba.id], tags: ['fine', 'fine', 'SAMR', 'Fine', 'samr'] } })
    // A tag typed twice, in any case, is kept once, as first spelled.
    expect(u).toMatchObject({ title: 'Record fine', summary: 'kept', category: 'antitrust', companies: [alibaba.id], tags: ['fine', 'SAMR'] })
    expect(u.createdAt).toBe(e.createdAt)
    expect(u.updatedAt > e.updatedAt).toBe(true)
    const again = await ws.reopen()
    expect((await again.api('events:get', { id: e.id })).event).toEqual(u)
  })

  it('refuses a tag with ";" in it, which the reports would read back as two tags', async () => {
    const ws = await openWorkspace()
    const e = await ws.api('events:create', { fields: { date: '2021-04-10', title: 'Fine', tags: ['fine'] } })
    await expect(ws.api('events:update', { id: e.id, patch: { tags: ['a;b'] } })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'patch.tags.0' }] })
    expect((await ws.api('events:get', { id: e.id })).event.tags).toEqual(['fine'])
  })

  it('duplicates an event as a new "(copy)" with the same fields and no notes', async () => {
    const ws = await openWorkspace()
    const e = await ws.api('events:create', { fields: { date: '2021-07-04', title: 'Didi removed from app stores', category: 'data_security', authority: 'CAC', tags: ['didi'] } })
    await ws.api('notes:add', { eventId: e.id, text: 'a note stays with the original' })
    const copy = await ws.api('events:duplicate', { id: e.id })
    expect(copy.id).not.toBe(e.id)
    expect(copy).toMatchObject({ title: 'Didi removed from app stores (copy)', date: '2021-07-04', category: 'data_security', authority: 'CAC', tags: ['didi'], noteCount: 0 })
    expect(await ids(ws)).toHaveLength(2)
  })
})

describe('deleting and undoing', () => {
  it('deletes events with their notes, and undo brings both back, also after a save', async () => {
    const ws = await openWorkspace()
    const a = await ws.api('events:create', { fields: { date: '2021-01-01', title: 'A' } })
    const b = await ws.api('events:create', { fields: { date: '2021-01-02', title: 'B' } })
    const note = await ws.api('notes:add', { eventId: a.id, text: 'why A matters' })
    const { deleted, undoToken } = await ws.api('events:delete', { ids: [a.id, b.id, a.id] })
    expect(deleted).toBe(2)
    expect(await ids(ws)).toEqual([])
    await expect(ws.api('events:get', { id: a.id })).rejects.toMatchObject({ code: 'not_found' })
    expect(await ws.api('events:undoDelete', { undoToken })).toEqual({ restored: 2 })
    expect(await ids(ws)).toEqual([a.id, b.id])
    expect((await ws.api('events:get', { id: a.id })).notes).toEqual([note])
    const again = await ws.reopen()
    expect(await ids(again)).toEqual([a.id, b.id])
    expect(await again.api('notes:list', { eventId: a.id })).toEqual([note])
  })

  it('undoes a deletion only once', async () => {
    const ws = await openWorkspace()
    const a = await ws.api('events:create', { fields: { date: '2021-01-01', title: 'A' } })
    const { undoToken } = await ws.api('events:delete', { ids: [a.id] })
    await ws.api('events:undoDelete', { undoToken })
    await expect(ws.api('events:undoDelete', { undoToken })).rejects.toMatchObject({ code: 'not_found' })
    expect(await ids(ws)).toEqual([a.id])
  })

  it('refuses to delete when any id is unknown, and deletes nothing', async () => {
    const ws = await openWorkspace()
    const a = await ws.api('events:create', { fields: { date: '2021-01-01', title: 'A' } })
    await expect(ws.api('events:delete', { ids: [a.id, 'ev-missing'] })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('ev-missing') })
    expect(await ids(ws)).toEqual([a.id])
  })
})

describe('refused input', () => {
  const cases: [string, object, string][] = [
    ['an empty title', { date: '2021-04-10', title: '   ' }, 'title'],
    ['an impossible date', { date: '2021-02-30', title: 'T' }, 'date'],
    ['a date in another format', { date: '10/04/2021', title: 'T' }, 'date'],
    ['an unknown category', { date: '2021-04-10', title: 'T', category: 'crypto' }, 'category'],
    ['an unknown company', { date: '2021-04-10', title: 'T', companies: ['no-such-co'] }, 'companies']
  ]

  it.each(cases)('refuses %s on create, naming the field, and saves nothing', async (_, fields, field) => {
    const ws = await openWorkspace()
    const err = await ws.api('events:create', { fields }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ code: 'invalid_input' })
    expect((err as ApiError).issues?.map((i) => i.path.replace(/^fields\./, ''))).toContain(field)
    expect(await ids(ws)).toEqual([])
    expect(await ids(await ws.reopen())).toEqual([])
  })

  it.each(cases)('refuses %s on update and leaves the event as it was', async (_, fields, field) => {
    const ws = await openWorkspace()
    const e = await ws.api('events:create', { fields: { date: '2021-04-10', title: 'Original' } })
    const err = await ws.api('events:update', { id: e.id, patch: fields }).catch((x: unknown) => x)
    expect(err).toMatchObject({ code: 'invalid_input' })
    expect((err as ApiError).issues?.map((i) => i.path.replace(/^patch\./, ''))).toContain(field)
    expect((await ws.api('events:get', { id: e.id })).event).toEqual(e)
  })

  it('answers not_found for an event that does not exist', async () => {
    const ws = await openWorkspace()
    await expect(ws.api('events:update', { id: 'ev-nope', patch: { title: 'x' } })).rejects.toMatchObject({ code: 'not_found' })
    await expect(ws.api('events:duplicate', { id: 'ev-nope' })).rejects.toMatchObject({ code: 'not_found' })
  })
})

/**
 * Three events whose values order differently in every column (A, B, C created in that order;
 * A's summary edited last, so updatedAt orders B, C, A).
 */
async function sortable(ws: TestWorkspace): Promise<Record<'A' | 'B' | 'C', string>> {
  const tencent = await ws.api('companies:create', { fields: listed('Tencent', '0700.HK', { nameZh: '腾讯' }) })
  const alibaba = await ws.api('companies:create', { fields: listed('Alibaba', 'BABA', { nameZh: '阿里巴巴' }) })
  const A = await ws.api('events:create', {
    fields: { date: '2021-01-01', title: 'Beta', category: 'tax', authority: 'SAMR', companies: [tencent.id], tags: ['zeta'], summary: 'first', sources: ['b src'] }
  })
  const B = await ws.api('events:create', {
    fields: { date: '2021-03-01', title: 'alpha', category: 'antitrust', authority: 'CAC', companies: [alibaba.id], tags: ['alpha'], summary: 'zzz', sources: ['a src'] }
  })
  const C = await ws.api('events:create', {
    fields: { date: '2021-02-01', title: 'Gamma', category: 'fintech', authority: 'PBOC', summary: 'aaa', sources: ['c src'] }
  })
  await ws.api('notes:add', { eventId: A.id, text: 'one' })
  await ws.api('notes:add', { eventId: A.id, text: 'two' })
  await ws.api('notes:add', { eventId: C.id, text: 'record fine for tencent music' })
  await ws.api('events:update', { id: A.id, patch: { summary: 'mid' } })
  return { A: A.id, B: B.id, C: C.id }
}

describe('sorting', () => {
  const ascending: Record<EventColumn, string> = {
    date: 'ACB',
    title: 'BAC', // case-insensitive: alpha, Beta, Gamma
    category: 'BCA', // by label: Antitrust, Fintech, Tax
    authority: 'BCA', // CAC, PBOC, SAMR
    companies: 'CAB', // (none), 0700.HK, BABA
    tags: 'CBA', // (none), alpha, zeta
    summary: 'CAB', // aaa, mid, zzz
    sources: 'BAC',
    noteCount: 'BCA', // 0, 1, 2
    updatedAt: 'BCA'
  }

  it('covers every column of the table', () => {
    expect(Object.keys(ascending).sort()).toEqual([...EVENT_COLUMNS].sort())
  })

  it.each(EVENT_COLUMNS.map((c) => [c]))('sorts by %s, ascending and descending', async (column) => {
    const ws = await openWorkspace()
    const id = await sortable(ws)
    const expected = [...ascending[column]].map((k) => id[k as 'A' | 'B' | 'C'])
    expect(await ids(ws, { sort: { column, desc: false } })).toEqual(expected)
    expect(await ids(ws, { sort: { column, desc: true } })).toEqual([...expected].reverse())
  })

  it('re-sorts after an edit changes the order', async () => {
    const ws = await openWorkspace()
    const id = await sortable(ws)
    expect(await ids(ws, { sort: { column: 'title' } })).toEqual([id.B, id.A, id.C])
    await ws.api('events:update', { id: id.C, patch: { title: 'Aardvark' } })
    expect(await ids(ws, { sort: { column: 'title' } })).toEqual([id.C, id.B, id.A])
  })

  it('says where an edited event now is among the results, or that it has left them', async () => {
    const ws = await openWorkspace()
    const id = await sortable(ws)
    const locate = async (query: EventQuery) => (await ws.api('events:query', { ...query, limit: 0, locate: id.C })).located
    expect(await locate({ sort: { column: 'title' } })).toBe(2)
    await ws.api('events:update', { id: id.C, patch: { title: 'Aardvark' } })
    expect(await locate({ sort: { column: 'title' } })).toBe(0)
    expect(await locate({ sort: { column: 'title', desc: true } })).toBe(2)
    // Searched for something it no longer says: not among the results.
    expect(await locate({ search: 'Gamma' })).toBe(-1)
    // Not asked: not answered.
    expect((await ws.api('events:query', { limit: 0 })).located).toBeUndefined()
  })

  it('re-sorts by companies after a company is renamed', async () => {
    const ws = await openWorkspace()
    const id = await sortable(ws)
    expect(await ids(ws, { sort: { column: 'companies' } })).toEqual([id.C, id.A, id.B])
    const tencent = (await ws.api('companies:list', {})).find((c) => c.name === 'Tencent')!
    await ws.api('companies:update', { id: tencent.id, patch: { listings: [{ ticker: 'TCEHY' }] } })
    expect(await ids(ws, { sort: { column: 'companies' } })).toEqual([id.C, id.B, id.A])
  })
})

describe('per-column filters', () => {
  it('narrows by each column, and by several at once', async () => {
    const ws = await openWorkspace()
    const id = await sortable(ws)
    const alibaba = (await ws.api('companies:list', {})).find((c) => c.name === 'Alibaba')!
    const expectFilter = async (filters: object, keys: string) =>
      expect(await ids(ws, { filters })).toEqual([...keys].map((k) => id[k as 'A' | 'B' | 'C']))
    await expectFilter({ date: { from: '2021-01-15' } }, 'CB')
    await expectFilter({ date: { to: '2021-02-01' } }, 'AC')
    await expectFilter({ date: { from: '2021-01-15', to: '2021-02-28' } }, 'C')
    await expectFilter({ title: 'ALPH' }, 'B')
    await expectFilter({ summary: 'zz' }, 'B')
    await expectFilter({ category: ['tax', 'fintech'] }, 'AC')
    await expectFilter({ authority: ['CAC'] }, 'B')
    await expectFilter({ companies: [alibaba.id] }, 'B')
    await expectFilter({ tags: 'zet' }, 'A')
    await expectFilter({ sources: 'c src' }, 'C')
    await expectFilter({ noteCount: { min: 1 } }, 'AC')
    await expectFilter({ noteCount: { max: 0 } }, 'B')
    await expectFilter({ noteCount: { min: 1 }, date: { from: '2021-01-15' } }, 'C')
    await expectFilter({ title: 'no such title' }, '')
  })

  it('reports the total and matched counts for "shown of total"', async () => {
    const ws = await openWorkspace()
    await sortable(ws)
    const page = await ws.api('events:query', { filters: { category: ['tax', 'fintech'] }, offset: 1, limit: 1 })
    expect(page).toMatchObject({ total: 3, matched: 2, offset: 1 })
    expect(page.rows).toHaveLength(1)
  })
})

describe('global search', () => {
  it('finds events by their note text, company names and fields, case-insensitively', async () => {
    const ws = await openWorkspace()
    const id = await sortable(ws)
    expect(await ids(ws, { search: 'TENCENT MUSIC' })).toEqual([id.C]) // note text
    expect(await ids(ws, { search: '阿里巴巴' })).toEqual([id.B]) // company's Chinese name
    expect(await ids(ws, { search: 'tax' })).toEqual([id.A]) // category label
    expect(await ids(ws, { search: 'src alpha' })).toEqual([id.B]) // every word must match
  })

  it('narrows as the analyst types, and widens again on backspace', async () => {
    const ws = await openWorkspace()
    const id = await sortable(ws)
    const typed = ['r', 're', 'rec', 'reco', 'record', 'record f', 'record fi', 'record fine']
    const results: string[][] = []
    for (const q of typed) results.push(await ids(ws, { search: q }))
    // Each keystroke keeps a subset of the previous matches.
    for (let i = 1; i < results.length; i++) for (const x of results[i]) expect(results[i - 1]).toContain(x)
    // Words match by their beginning: "r" finds only the note's "record" (not the r in "src").
    expect(results[0]).toEqual([id.C])
    expect(results.at(-1)).toEqual([id.C])
    expect(await ids(ws, { search: 'ecord' })).toEqual([])
    expect(await ids(ws, { search: 's' })).toEqual([id.A, id.C, id.B]) // every event cites a "src"
    for (const q of [...typed].reverse()) expect(await ids(ws, { search: q })).toEqual(results[typed.indexOf(q)])
    expect(await ids(ws, { search: 'tencent' })).toEqual([id.A, id.C]) // a linked company, and a note
  })

  it('follows edits: a new note is found at once, an edited note only by its new text', async () => {
    const ws = await openWorkspace()
    const id = await sortable(ws)
    expect(await ids(ws, { search: 'variable interest' })).toEqual([])
    const note = await ws.api('notes:add', { eventId: id.B, text: 'Variable interest entities at risk' })
    expect(await ids(ws, { search: 'variable interest' })).toEqual([id.B])
    await ws.api('notes:update', { id: note.id, text: 'VIE structures' })
    expect(await ids(ws, { search: 'variable interest' })).toEqual([])
    expect(await ids(ws, { search: 'vie struct' })).toEqual([id.B])
    await ws.api('notes:delete', { id: note.id })
    expect(await ids(ws, { search: 'vie struct' })).toEqual([])
  })

  it('finds events by a company name changed after the search index was built', async () => {
    const ws = await openWorkspace()
    const id = await sortable(ws)
    expect(await ids(ws, { search: 'alibaba' })).toEqual([id.B])
    const alibaba = (await ws.api('companies:list', {})).find((c) => c.name === 'Alibaba')!
    await ws.api('companies:update', { id: alibaba.id, patch: { name: 'Ali Group Holding' } })
    expect(await ids(ws, { search: 'group holding' })).toEqual([id.B])
    // The same query as before the rename is answered afresh, not from a cache.
    expect(await ids(ws, { search: 'alibaba' })).toEqual([])
  })
})
