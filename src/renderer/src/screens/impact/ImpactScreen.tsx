/**
 * Impact: every event x linked company x window with the figures of IMPACT.md, the basket totals
 * per event and a ranking of events by basket change; CSV exports of the impact and market-cap
 * reports. Recomputed by the core each time the screen asks (after any edit elsewhere).
 */
import { useMemo, useState } from 'react'
import { api, platform } from '../../api/client'
import { useNavigation } from '../../app/navigation'
import { ErrorNote } from '../data/shared/ErrorNote'
import { windowLabel } from '../data/shared/format'
import { useAsync } from '../data/shared/useAsync'
import { BasketRanking } from './BasketRanking'
import { EventImpactPanel } from './EventImpactPanel'
import { ImpactTable } from './ImpactTable'
import { useBenchmarks } from './useBenchmarks'
import '../data/data.css'
import '../charts/charts.css'
import './impact.css'

export function ImpactScreen() {
  const nav = useNavigation()
  const [benchmark, setBenchmark] = useState('')
  const [focusEvent, setFocusEvent] = useState<string | null>(null)
  const [windowSel, setWindowSel] = useState('')
  const [exporting, setExporting] = useState<string | null>(null)
  const [exportNote, setExportNote] = useState<string | null>(null)
  const [exportError, setExportError] = useState<unknown>(null)
  const benchmarks = useBenchmarks()
  const table = useAsync(() => api['impact:table'](benchmark ? { benchmark } : {}), `impact|${benchmark}`)
  const data = table.data
  const windows = useMemo(() => data?.windows ?? [], [data])
  // A window removed on the Market data screen since it was chosen falls back to all windows.
  const shownWindow = windows.some((w) => `${w.a}:${w.b}` === windowSel) ? windowSel : ''
  const rankingWindow = useMemo(() => {
    const [a, b] = shownWindow.split(':').map(Number)
    return shownWindow ? { a, b } : windows[0]
  }, [shownWindow, windows])

  const exportReport = async (report: 'impact' | 'marketcap') => {
    setExporting(report)
    setExportError(null)
    setExportNote(null)
    try {
      const res = await api['reports:export'](
        report === 'impact' ? { report, windows, ...(benchmark ? { benchmark } : {}) } : { report }
      )
      const saved = await platform.saveFile(res.filename, res.csv)
      if (saved.saved) setExportNote(`${res.filename}: ${res.rows.toLocaleString('en-US')} rows${saved.path ? ` saved to ${saved.path}` : ''}.`)
    } catch (e) {
      setExportError(e)
    } finally {
      setExporting(null)
    }
  }

  return (
    <section className="screen" aria-label="Impact">
      <div className="toolbar ch-toolbar im-toolbar" role="toolbar" aria-label="Impact">
        <h1 className="screen-title">Impact</h1>
        <label>
          Window
          <select aria-label="Window" value={shownWindow} onChange={(e) => setWindowSel(e.target.value)}>
            <option value="">All windows</option>
            {windows.map((w) => (
              <option key={`${w.a}:${w.b}`} value={`${w.a}:${w.b}`}>
                {windowLabel(w)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Benchmark
          <select aria-label="Benchmark" value={benchmark} onChange={(e) => setBenchmark(e.target.value)}>
            <option value="">Each company's default</option>
            {benchmarks.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" onClick={() => exportReport('impact')} disabled={exporting !== null || !data}>
          Export impact CSV
        </button>
        <button type="button" className="btn" onClick={() => exportReport('marketcap')} disabled={exporting !== null}>
          Export market caps CSV
        </button>
        {/* The status gives way (cut short, whole in its title) so the toolbar stays one line. */}
        {exporting && (
          <span role="status" className="im-status">
            Exporting {exporting}…
          </span>
        )}
        {exportNote && (
          <span role="status" className="md-ok im-status" title={exportNote}>
            {exportNote}
          </span>
        )}
        <span className="toolbar-spacer" />
        <span className="muted im-currency" title="Windows are edited on the Market data screen">
          Money in {data?.currency ?? 'the reporting currency'}
        </span>
      </div>
      <div className="md-body">
        <ErrorNote error={table.error} title="Impact not available" />
        <ErrorNote error={exportError} title="Export failed" />
        {data && data.rows.length === 0 && (
          <div className="md-empty">
            <p>No impact rows yet: events need linked companies with imported prices and shares outstanding.</p>
            <button type="button" className="btn" onClick={() => nav.go({ screen: 'data' })}>
              Go to Market data
            </button>
          </div>
        )}
        {data && data.rows.length > 0 && (
          <div className="im-layout" data-testid="impact" data-state={table.loading ? 'loading' : 'ready'}>
            <ImpactTable rows={data.rows} currency={data.currency} window={shownWindow} />
            <div className="im-lower">
              {rankingWindow && <BasketRanking baskets={data.baskets} currency={data.currency} window={rankingWindow} selected={focusEvent} onSelect={setFocusEvent} />}
              <section className="md-card im-event" aria-label="Selected event">
                {focusEvent ? (
                  <>
                    <header className="md-card-head">
                      <h3 className="md-clip" title={data.baskets.find((b) => b.event_id === focusEvent)?.event_title}>
                        {data.baskets.find((b) => b.event_id === focusEvent)?.event_title ?? focusEvent}
                      </h3>
                      <button type="button" className="btn btn-small" onClick={() => nav.go({ screen: 'events', eventId: focusEvent })}>
                        Open in Events
                      </button>
                    </header>
                    <EventImpactPanel eventId={focusEvent} />
                  </>
                ) : (
                  <p className="md-empty">Choose an event in the ranking to see its companies around the event.</p>
                )}
              </section>
            </div>
          </div>
        )}
      </div>
    </section>
  )
}
