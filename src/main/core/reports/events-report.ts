/**
 * The `events` report: one row per event, with its companies, tags, sources and notes in single
 * cells. Rows follow the table's current view (`request.query`: search, filters, sort) when
 * given, else every event by date. Built for 100k events with 200k notes: company labels are
 * looked up once, and each cell is computed only when its column is exported.
 */
import { eventDateText } from '../../../shared/dates'
import type { Note, PolicyEvent } from '../../../shared/domain'
import type { CsvValue } from '../csv/write'
import { companyLabel } from '../companies'
import type { Core } from '../core'
import { isIdentity, pickColumns } from './columns'
import type { ReportBuilder } from './types'

export const EVENTS_REPORT_COLUMNS = [
  'id',
  'date',
  'title',
  'category',
  'authority',
  'companies',
  'tags',
  'summary',
  'sources',
  'note_count',
  'notes'
] as const

/** Between list items in one cell (companies, tags: neither can hold ";"). */
export const LIST_SEPARATOR = '; '
/**
 * Between sources: a line apart, as the app lists them. A citation may hold ";" (a title, a URL's
 * parameters) but never a line break, so the cell splits back into exactly its sources.
 */
export const SOURCE_SEPARATOR = '\n'
/** Between notes in the `notes` cell: a blank line, so each note reads as its own paragraph. */
export const NOTE_SEPARATOR = '\n\n'

/** Company id -> how reports name it (first ticker, else name), built once per export. */
export function companyLabels(core: Core): Map<string, string> {
  const labels = new Map<string, string>()
  for (const c of core.store.companies.list()) labels.set(c.id, companyLabel(c, c.id))
  return labels
}

export function joinList(items: readonly string[], separator = LIST_SEPARATOR): string {
  if (items.length === 0) return ''
  let s = items[0]
  for (let i = 1; i < items.length; i++) s += separator + items[i]
  return s
}

/** The notes cell: their texts oldest first, a blank line apart. */
function notesCell(notes: readonly Note[]): string {
  if (notes.length === 0) return ''
  let s = notes[0].text
  for (let i = 1; i < notes.length; i++) s += NOTE_SEPARATOR + notes[i].text
  return s
}

function joinCompanies(ids: readonly string[], labels: Map<string, string>): string {
  if (ids.length === 0) return ''
  let s = labels.get(ids[0]) ?? ids[0]
  for (let i = 1; i < ids.length; i++) s += LIST_SEPARATOR + (labels.get(ids[i]) ?? ids[i])
  return s
}

export const eventsReport: ReportBuilder = (core, request) => {
  const events = core.events.list(request.query ?? {})
  const picked = pickColumns('events', EVENTS_REPORT_COLUMNS, request.columns)
  const labels = companyLabels(core)
  const all = isIdentity(picked, EVENTS_REPORT_COLUMNS.length)
  const fullRow = (e: PolicyEvent): CsvValue[] => {
    const notes = core.notes.chronological(e.id)
    return [
      e.id,
      eventDateText(e),
      e.title,
      e.category,
      e.authority,
      joinCompanies(e.companies, labels),
      joinList(e.tags),
      e.summary,
      joinList(e.sources, SOURCE_SEPARATOR),
      notes.length,
      notesCell(notes)
    ]
  }
  // With a subset of columns, compute only those (the notes cell is most of the work).
  const cellOf = (e: PolicyEvent, column: number): CsvValue => {
    switch (column) {
      case 0:
        return e.id
      case 1:
        return eventDateText(e)
      case 2:
        return e.title
      case 3:
        return e.category
      case 4:
        return e.authority
      case 5:
        return joinCompanies(e.companies, labels)
      case 6:
        return joinList(e.tags)
      case 8:
        return joinList(e.sources, SOURCE_SEPARATOR)
      case 9:
        return core.store.events.notesOf(e.id).length
      case 7:
        return e.summary
      default:
        return notesCell(core.notes.chronological(e.id))
    }
  }
  const width = picked.length
  function* rows(): Generator<CsvValue[]> {
    if (all) {
      for (const e of events) yield fullRow(e)
      return
    }
    for (const e of events) {
      const row = new Array<CsvValue>(width)
      for (let i = 0; i < width; i++) row[i] = cellOf(e, picked[i])
      yield row
    }
  }
  return { header: picked.map((i) => EVENTS_REPORT_COLUMNS[i]), rows: rows(), count: events.length }
}
