/**
 * Market cap over time for the chosen companies, with every event as a marker. Modes: absolute
 * (reporting currency), indexed to 100 at a date, drawdown from peak; linear or log; zoom with the
 * brush (re-fetched at full resolution on release); a legend that toggles series; PNG export.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { api } from '../../api/client'
import { useNavigation } from '../../app/navigation'
import type { ChartData, ChartMode } from '../../../../shared/market'
import { isoFromDay, isIsoDate } from '../../../../shared/dates'
import { ErrorNote } from '../data/shared/ErrorNote'
import { money } from '../data/shared/format'
import { useAsync } from '../data/shared/useAsync'
import { CategoryToggles } from './CategoryToggles'
import { eventRange, groupMarkers, timeline, toLines, valueFormatter, yRange } from './chart-data'
import { MarketCapChart } from './MarketCapChart'
import { createHoverStore } from './marker-hover'
import { MarkerTooltip } from './MarkerTooltip'
import { OverviewBrush } from './OverviewBrush'
import { exportChartPng } from './png-export'
import { seriesColor } from './palette'
import { SeriesLegend } from './SeriesLegend'
import { useWidth } from './useWidth'

const HEIGHT = 460
const EVENT_MARGIN_DAYS = 365
const MODE_LABELS: Record<ChartMode, string> = { absolute: 'Absolute', indexed: 'Indexed to 100', drawdown: 'Drawdown from peak' }

export function MarketCapView({ companyIds, names }: { companyIds: string[]; names: Map<string, string> }) {
  const [boxRef, width, box] = useWidth<HTMLDivElement>()
  const [mode, setMode] = useState<ChartMode>('absolute')
  const [indexDate, setIndexDate] = useState('')
  const [log, setLog] = useState(false)
  const [offCats, setOffCats] = useState<Set<string>>(new Set())
  const [hidden, setHidden] = useState<Set<string>>(new Set())
  const [brush, setBrush] = useState<{ start: number; end: number } | null>(null)
  const [zoom, setZoom] = useState<{ from: string; to: string } | null>(null)
  const [exportError, setExportError] = useState<unknown>(null)

  // One point per pixel, in 50px steps so small resizes do not refetch.
  const maxPoints = Math.max(100, Math.ceil(width / 50) * 50)
  const validIndex = mode !== 'indexed' || isIsoDate(indexDate)
  const base = { companyIds, mode, ...(mode === 'indexed' ? { indexDate } : {}), maxPoints }
  const baseKey = JSON.stringify(base)
  const ready = width > 0 && companyIds.length > 0 && validIndex
  const full = useAsync(ready ? () => api['chart:marketcap'](base) : null, baseKey)
  const detail = useAsync(ready && zoom ? () => api['chart:marketcap']({ ...base, ...zoom }) : null, `${baseKey}|${JSON.stringify(zoom)}`)

  const fullLines = useMemo(() => (full.data ? toLines(full.data.series) : []), [full.data])
  const days = useMemo(() => timeline(fullLines), [fullLines])

  // A new full answer (other companies, mode or width) opens on the events, a year either side:
  // that is where the analyst looks first; "Reset zoom" shows every day.
  useEffect(() => {
    const range = eventRange(full.data?.events ?? [], days, EVENT_MARGIN_DAYS)
    setBrush(range)
    setZoom(range ? { from: isoFromDay(days[range.start]), to: isoFromDay(days[range.end]) } : null)
  }, [full.data, days])
  const view: ChartData | undefined = zoom && detail.data ? detail.data : full.data
  const lines = useMemo(() => (view === full.data ? fullLines : view ? toLines(view.series) : []), [view, full.data, fullLines])
  const colorIndex = useMemo(() => new Map(companyIds.map((id, i) => [id, i])), [companyIds])
  const xDomain = useMemo<[number, number]>(
    () => (days.length ? (brush ? [days[brush.start], days[brush.end]] : [days[0], days[days.length - 1]]) : [0, 1]),
    [days, brush]
  )
  const useLog = log && mode !== 'drawdown'
  const yDomain = useMemo(() => yRange(lines, hidden, xDomain[0], xDomain[1], useLog), [lines, hidden, xDomain, useLog])
  const markers = useMemo(() => {
    const events = full.data?.events ?? []
    return groupMarkers(events, offCats.size ? new Set(events.map((e) => e.category).filter((c) => !offCats.has(c))) : null)
  }, [full.data, offCats])
  const currency = full.data?.currency ?? 'USD'
  const formatValue = useMemo(() => valueFormatter(mode, (v) => money(v, currency)), [mode, currency])

  const nav = useNavigation()
  const navRef = useRef(nav)
  navRef.current = nav
  const hover = useMemo(() => createHoverStore(), [])
  const actions = useMemo(() => ({ hover, open: (eventId: string) => navRef.current.go({ screen: 'events', eventId }) }), [hover])

  const onBrush = useCallback((start: number, end: number) => setBrush({ start, end }), [])
  const onBrushCommit = useCallback(
    (start: number, end: number) => {
      setBrush({ start, end })
      setZoom(start === 0 && end === days.length - 1 ? null : { from: isoFromDay(days[start]), to: isoFromDay(days[end]) })
    },
    [days]
  )

  const exportPng = async () => {
    setExportError(null)
    const svg = box?.querySelector<SVGSVGElement>('.ch-main svg.recharts-surface')
    if (!svg) return
    try {
      const range = `${isoFromDay(xDomain[0])} to ${isoFromDay(xDomain[1])}`
      await exportChartPng(
        svg,
        `capwatch-marketcap-${isoFromDay(xDomain[1])}.png`,
        `Market cap (${currency}), ${MODE_LABELS[mode].toLowerCase()}${mode === 'indexed' ? ` at ${indexDate}` : ''}, ${range}`,
        lines.filter((l) => !hidden.has(l.id)).map((l) => ({ label: `${l.ticker} ${l.name}`, color: seriesColor(colorIndex.get(l.id) ?? 0) }))
      )
    } catch (e) {
      setExportError(e)
    }
  }

  const state = !ready ? 'idle' : full.error ? 'error' : !full.data || full.loading ? 'loading' : lines.length ? 'ready' : 'empty'
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
            <input type="date" aria-label="Index date" value={indexDate} onChange={(e) => setIndexDate(e.target.value)} aria-invalid={!validIndex || undefined} />
          </label>
        )}
        <label title={mode === 'drawdown' ? 'Drawdowns are zero or negative: a log scale cannot show them' : undefined}>
          <input type="checkbox" checked={useLog} disabled={mode === 'drawdown'} onChange={(e) => setLog(e.target.checked)} />
          Log scale
        </label>
        {brush && (
          <button type="button" className="btn" onClick={() => (setBrush(null), setZoom(null))}>
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
        {full.data && (
          <span className="md-hint" title="Lines are downsampled to the chart's width; event days are kept exact">
            {pointCount.toLocaleString('en-US')} points drawn of {lines.reduce((n, l) => n + l.rawCount, 0).toLocaleString('en-US')}
          </span>
        )}
      </div>
      {full.data && <CategoryToggles events={full.data.events} off={offCats} onChange={setOffCats} />}

      <div ref={boxRef} className="ch-box" data-testid="marketcap-chart" data-state={state}>
        {companyIds.length === 0 && <p className="md-empty">Choose companies to chart.</p>}
        {state === 'empty' && <p className="md-empty">None of the chosen companies has a market cap to draw yet (see below).</p>}
        {lines.length > 0 && width > 0 && (
          <div className="ch-main">
            <MarketCapChart
              width={width}
              height={HEIGHT}
              lines={lines}
              colorIndex={colorIndex}
              hidden={hidden}
              markers={markers}
              actions={actions}
              xDomain={xDomain}
              yDomain={yDomain}
              log={useLog}
              formatValue={formatValue}
            />
            <MarkerTooltip hover={hover} open={actions.open} width={width} />
          </div>
        )}
        {days.length > 1 && width > 0 && (
          <OverviewBrush
            width={width}
            days={days}
            startIndex={brush?.start ?? 0}
            endIndex={brush?.end ?? days.length - 1}
            onChange={onBrush}
            onCommit={onBrushCommit}
          />
        )}
      </div>
      {lines.length > 0 && (
        <SeriesLegend
          lines={lines}
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
      {full.data && full.data.missing.length > 0 && (
        <ul className="ch-missing" aria-label="Companies without a line">
          {full.data.missing.map((m) => (
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
