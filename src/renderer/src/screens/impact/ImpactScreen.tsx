/**
 * Impact: every event x linked company x window with the figures of IMPACT.md, the basket totals
 * per event and a ranking of events by basket change; CSV exports of the impact and market-cap
 * reports. The host computes, sorts, filters and pages the table (impact:view), recomputing after
 * any edit elsewhere; a large workspace shows the computation's progress first. The analyst's
 * choices and where the lists were scrolled survive a visit to another screen.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { windowKey } from '../../../../shared/vocabulary'
import { api, platform } from '../../api/client'
import { useNavigation } from '../../app/navigation'
import { ErrorNote } from '../data/shared/ErrorNote'
import { windowLabel } from '../data/shared/format'
import { BasketRanking } from './BasketRanking'
import { EventImpactPanel } from './EventImpactPanel'
import { ImpactTable } from './ImpactTable'
import { useBenchmarks } from './useBenchmarks'
import { useImpactChoices } from './useImpactChoices'
import { useImpactView, type ImpactQuery } from './useImpactView'
import { useRememberedScroll } from './useRememberedScroll'
import '../data/data.css'
import '../charts/charts.css'
import './impact.css'

export function ImpactScreen() {
  const nav = useNavigation()
  // What the analyst chose here, kept while they visit another screen (useImpactChoices.ts).
  const {
    benchmark,
    setBenchmark,
    windowSel,
    setWindowSel,
    sort,
    setSort,
    filterInputs,
    setFilterInputs,
    filters,
    rankingOrder,
    setRankingOrder,
    rankingOffset,
    setRankingOffset,
    offset,
    setOffset,
    focus,
    setFocus
  } = useImpactChoices()
  // The panel lies below the table (and below the ranking in a narrow window): an event chosen
  // there opened out of sight, as if nothing happened. Bring the panel into view once drawn.
  const panel = useRef<HTMLElement | null>(null)
  const [reveal, setReveal] = useState(0)
  const choose = useCallback(
    (id: string, title: string) => {
      setFocus({ id, title })
      setReveal((n) => n + 1)
    },
    [setFocus]
  )
  // Keyboard users go on from the panel's heading (focus without a second scroll).
  useEffect(() => {
    if (!reveal) return
    panel.current?.scrollIntoView({ block: 'nearest' })
    panel.current?.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true })
  }, [reveal])
  const [exporting, setExporting] = useState<string | null>(null)
  const [exportNote, setExportNote] = useState<string | null>(null)
  const [exportError, setExportError] = useState<unknown>(null)
  const benchmarks = useBenchmarks()
  // The screen's own scroll (the ranking and the event sit below the table).
  const bodyScroll = useRememberedScroll('impact.bodyScroll')

  const query: ImpactQuery = useMemo(
    () => ({ benchmark, window: windowSel, filters, sort, ranking: { window: windowSel, order: rankingOrder, offset: rankingOffset } }),
    [benchmark, windowSel, filters, sort, rankingOrder, rankingOffset]
  )
  const { view, progress, error, loading } = useImpactView(query, offset)

  const windows = useMemo(() => view?.windows ?? [], [view])
  // A window removed on the Market data screen since it was chosen falls back to all windows.
  useEffect(() => {
    if (view && windowSel && !view.windows.some((w) => windowKey(w.a, w.b) === windowSel)) setWindowSel('')
  }, [view, windowSel, setWindowSel])
  // The event in focus may have been renamed on the Events screen meanwhile: its ranking row says.
  const renamed = view?.ranking.rows.find((b) => b.event_id === focus?.id && b.event_title !== focus.title)
  useEffect(() => {
    if (renamed) setFocus({ id: renamed.event_id, title: renamed.event_title })
  }, [renamed, setFocus])
  const rankingWindow = view?.ranking.window ?? null

  const exportReport = async (report: 'impact' | 'marketcap') => {
    setExporting(report)
    setExportError(null)
    setExportNote(null)
    try {
      const res = await api['reports:export'](
        // The table as shown (the one the host already holds): its window, filters and order.
        report === 'impact' ? { report, ...(benchmark ? { benchmark } : {}), view: { ...(windowSel ? { window: windowSel } : {}), filters, sort } } : { report }
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
          <select aria-label="Window" value={windowSel} onChange={(e) => setWindowSel(e.target.value)}>
            <option value="">All windows</option>
            {windows.map((w) => (
              <option key={windowKey(w.a, w.b)} value={windowKey(w.a, w.b)}>
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
        <button
          type="button"
          className="btn"
          onClick={() => exportReport('impact')}
          disabled={exporting !== null || !view || view.total === 0}
          title={view?.total === 0 ? 'No rows match the filters: the file would have only the header' : 'The rows shown, in their order: the window, filters and sort of the table'}
        >
          Export impact CSV
        </button>
        <button type="button" className="btn" onClick={() => exportReport('marketcap')} disabled={exporting !== null}>
          Export market caps CSV
        </button>
        {/* The status gives way (cut short, whole in its title) so the toolbar stays one line where it fits. */}
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
          Money in {view?.currency ?? 'the reporting currency'}
        </span>
      </div>
      <div className="md-body" ref={bodyScroll.restore} onScrollEnd={bodyScroll.onScrollEnd}>
        <ErrorNote error={error} title="Impact not available" />
        <ErrorNote error={exportError} title="Export failed" />
        {progress && (
          <div className="md-progress im-progress" role="status" aria-live="polite">
            <span>
              Computing the impact of {progress.total.toLocaleString('en-US')} events ({progress.done.toLocaleString('en-US')} done,{' '}
              {progress.total ? Math.round((progress.done / progress.total) * 100) : 0} %)…
            </span>
            <progress aria-label="Computing impact" max={Math.max(1, progress.total)} value={progress.done} />
          </div>
        )}
        {view && view.all === 0 && (
          <div className="md-empty">
            <p>No impact rows yet: events need linked companies with imported prices and shares outstanding.</p>
            <button type="button" className="btn" onClick={() => nav.go({ screen: 'data' })}>
              Go to Market data
            </button>
          </div>
        )}
        {view && view.all > 0 && (
          <div className="im-layout" data-testid="impact" data-state={loading || progress ? 'loading' : 'ready'}>
            <ImpactTable
              rows={view.rows}
              offset={view.offset}
              total={view.total}
              all={view.all}
              currency={view.currency}
              sort={sort}
              onSort={setSort}
              filters={filterInputs}
              onFilters={setFilterInputs}
              onOffset={setOffset}
              onOpen={choose}
              selected={focus?.id ?? null}
            />
            <div className="im-lower">
              {rankingWindow && (
                <BasketRanking
                  rows={view.ranking.rows}
                  offset={view.ranking.offset}
                  total={view.ranking.total}
                  onOffset={setRankingOffset}
                  order={rankingOrder}
                  onOrder={setRankingOrder}
                  currency={view.currency}
                  window={rankingWindow}
                  selected={focus?.id ?? null}
                  onSelect={choose}
                />
              )}
              <section className={`md-card im-event${focus ? ' im-event-open' : ''}`} aria-label="Selected event" ref={panel}>
                {focus ? (
                  <>
                    <header className="md-card-head">
                      <h3 className="md-clip" title={focus.title} tabIndex={-1}>
                        {focus.title}
                      </h3>
                      <button type="button" className="btn btn-small" onClick={() => nav.go({ screen: 'events', eventId: focus.id })}>
                        Open in Events
                      </button>
                    </header>
                    <EventImpactPanel eventId={focus.id} />
                  </>
                ) : (
                  <p className="md-empty">Choose an event in the ranking, or a row of the table, to see its companies around the event.</p>
                )}
              </section>
            </div>
          </div>
        )}
      </div>
    </section>
  )
}
