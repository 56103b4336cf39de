/**
 * Market cap over time for the chosen companies, with every event as a marker. Modes: absolute
 * (reporting currency), indexed to 100 at a date, drawdown from peak; linear or log; zoom with the
 * brush or by dragging across the plot (re-fetched at full resolution on release); a hover
 * read-out of each line's value; a legend that toggles series; PNG export. What the analyst set
 * up (mode, index date, scale, hidden categories and series, zoom) is remembered while they visit
 * other screens (app/remembered.ts).
 */
import { useMemo, useRef, useState } from 'react'
import { api } from '../../api/client'
import { useNavigation } from '../../app/navigation'
import { useRemembered } from '../../app/remembered'
import { IsoDateInput } from '../../components/IsoDateInput'
import type { ChartData, ChartMode } from '../../../../shared/market'
import { dayFromIso, isoFromDay, isIsoDate } from '../../../../shared/dates'
import { ErrorNote } from '../data/shared/ErrorNote'
import { money } from '../data/shared/format'
import { useAsync } from '../data/shared/useAsync'
import { CategoryToggles } from './CategoryToggles'
import { forChosen, groupMarkers, lateStarts, timeline, toLines, type Line } from './chart-data'
import { createDragZoom, DragBand, type PlotSpan } from './drag-zoom'
import { MarketCapChart, PLOT_INSET, plotHeight } from './MarketCapChart'
import { createHoverStore } from './marker-hover'
import { MarkerTooltip } from './MarkerTooltip'
import { OverviewBrush } from './OverviewBrush'
import { seriesColor } from './palette'
import { exportChartPng } from './png-export'
import { createPointerStore } from './pointer-store'
import type { ReadoutLine } from './readout'
import { SeriesLegend } from './SeriesLegend'
import { useChartRange } from './useChartRange'
import { useWidth } from './useWidth'
import { axisFormatter, readoutFormatter, valueAxis } from './value-axis'

const HEIGHT = 460
const MODE_LABELS: Record<ChartMode, string> = { absolute: 'Absolute', indexed: 'Indexed to 100', drawdown: 'Drawdown from peak' }

/** The lines the legend has not hidden, with their colours: what the read-out and the brush show. */
function visibleLines(lines: Line[], hidden: ReadonlySet<string>, colorIndex: Map<string, number>): ReadoutLine[] {
  return lines.filter((l) => !hidden.has(l.id)).map((l) => ({ id: l.id, ticker: l.ticker, color: seriesColor(colorIndex.get(l.id) ?? 0), points: l.points }))
}

export function MarketCapView({ companyIds, names }: { companyIds: string[]; names: Map<string, string> }) {
  const [boxRef, width, box] = useWidth<HTMLDivElement>()
  const [mode, setMode] = useRemembered<ChartMode>('charts.marketcap.mode', 'absolute')
  const [indexDate, setIndexDate] = useRemembered('charts.marketcap.indexDate', '')
  const [log, setLog] = useRemembered('charts.marketcap.log', false)
  const [offCats, setOffCats] = useRemembered<Set<string>>('charts.marketcap.offCategories', new Set())
  const [hidden, setHidden] = useRemembered<Set<string>>('charts.marketcap.hidden', new Set())
  const [exportError, setExportError] = useState<unknown>(null)
  const [readoutHost, setReadoutHost] = useState<HTMLDivElement | null>(null)

  // One point per pixel, in 50px steps so small resizes do not refetch.
  const maxPoints = Math.max(100, Math.ceil(width / 50) * 50)
  const validIndex = mode !== 'indexed' || isIsoDate(indexDate)
  const base = { companyIds, mode, ...(mode === 'indexed' ? { indexDate } : {}), maxPoints }
  const baseKey = JSON.stringify(base)
  const ready = width > 0 && companyIds.length > 0 && validIndex
  const full = useAsync(ready ? () => api['chart:marketcap'](base) : null, baseKey)
  // useAsync keeps its last answer while the next loads, and keeps it too when nothing is asked
  // (no company chosen): only what is for the chosen companies is drawn, so a removed company's
  // line goes with the click, not with the next answer.
  const chosen = useMemo(() => new Set(companyIds), [companyIds])
  const fullData = useMemo(() => (full.data && chosen.size > 0 ? forChosen(full.data, chosen) : undefined), [full.data, chosen])

  const fullLines = useMemo(() => (fullData ? toLines(fullData.series) : []), [fullData])
  const days = useMemo(() => timeline(fullLines), [fullLines])
  // The companies this answer is for (a line or a reason each), whatever the mode.
  const answerFor = useMemo(() => (fullData ? [...fullData.series.map((s) => s.companyId), ...fullData.missing.map((m) => m.companyId)].sort().join(',') : ''), [fullData])
  const range = useChartRange(days, fullData?.events ?? [], answerFor, 'charts.marketcap')
  const { xDomain, zoom } = range
  const detail = useAsync(ready && zoom ? () => api['chart:marketcap']({ ...base, ...zoom }) : null, `${baseKey}|${JSON.stringify(zoom)}`)
  const detailData = useMemo(() => (detail.data && fullData ? forChosen(detail.data, chosen) : undefined), [detail.data, fullData, chosen])

  // The zoomed answer only while the range in view lies inside it (while a handle is dragged
  // outward, the full answer draws the new part until the release refetches).
  const detailCovers = zoom !== null && xDomain[0] >= dayFromIso(zoom.from) && xDomain[1] <= dayFromIso(zoom.to)
  const view: ChartData | undefined = detailCovers && detailData ? detailData : fullData
  const lines = useMemo(() => (view === fullData ? fullLines : view ? toLines(view.series) : []), [view, fullData, fullLines])
  const colorIndex = useMemo(() => new Map(companyIds.map((id, i) => [id, i])), [companyIds])
  const useLog = log && mode !== 'drawdown'
  const yAxis = useMemo(() => valueAxis(lines, hidden, xDomain[0], xDomain[1], mode, useLog, plotHeight(HEIGHT)), [lines, hidden, xDomain, mode, useLog])
  const markers = useMemo(() => {
    const events = fullData?.events ?? []
    return groupMarkers(events, offCats.size ? new Set(events.map((e) => e.category).filter((c) => !offCats.has(c))) : null)
  }, [fullData, offCats])
  const currency = fullData?.currency ?? 'USD'
  const formatValue = useMemo(() => axisFormatter(mode, (v) => money(v, currency)), [mode, currency])

  const nav = useNavigation()
  const navRef = useRef(nav)
  navRef.current = nav
  const hover = useMemo(() => createHoverStore(), [])
  const actions = useMemo(() => ({ hover, open: (eventId: string) => navRef.current.go({ screen: 'events', eventId }) }), [hover])
  const pointer = useMemo(() => createPointerStore(), [])
  const readoutLines = useMemo(() => visibleLines(lines, hidden, colorIndex), [lines, hidden, colorIndex])
  const previewLines = useMemo(() => visibleLines(fullLines, hidden, colorIndex), [fullLines, hidden, colorIndex])
  const readout = useMemo(
    () => ({ lines: readoutLines, pointer, format: readoutFormatter(mode, (v) => money(v, currency)), host: readoutHost }),
    [readoutLines, pointer, mode, currency, readoutHost]
  )
  const late = mode === 'indexed' && fullData ? lateStarts(fullData.series, fullData.indexDate) : []

  // Dragging across the plot zooms to the days dragged over, as the brush does. The drag store
  // lives for the view; it reads the plot's current span and zoom through refs.
  const plotSpan = useRef<PlotSpan>({ left: 0, right: 0, x0: 0, x1: 1 })
  plotSpan.current = { left: PLOT_INSET.left, right: width - PLOT_INSET.right, x0: xDomain[0], x1: xDomain[1] }
  const zoomTo = useRef(range.zoomTo)
  zoomTo.current = range.zoomTo
  const drag = useMemo(() => createDragZoom(() => plotSpan.current, (a, b) => zoomTo.current(a, b)), [])

  const exportPng = async () => {
    setExportError(null)
    const svg = box?.querySelector<SVGSVGElement>('.ch-main svg.recharts-surface')
    if (!svg) return
    try {
      const shown = `${isoFromDay(xDomain[0])} to ${isoFromDay(xDomain[1])}`
      await exportChartPng(
        svg,
        `capwatch-marketcap-${isoFromDay(xDomain[1])}.png`,
        `Market cap (${currency}), ${MODE_LABELS[mode].toLowerCase()}${mode === 'indexed' ? ` at ${indexDate}` : ''}${useLog ? ', log scale' : ''}, ${shown}`,
        lines.filter((l) => !hidden.has(l.id)).map((l) => ({ label: `${l.ticker} ${l.name}`, color: seriesColor(colorIndex.get(l.id) ?? 0) }))
      )
    } catch (e) {
      setExportError(e)
    }
  }

  const state = !ready ? 'idle' : full.error ? 'error' : !fullData || full.loading ? 'loading' : lines.length ? 'ready' : 'empty'
  const pointCount = lines.reduce((n, l) => n + l.points.length, 0)

  return (
    <div className="ch-view">
      <div className="ch-toolbar">
        <label>
          Mode
          <select
            aria-label="Mode"
            value={mode}
            onChange={(e) => {
              const next = e.target.value as ChartMode
              // Indexed starts at the first day in view; the analyst can pick another date.
              if (next === 'indexed' && !indexDate && days.length) setIndexDate(isoFromDay(xDomain[0]))
              setMode(next)
            }}
          >
            {(Object.keys(MODE_LABELS) as ChartMode[]).map((m) => (
              <option key={m} value={m}>
                {MODE_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        {mode === 'indexed' && (
          <label>
            Index date
            <IsoDateInput
              aria-label="Index date"
              value={indexDate}
              onChange={setIndexDate}
              aria-invalid={!indexDate}
              title={indexDate ? 'The day every line is 100 on (YYYY-MM-DD)' : 'Type the day every line is 100 on, as YYYY-MM-DD'}
            />
          </label>
        )}
        <label title={mode === 'drawdown' ? 'Drawdowns are zero or negative: a log scale cannot show them' : undefined}>
          <input type="checkbox" checked={useLog} disabled={mode === 'drawdown'} onChange={(e) => setLog(e.target.checked)} />
          Log scale
        </label>
        {range.zoomed && (
          <button type="button" className="btn" onClick={range.reset}>
            Reset zoom
          </button>
        )}
        <button type="button" className="btn" onClick={exportPng} disabled={state !== 'ready'}>
          Export PNG
        </button>
        {days.length > 0 && (
          <span className="md-hint" data-testid="chart-range">
            {isoFromDay(xDomain[0])} – {isoFromDay(xDomain[1])}
          </span>
        )}
        {fullData && (
          <span className="md-hint" title="Lines are downsampled to the chart's width; event days are kept exact">
            {pointCount.toLocaleString('en-US')} points drawn of {lines.reduce((n, l) => n + l.rawCount, 0).toLocaleString('en-US')}
          </span>
        )}
      </div>
      {fullData && <CategoryToggles events={fullData.events} off={offCats} onChange={setOffCats} />}
      {late.length > 0 && (
        <ul className="ch-note" aria-label="Lines not indexed on the index date" data-testid="index-note">
          {late.map((l) => (
            <li key={l.ticker}>
              <strong>{l.ticker}</strong> starts {l.first}, after the index date {fullData?.indexDate}: indexed to its first close (100 on {l.first}).
            </li>
          ))}
        </ul>
      )}

      <div ref={boxRef} className="ch-box" data-testid="marketcap-chart" data-state={state}>
        {companyIds.length === 0 && <p className="md-empty">Choose companies to chart.</p>}
        {state === 'empty' && <p className="md-empty">None of the chosen companies has a market cap to draw yet (see below).</p>}
        {lines.length > 0 && width > 0 && (
          <div
            className="ch-main"
            ref={setReadoutHost}
            onPointerDown={drag.onPointerDown}
            onPointerMove={(e) => {
              pointer.onPointerMove(e)
              drag.onPointerMove(e)
            }}
            onPointerUp={drag.onPointerUp}
            onPointerCancel={drag.onPointerCancel}
            onPointerLeave={pointer.onPointerLeave}
          >
            <MarketCapChart
              width={width}
              height={HEIGHT}
              lines={lines}
              colorIndex={colorIndex}
              hidden={hidden}
              markers={markers}
              actions={actions}
              xDomain={xDomain}
              yAxis={yAxis}
              log={useLog}
              indexed={mode === 'indexed'}
              formatValue={formatValue}
              readout={readout}
            />
            <MarkerTooltip hover={hover} open={actions.open} width={width} />
            <DragBand drag={drag} top={PLOT_INSET.top} height={plotHeight(HEIGHT)} />
          </div>
        )}
        {days.length > 2 && width > 0 && (
          <OverviewBrush
            width={width}
            inset={PLOT_INSET}
            days={days}
            start={range.start}
            end={range.end}
            preview={previewLines}
            onChange={range.onChange}
            onCommit={range.onCommit}
          />
        )}
      </div>
      {fullLines.length > 0 && (
        // Every company with a line somewhere (not only in the zoomed range), so toggles and
        // colours stay put while zooming.
        <SeriesLegend
          lines={fullLines}
          colorIndex={colorIndex}
          hidden={hidden}
          onToggle={(id) =>
            setHidden((h) => {
              const next = new Set(h)
              if (next.has(id)) next.delete(id)
              else next.add(id)
              return next
            })
          }
        />
      )}
      {fullData && fullData.missing.length > 0 && (
        <ul className="ch-missing" aria-label="Companies without a line">
          {fullData.missing.map((m) => (
            <li key={m.companyId}>
              <strong>{names.get(m.companyId) ?? m.companyId}</strong>: {m.reason}
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={full.error ?? detail.error} title="Chart not available" />
      <ErrorNote error={exportError} title="PNG export failed" />
    </div>
  )
}
