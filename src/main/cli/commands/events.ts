/**
 * `capwatch events list|add` and `capwatch notes add`: the timeline from a script. Every command
 * goes through the contract (the same handlers as the app), so the CLI cannot write anything the
 * app would refuse; this file only turns flags into requests and checks them first, so that a
 * mistake is reported under the flag's name.
 */
import type { EventRow } from '../../../shared/api'
import { AUTHORITIES, CATEGORIES, type Authority, type Category } from '../../../shared/domain'
import { eventDateText } from '../../../shared/dates'
import { ApiError } from '../../../shared/errors'
import { call } from '../../core/dispatch'
import { companyLabel } from '../../core/companies'
import type { CliCommand, CliContext } from '../command'
import { dateOption, formatTable, printable, splitList, stringOption } from '../format'

/** The contract caps a page; the CLI pages through every event. */
const PAGE = 5000

async function allEvents(ctx: CliContext): Promise<{ total: number; rows: EventRow[] }> {
  const rows: EventRow[] = []
  for (;;) {
    const page = await call(ctx.handlers, 'events:query', { offset: rows.length, limit: PAGE })
    rows.push(...page.rows)
    if (page.rows.length < PAGE || rows.length >= page.matched) return { total: page.total, rows }
  }
}

const list: CliCommand = {
  words: ['events', 'list'],
  summary: 'List every event by date (a table, or JSON with --json)',
  usage: 'events list [--json]',
  help: '  --json   print a JSON array of the events (all fields, plus noteCount)',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    const { rows } = await allEvents(ctx)
    if (ctx.options.json) {
      ctx.out(JSON.stringify(rows, null, 2))
      return
    }
    if (rows.length === 0) {
      ctx.out('No events yet. Add one with: capwatch events add --date YYYY-MM-DD --title T')
      return
    }
    const companies = await call(ctx.handlers, 'companies:list', {})
    const labels = new Map(companies.map((c) => [c.id, companyLabel(c, c.id)]))
    const table = formatTable(
      ['DATE', 'ID', 'CATEGORY', 'TITLE', 'COMPANIES'],
      // "2020-10" when only the month is known, as the app and the reports write it.
      rows.map((e) => [eventDateText(e), e.id, e.category, e.title, e.companies.map((c) => labels.get(c) ?? c).join(', ')]),
      { 3: 60 }
    )
    for (const line of table) ctx.out(line)
    ctx.out(`${rows.length} event${rows.length === 1 ? '' : 's'}`)
  }
}

/** A category by id (`data_security`) or label (`Data security`), any case. */
export function parseCategory(text: string): Category {
  const t = text.trim().toLowerCase()
  const hit = CATEGORIES.find(([id, label]) => id === t || label.toLowerCase() === t || id.replace('_', ' ') === t)
  if (!hit) throw new ApiError('invalid_input', `--category: unknown category "${text}". Choose one of: ${CATEGORIES.map((c) => c[0]).join(', ')}`)
  return hit[0]
}

export function parseAuthority(text: string): Authority {
  const t = text.trim().toLowerCase()
  const hit = AUTHORITIES.find((a) => a.toLowerCase() === t)
  if (!hit) throw new ApiError('invalid_input', `--authority: unknown authority "${text}". Choose one of: ${AUTHORITIES.join(', ')}`)
  return hit
}

const add: CliCommand = {
  words: ['events', 'add'],
  summary: 'Add an event; prints its id alone on the last line',
  usage:
    'events add --date YYYY-MM-DD --title T [--category C] [--authority A] [--companies BABA,0700.HK] [--tags a,b] [--summary S] [--source S]',
  help: [
    '  --date YYYY-MM-DD  the day of the event (required)',
    '  --title T          what happened, in one line (required)',
    `  --category C       one of: ${CATEGORIES.map((c) => c[0]).join(', ')} (default other)`,
    `  --authority A      one of: ${AUTHORITIES.join(', ')} (default Other)`,
    '  --companies LIST   tickers (or company ids) of the companies it touches, comma-separated',
    '  --tags LIST        comma-separated tags',
    '  --summary S        a longer description',
    '  --source S         a citation (publisher, date, URL); repeat for several'
  ].join('\n'),
  options: {
    date: { type: 'string' },
    title: { type: 'string' },
    category: { type: 'string' },
    authority: { type: 'string' },
    companies: { type: 'string' },
    tags: { type: 'string' },
    summary: { type: 'string' },
    source: { type: 'string', multiple: true }
  },
  fields: {
    'fields.date': '--date',
    'fields.title': '--title',
    'fields.category': '--category',
    'fields.authority': '--authority',
    'fields.companies': '--companies',
    'fields.tags': '--tags',
    'fields.summary': '--summary',
    'fields.sources': '--source'
  },
  async run(ctx) {
    const date = stringOption(ctx, 'date')
    const title = stringOption(ctx, 'title')
    if (date === undefined) throw new ApiError('invalid_input', '--date is required (YYYY-MM-DD)')
    dateOption('date', date)
    if (title === undefined || title.trim() === '') throw new ApiError('invalid_input', '--title is required and must not be empty')
    const category = stringOption(ctx, 'category')
    const authority = stringOption(ctx, 'authority')
    const companies = stringOption(ctx, 'companies')
    const tags = stringOption(ctx, 'tags')
    const summary = stringOption(ctx, 'summary')
    const sources = (ctx.options.source as string[] | undefined) ?? []
    const fields = {
      date,
      title,
      ...(category !== undefined ? { category: parseCategory(category) } : {}),
      ...(authority !== undefined ? { authority: parseAuthority(authority) } : {}),
      // Tickers are how the analyst names companies; events link them by id.
      companies: companies !== undefined ? ctx.core.companies.resolve(splitList(companies)) : [],
      tags: tags !== undefined ? splitList(tags) : [],
      ...(summary !== undefined ? { summary } : {}),
      sources: sources.map((s) => s.trim()).filter(Boolean)
    }
    const event = await call(ctx.handlers, 'events:create', { fields })
    ctx.out(`Added event on ${event.date}: ${printable(event.title)}`)
    ctx.out(event.id)
  }
}

const addNote: CliCommand = {
  words: ['notes', 'add'],
  summary: 'Add a note (markdown) to an event; prints the note id alone on the last line',
  usage: 'notes add EVENT_ID --text T',
  help: '  EVENT_ID   the event (see capwatch events list)\n  --text T   the note, in markdown (required)',
  options: { text: { type: 'string' } },
  positionals: 1,
  fields: { eventId: 'EVENT_ID', text: '--text' },
  async run(ctx) {
    const text = stringOption(ctx, 'text')
    if (text === undefined || text.trim() === '') throw new ApiError('invalid_input', '--text is required and must not be empty')
    const note = await call(ctx.handlers, 'notes:add', { eventId: ctx.args[0], text })
    ctx.out(`Added a note to ${note.eventId}`)
    ctx.out(note.id)
  }
}

export const eventCommands: CliCommand[] = [list, add, addNote]
