/**
 * Hostile or broken edits through the contract: what a buggy page, a tampered IPC call or a bad
 * script could send to `events:update` (and its neighbours for notes and companies). Each is
 * refused with a typed error naming the field, nothing of it is written (not even the valid part
 * of a patch), and the core goes on answering.
 */
import { describe, expect, it } from 'vitest'
import type { MethodName } from '../../../shared/api'
import { expectRefused, openBench, type Bench, type WhereExpected } from './corpus-kit'

interface EditCase {
  what: string
  method: MethodName
  /** The input, given the id of a real event (and of its note). */
  input: (ids: { event: string; note: string; company: string }) => unknown
  want: WhereExpected
}

const update = (patch: Record<string, unknown>) => (ids: { event: string }) => ({ id: ids.event, patch: { summary: 'a valid change riding along', ...patch } })
const tooBig = (max: number) => `Too big: expected string to have <=${max} characters`

const CASES: EditCase[] = [
  // events:update: each field's rule, named by its path
  { what: 'an empty title', method: 'events:update', input: update({ title: '' }), want: { field: 'patch.title', message: 'patch.title: must not be empty' } },
  { what: 'a title of blanks', method: 'events:update', input: update({ title: ' \t\r\n ' }), want: { field: 'patch.title', message: 'must not be empty' } },
  { what: 'a 10,000-character title', method: 'events:update', input: update({ title: 'x'.repeat(10_000) }), want: { field: 'patch.title', message: tooBig(300) } },
  { what: 'a summary over 10,000 characters', method: 'events:update', input: update({ summary: 'x'.repeat(10_001) }), want: { field: 'patch.summary', message: tooBig(10_000) } },
  { what: 'an impossible date (2021-02-30)', method: 'events:update', input: update({ date: '2021-02-30' }), want: { field: 'patch.date', message: 'must be a real calendar date as YYYY-MM-DD' } },
  { what: 'an impossible month (2021-13-01)', method: 'events:update', input: update({ date: '2021-13-01' }), want: { field: 'patch.date', message: 'must be a real calendar date' } },
  { what: 'a day-first date', method: 'events:update', input: update({ date: '30/01/2021' }), want: { field: 'patch.date', message: 'must be a real calendar date' } },
  { what: 'an unknown company id', method: 'events:update', input: update({ companies: ['no-such-company'] }), want: { field: 'companies', message: 'Unknown company: no-such-company' } },
  { what: 'a company id with a path in it', method: 'events:update', input: update({ companies: ['../../capwatch.json'] }), want: { field: 'patch.companies.0', message: 'must be letters, digits' } },
  { what: 'a title that is a number', method: 'events:update', input: update({ title: 42 }), want: { field: 'patch.title', message: 'expected string, received number' } },
  { what: 'companies as a string', method: 'events:update', input: update({ companies: 'BABA' }), want: { field: 'patch.companies', message: 'expected array, received string' } },
  { what: 'tags that are numbers', method: 'events:update', input: update({ tags: [1, 2] }), want: { field: 'patch.tags.0', message: 'expected string, received number' } },
  { what: 'a date that is a number', method: 'events:update', input: update({ date: 20210101 }), want: { field: 'patch.date', message: 'expected string, received number' } },
  { what: 'a category not on the list', method: 'events:update', input: update({ category: 'bribery' }), want: { field: 'patch.category' } },
  { what: 'a date precision not on the list', method: 'events:update', input: update({ datePrecision: 'year' }), want: { field: 'patch.datePrecision' } },
  { what: '51 sources', method: 'events:update', input: update({ sources: Array.from({ length: 51 }, (_, i) => `s${i}`) }), want: { field: 'patch.sources' } },
  { what: 'a null patch', method: 'events:update', input: (ids) => ({ id: ids.event, patch: null }), want: { field: 'patch', message: 'expected object, received null' } },
  // Fields a caller must not set, and fields that do not exist.
  { what: 'an extra field', method: 'events:update', input: update({ hacked: true }), want: { field: 'patch', message: 'Unrecognized key: "hacked"' } },
  { what: 'a stored-only field (createdAt)', method: 'events:update', input: update({ createdAt: '1970-01-01T00:00:00.000Z' }), want: { field: 'patch', message: 'Unrecognized key: "createdAt"' } },
  { what: 'a patched id', method: 'events:update', input: update({ id: 'ev-other' }), want: { field: 'patch', message: 'Unrecognized key: "id"' } },
  { what: 'an extra top-level field', method: 'events:update', input: (ids) => ({ id: ids.event, patch: {}, asAdmin: true }), want: { field: '(input)', message: 'Unrecognized key: "asAdmin"' } },
  { what: 'a __proto__ key from JSON', method: 'events:update', input: (ids) => JSON.parse(`{"id":"${ids.event}","patch":{"__proto__":{"title":""}}}`), want: { field: 'patch', message: '__proto__' } },
  { what: 'an event that does not exist', method: 'events:update', input: () => ({ id: 'ev-nope', patch: { title: 'x' } }), want: { code: 'not_found', field: 'id', message: 'No event with id ev-nope' } },
  { what: 'an id with a path in it', method: 'events:update', input: () => ({ id: '../capwatch', patch: { title: 'x' } }), want: { field: 'id', message: 'must be letters, digits' } },
  { what: 'no input at all', method: 'events:update', input: () => undefined, want: { field: '(input)' } },
  { what: 'an array for input', method: 'events:update', input: () => [], want: { field: '(input)', message: 'expected object, received array' } },

  // notes
  { what: 'a note of blanks', method: 'notes:add', input: (ids) => ({ eventId: ids.event, text: '  \n\t ' }), want: { field: 'text', message: 'text: must not be empty' } },
  { what: 'a note over 100,000 characters', method: 'notes:update', input: (ids) => ({ id: ids.note, text: 'x'.repeat(100_001) }), want: { field: 'text', message: tooBig(100_000) } },
  { what: 'a note on an event that does not exist', method: 'notes:add', input: () => ({ eventId: 'ev-nope', text: 'x' }), want: { code: 'not_found', field: 'eventId', message: 'No event with id ev-nope' } },
  { what: 'an edit of a note that does not exist', method: 'notes:update', input: () => ({ id: 'nt-nope', text: 'x' }), want: { code: 'not_found', field: 'id', message: 'No note with id nt-nope' } },

  // companies
  { what: 'a company without a name', method: 'companies:update', input: (ids) => ({ id: ids.company, patch: { name: ' ' } }), want: { field: 'patch.name', message: 'must not be empty' } },
  {
    what: 'a formula for a listing ticker',
    method: 'companies:update',
    input: (ids) => ({ id: ids.company, patch: { listings: [{ ticker: "=cmd|' /C calc'!A0" }] } }),
    want: { field: 'patch.listings.0.ticker', message: 'must be letters, digits, . ^ = _ or -' }
  },
  {
    what: "another company's ticker",
    method: 'companies:update',
    input: (ids) => ({ id: ids.company, patch: { listings: [{ ticker: 'BABA' }] } }),
    want: { code: 'conflict', field: 'listings.ticker', message: 'Ticker BABA already belongs to Alibaba' }
  },
  { what: 'a company that does not exist', method: 'companies:update', input: () => ({ id: 'nope', patch: { name: 'x' } }), want: { code: 'not_found', field: 'id', message: 'No company with id nope' } },
  {
    what: 'negative shares outstanding',
    method: 'shares:set',
    input: () => ({ ticker: 'PDD', rows: [{ date: '2021-01-04', shares: -1 }] }),
    want: { field: 'rows.0.shares', message: 'must be more than zero' }
  }
]

/** A real event of the starter workspace, with a note on it, and a company it does not list. */
async function targets(bench: Bench) {
  const event = (await bench.call('events:query', { limit: 1 })).rows[0]
  const note = await bench.call('notes:add', { eventId: event.id, text: 'the note a hostile edit aims at' })
  const company = (await bench.call('companies:list', {})).find((c) => c.name.startsWith('Tencent'))!
  return { event: event.id, note: note.id, company: company.id }
}

describe('hostile edits are refused with the field named, and write nothing', () => {
  for (const c of CASES) {
    it(`${c.method}: ${c.what}`, async () => {
      const bench = await openBench()
      const ids = await targets(bench)
      const before = (await bench.call('events:get', { id: ids.event })).event
      await expectRefused(bench, () => bench.call(c.method, c.input(ids)), c.want)
      // Not even the valid part of the patch was applied.
      expect((await bench.call('events:get', { id: ids.event })).event).toEqual(before)
    })
  }
})
