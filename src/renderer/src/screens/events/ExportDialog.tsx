/**
 * Export… : the events or notes report as CSV, in the dialect a spreadsheet wants, for all
 * events or only the table's current view (its search, filters and order), and optionally only
 * the visible columns. Saved through the platform: a save dialog on the desktop, a download here.
 */
import { useId, useState } from 'react'
import type { EventQuery, ExportRequest } from '../../../../shared/api'
import { api, platform } from '../../api/client'
import { Dialog } from '../../components/Dialog'
import { errorText } from '../../components/error-text'
import { formatCount, plural } from '../../components/format'
import { useToast } from '../../components/Toast'

interface Props {
  /** The table's current view. */
  query: EventQuery
  /** Events in the current view. */
  matched: number
  total: number
  /** Report columns of the table's visible columns, in table order. */
  visibleColumns: string[]
  onClose: () => void
}

export function ExportDialog({ query, matched, total, visibleColumns, onClose }: Props) {
  const toast = useToast()
  const filtered = matched !== total
  const [report, setReport] = useState<'events' | 'notes'>('events')
  const [delimiter, setDelimiter] = useState<',' | ';'>(',')
  const [bom, setBom] = useState(false)
  const [onlyView, setOnlyView] = useState(filtered)
  const [onlyVisible, setOnlyVisible] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  // A file of nothing but the header is never what was meant: say why instead of writing it.
  const nothingId = useId()
  const nothing = total === 0 ? 'There are no events yet: the file would have only the header' : onlyView && matched === 0 ? 'No events match: the file would have only the header' : null

  const run = async () => {
    if (nothing) return
    setBusy(true)
    setError(null)
    const request: ExportRequest = { report, dialect: { bom, delimiter } }
    if (onlyView) request.query = query
    if (report === 'events' && onlyVisible) request.columns = visibleColumns
    try {
      const result = await api['reports:export'](request)
      const saved = await platform.saveFile(result.filename, result.csv)
      if (saved.saved) {
        toast({ message: `Exported ${plural(result.rows, 'row')} to ${saved.path ?? result.filename}` })
        onClose()
      } else setBusy(false)
    } catch (e) {
      setError(errorText(e))
      setBusy(false)
    }
  }

  return (
    <Dialog
      title="Export"
      onClose={onClose}
      onSubmit={run}
      className="export-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !!nothing} aria-describedby={nothing ? nothingId : undefined}>
            {busy ? 'Exporting…' : 'Export CSV'}
          </button>
        </>
      }
    >
      <fieldset className="choice-group">
        <legend>Report</legend>
        <label>
          <input type="radio" name="report" checked={report === 'events'} onChange={() => setReport('events')} />
          Events <span className="muted">one row per event, with its notes</span>
        </label>
        <label>
          <input type="radio" name="report" checked={report === 'notes'} onChange={() => setReport('notes')} />
          Notes <span className="muted">one row per note</span>
        </label>
      </fieldset>
      <fieldset className="choice-group">
        <legend>Delimiter</legend>
        <label>
          <input type="radio" name="delimiter" checked={delimiter === ','} onChange={() => setDelimiter(',')} />
          Comma
        </label>
        <label>
          <input type="radio" name="delimiter" checked={delimiter === ';'} onChange={() => setDelimiter(';')} />
          Semicolon <span className="muted">for spreadsheets set to a decimal comma</span>
        </label>
      </fieldset>
      <fieldset className="choice-group">
        <legend>Options</legend>
        <label>
          <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
          Add BOM for Excel <span className="muted">so Excel reads Chinese text correctly</span>
        </label>
        <label>
          <input type="checkbox" checked={onlyView} onChange={(e) => setOnlyView(e.target.checked)} />
          Only the {formatCount(matched)} {matched === 1 ? 'event' : 'events'} in the current view
        </label>
        <label className={report !== 'events' ? 'is-disabled' : undefined}>
          <input type="checkbox" disabled={report !== 'events'} checked={onlyVisible && report === 'events'} onChange={(e) => setOnlyVisible(e.target.checked)} />
          Only visible columns
        </label>
      </fieldset>
      {nothing && (
        <p id={nothingId} className="form-error" role="status">
          {nothing}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}
