/**
 * Notes: the analyst's own reasoning on an event. Added, edited and deleted, shown newest first,
 * counted in the events table, and still there after a restart.
 */
import { describe, expect, it } from 'vitest'
import { openWorkspace } from './test-workspace'

async function withEvent() {
  const ws = await openWorkspace()
  const event = await ws.api('events:create', { fields: { date: '2021-04-10', title: 'SAMR fines Alibaba 18.2 billion yuan' } })
  return { ws, event }
}

describe('notes', () => {
  it('adds notes in markdown as written, newest first, counted on the event, and kept across a restart', async () => {
    const { ws, event } = await withEvent()
    const first = await ws.api('notes:add', { eventId: event.id, text: '## Why it matters\n\n- record fine\n- *4%* of 2019 revenue' })
    const second = await ws.api('notes:add', { eventId: event.id, text: 'Shares **rose** 9% the next day' })
    expect(first).toMatchObject({ eventId: event.id, text: '## Why it matters\n\n- record fine\n- *4%* of 2019 revenue' })
    expect(first.createdAt).toBe(first.updatedAt)
    expect(second.createdAt > first.createdAt).toBe(true)
    expect(await ws.api('notes:list', { eventId: event.id })).toEqual([second, first])
    expect((await ws.api('events:get', { id: event.id })).event.noteCount).toBe(2)
    expect((await ws.api('events:query', {})).rows[0].noteCount).toBe(2)
    const again = await ws.reopen()
    expect(await again.api('notes:list', { eventId: event.id })).toEqual([second, first])
  })

  it('edits a note: new text and updatedAt, same createdAt and place in the list, saved', async () => {
    const { ws, event } = await withEvent()
    const a = await ws.api('notes:add', { eventId: event.id, text: 'first' })
    const b = await ws.api('notes:add', { eventId: event.id, text: 'second' })
    const edited = await ws.api('notes:update', { id: a.id, text: 'first, revised' })
    expect(edited).toMatchObject({ id: a.id, eventId: event.id, text: 'first, revised', createdAt: a.createdAt })
    expect(edited.updatedAt > a.updatedAt).toBe(true)
    expect(await ws.api('notes:list', { eventId: event.id })).toEqual([b, edited])
    const again = await ws.reopen()
    expect(await again.api('notes:list', { eventId: event.id })).toEqual([b, edited])
  })

  it('deletes a note, once, and the count follows', async () => {
    const { ws, event } = await withEvent()
    const a = await ws.api('notes:add', { eventId: event.id, text: 'keep' })
    const b = await ws.api('notes:add', { eventId: event.id, text: 'drop' })
    expect(await ws.api('notes:delete', { id: b.id })).toEqual({ deleted: 1 })
    await expect(ws.api('notes:delete', { id: b.id })).rejects.toMatchObject({ code: 'not_found' })
    expect(await ws.api('notes:list', { eventId: event.id })).toEqual([a])
    expect((await ws.api('events:get', { id: event.id })).event.noteCount).toBe(1)
    const again = await ws.reopen()
    expect(await again.api('notes:list', { eventId: event.id })).toEqual([a])
  })

  it('refuses an empty note, a note on a missing event and an edit of a missing note', async () => {
    const { ws, event } = await withEvent()
    await expect(ws.api('notes:add', { eventId: event.id, text: '  \n ' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('text') })
    await expect(ws.api('notes:add', { eventId: 'ev-missing', text: 'x' })).rejects.toMatchObject({ code: 'not_found' })
    await expect(ws.api('notes:update', { id: 'nt-missing', text: 'x' })).rejects.toMatchObject({ code: 'not_found' })
    await expect(ws.api('notes:list', { eventId: 'ev-missing' })).rejects.toMatchObject({ code: 'not_found' })
    expect(await ws.api('notes:list', { eventId: event.id })).toEqual([])
  })

  it('shows the later of two notes saved in the same millisecond first', async () => {
    const ws = await openWorkspace({ now: () => new Date('2026-03-01T09:00:00.000Z') })
    const event = await ws.api('events:create', { fields: { date: '2021-04-10', title: 'T' } })
    const a = await ws.api('notes:add', { eventId: event.id, text: 'a' })
    const b = await ws.api('notes:add', { eventId: event.id, text: 'b' })
    expect(await ws.api('notes:list', { eventId: event.id })).toEqual([b, a])
    expect(await (await ws.reopen()).api('notes:list', { eventId: event.id })).toEqual([b, a])
  })

  it('keeps each event\'s notes to itself', async () => {
    const ws = await openWorkspace()
    const a = await ws.api('events:create', { fields: { date: '2021-01-01', title: 'A' } })
    const b = await ws.api('events:create', { fields: { date: '2021-01-02', title: 'B' } })
    const na = await ws.api('notes:add', { eventId: a.id, text: 'on A' })
    const nb = await ws.api('notes:add', { eventId: b.id, text: 'on B' })
    expect(await ws.api('notes:list', { eventId: a.id })).toEqual([na])
    expect(await ws.api('notes:list', { eventId: b.id })).toEqual([nb])
  })
})
