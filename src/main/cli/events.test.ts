/**
 * `capwatch events list|add` and `capwatch notes add`, run as a script would: the starter
 * workspace is there, an added event prints its id alone on the last line, and every mistake is
 * one clear line on stderr with exit code 1 and nothing written.
 */
import { describe, expect, it } from 'vitest'
import type { EventRow } from '../../shared/api'
import { tempDir } from '../core/test-workspace'
import { capwatch, type CliRun } from './test-cli'

async function listJson(dir: string): Promise<EventRow[]> {
  const run = await capwatch(dir, 'events', 'list', '--json')
  expect(run.code).toBe(0)
  return JSON.parse(run.out.join('\n')) as EventRow[]
}

/** An error: exit 1, exactly one line on stderr, naming what was wrong. */
function expectOneLineError(run: CliRun, ...mentions: string[]): void {
  expect(run.code).toBe(1)
  expect(run.err).toHaveLength(1)
  expect(run.err[0]).not.toContain('\n')
  for (const m of mentions) expect(run.err[0]).toContain(m)
}

describe('capwatch events list', () => {
  it('lists the starter workspace as JSON rows with note counts, by date', async () => {
    const dir = await tempDir()
    const events = await listJson(dir)
    expect(events.length).toBeGreaterThanOrEqual(25)
    for (const e of events) expect(e).toMatchObject({ id: expect.any(String), date: expect.any(String), title: expect.any(String), noteCount: 0 })
    const dates = events.map((e) => e.date)
    expect(dates).toEqual([...dates].sort())
    expect(JSON.stringify(events).toLowerCase()).toContain('didi')
  })

  it('prints a readable table: aligned columns of date, id, category, title and companies, and a count', async () => {
    const dir = await tempDir()
    const events = await listJson(dir)
    const run = await capwatch(dir, 'events', 'list')
    expect(run.code).toBe(0)
    const [header, ...lines] = run.out
    expect(header.split(/\s{2,}/)).toEqual(['DATE', 'ID', 'CATEGORY', 'TITLE', 'COMPANIES'])
    expect(run.last).toBe(`${events.length} events`)
    const rows = lines.slice(0, -1)
    expect(rows).toHaveLength(events.length)
    // Every row starts with its date and id, and the id column starts at the same place.
    const idAt = header.indexOf('ID')
    rows.forEach((line, i) => {
      // A date known to the month only reads as the month ("2020-10"), never as its first day.
      const date = events[i].datePrecision === 'month' ? events[i].date.slice(0, 7) : events[i].date
      expect(line.startsWith(`${date} `)).toBe(true)
      expect(line.slice(idAt).startsWith(events[i].id)).toBe(true)
    })
    expect(events.some((e) => e.datePrecision === 'month'), 'the starter workspace has month-dated events').toBe(true)
    const baba = rows.find((l) => l.includes('BABA'))
    expect(baba).toBeDefined()
  })
})

describe('capwatch events add', () => {
  it('adds an event with tickers resolved to companies and prints its id alone on the last line', async () => {
    const dir = await tempDir()
    const run = await capwatch(
      dir,
      'events',
      'add',
      '--date', '2021-07-24',
      '--title', '=HYPERLINK("http://x","y") tutoring ban 腾讯',
      '--category', 'Education',
      '--authority', 'state council',
      '--companies', 'TAL, edu,GOTU',
      '--tags', 'tutoring, ban',
      '--summary', 'line one\nline two',
      '--source', 'Reuters, 2021-07-24, https://example.invalid/a',
      '--source', 'Xinhua, https://example.invalid/b'
    )
    expect(run.err).toEqual([])
    expect(run.code).toBe(0)
    expect(run.last).toMatch(/^ev-[0-9a-z]+$/)
    const added = (await listJson(dir)).find((e) => e.id === run.last)
    expect(added).toMatchObject({
      date: '2021-07-24',
      title: '=HYPERLINK("http://x","y") tutoring ban 腾讯',
      category: 'education',
      authority: 'State Council',
      companies: ['tal', 'new-oriental', 'gaotu'],
      tags: ['tutoring', 'ban'],
      summary: 'line one\nline two',
      sources: ['Reuters, 2021-07-24, https://example.invalid/a', 'Xinhua, https://example.invalid/b'],
      noteCount: 0
    })
  })

  it('refuses an unknown ticker with the list of known ones, and adds nothing', async () => {
    const dir = await tempDir()
    const before = (await listJson(dir)).length
    const run = await capwatch(dir, 'events', 'add', '--date', '2021-07-24', '--title', 'T', '--companies', 'BABA,NOPE')
    expectOneLineError(run, 'NOPE', 'Known:', 'BABA', '0700.HK', 'TAL')
    expect(run.out).toEqual([])
    expect(await listJson(dir)).toHaveLength(before)
  })

  it.each([
    [['--date', '2021-02-30', '--title', 'T'], '--date'],
    [['--date', '24/07/2021', '--title', 'T'], '--date'],
    [['--title', 'T'], '--date'],
    [['--date', '2021-07-24'], '--title'],
    [['--date', '2021-07-24', '--title', '   '], '--title'],
    [['--date', '2021-07-24', '--title', 'T', '--category', 'crypto'], '--category'],
    [['--date', '2021-07-24', '--title', 'T', '--authority', 'FBI'], '--authority'],
    [['--date', '2021-07-24', '--title', 'T', '--colour', 'red'], 'colour']
  ])('refuses %j with one line naming %s', async (args, field) => {
    const dir = await tempDir()
    const before = (await listJson(dir)).length
    expectOneLineError(await capwatch(dir, 'events', 'add', ...args), field)
    expect(await listJson(dir)).toHaveLength(before)
  })
})

describe('capwatch notes add', () => {
  it('adds a note to an event and prints the note id last', async () => {
    const dir = await tempDir()
    const id = (await capwatch(dir, 'events', 'add', '--date', '2021-07-24', '--title', 'T')).last
    const run = await capwatch(dir, 'notes', 'add', id, '--text', '+note with formula\nand 中文')
    expect(run.code).toBe(0)
    expect(run.last).toMatch(/^nt-/)
    expect((await listJson(dir)).find((e) => e.id === id)?.noteCount).toBe(1)
  })

  it('refuses a missing event, a missing text, or a missing event id', async () => {
    const dir = await tempDir()
    expectOneLineError(await capwatch(dir, 'notes', 'add', 'ev-nope', '--text', 'x'), 'ev-nope')
    const id = (await capwatch(dir, 'events', 'add', '--date', '2021-07-24', '--title', 'T')).last
    expectOneLineError(await capwatch(dir, 'notes', 'add', id), '--text')
    expectOneLineError(await capwatch(dir, 'notes', 'add', id, '--text', ' '), '--text')
    expectOneLineError(await capwatch(dir, 'notes', 'add', '--text', 'x'), 'notes add EVENT_ID')
    expect((await listJson(dir)).find((e) => e.id === id)?.noteCount).toBe(0)
  })
})

describe('errors name the option the user typed, not the API field', () => {
  it.each([
    [['events', 'add', '--date', '2021-07-24', '--title', 'x'.repeat(301)], '--title: Too big'],
    [['events', 'add', '--date', '2021-07-24', '--title', 'T', '--tags', 'antitrust;fines'], '--tags (item 1): must not contain ";"'],
    [['notes', 'add', '', '--text', 'x'], 'EVENT_ID: ']
  ])('%#: %s', async (args, mention) => {
    const run = await capwatch(await tempDir(), ...(args as string[]))
    expectOneLineError(run, mention)
    expect(run.err[0]).not.toMatch(/events:create|notes:add|fields\.|eventId/)
  })
})

describe('hostile text in titles cannot drive the terminal', () => {
  const hostile = 'Fine \u001b[2J\u001b[31mred\u001b[0m\nFAKE ROW\u202eesrever\u0085\u007f'

  it('events list and events add show control characters as escapes; --json still parses to the exact text', async () => {
    const dir = await tempDir()
    const add = await capwatch(dir, 'events', 'add', '--date', '2021-07-24', '--title', hostile, '--tags', 'a\u0007b')
    expect(add.code).toBe(0)
    const table = await capwatch(dir, 'events', 'list')
    for (const text of [...add.out, ...table.out]) {
      expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/)
    }
    const row = table.out.find((l) => l.includes(add.last))!
    expect(row).toContain('Fine \\x1b[2J\\x1b[31mred\\x1b[0m\\nFAKE ROW')
    expect(table.out.some((l) => l.startsWith('FAKE ROW'))).toBe(false)
    expect(add.out[0]).toContain('Fine \\x1b[2J\\x1b[31mred\\x1b[0m\\nFAKE ROW\\u202eesrever\\u0085\\u007f')
    const stored = (await listJson(dir)).find((e) => e.id === add.last)!
    expect(stored.title).toBe(hostile)
    expect(stored.tags).toEqual(['a\u0007b'])
  })
})
