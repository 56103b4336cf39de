/**
 * The `notes` report: one row per note, with its event's date and title beside it. Notes are
 * grouped by event, in the table's current order when `request.query` is given (else by date),
 * and oldest first within an event.
 */
import { eventDateText } from '../../../shared/dates'
import type { CsvValue } from '../csv/write'
import { isIdentity, pickColumns } from './columns'
import type { ReportBuilder } from './types'

export const NOTES_REPORT_COLUMNS = ['note_id', 'event_id', 'event_date', 'event_title', 'created_at', 'updated_at', 'text'] as const

export const notesReport: ReportBuilder = (core, request) => {
  const events = core.events.list(request.query ?? {})
  const picked = pickColumns('notes', NOTES_REPORT_COLUMNS, request.columns)
  let count = 0
  for (const e of events) count += core.store.events.notesOf(e.id).length
  const all = isIdentity(picked, NOTES_REPORT_COLUMNS.length)
  function* rows(): Generator<CsvValue[]> {
    for (const e of events) {
      for (const n of core.notes.chronological(e.id)) {
        const full = [n.id, e.id, eventDateText(e), e.title, n.createdAt, n.updatedAt, n.text]
        yield all ? full : picked.map((i) => full[i])
      }
    }
  }
  return { header: picked.map((i) => NOTES_REPORT_COLUMNS[i]), rows: rows(), count }
}
