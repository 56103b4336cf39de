/**
 * The market-cap chart's date range, the one source both the chart's x axis and the brush are
 * drawn from, so they cannot disagree. It is held as dates, not brush indexes: a mode switch, a
 * new index date, a legend toggle or a resize brings a new answer from the core (new arrays, maybe
 * fewer lines) and the range stays where the analyst put it. A new set of companies opens on the
 * events, a year either side: that is where the analyst looks first; "Reset zoom" shows every day.
 */
import { useCallback, useMemo, useState } from 'react'
import { isoFromDay } from '../../../../shared/dates'
import { eventRange, lowerBound } from './chart-data'

const EVENT_MARGIN_DAYS = 365

interface DayRange {
  from: number
  to: number
}

export interface ChartRange {
  /** Brush indexes into `days` of the range in view. */
  start: number
  end: number
  xDomain: [number, number]
  /** The range last committed (released brush): the zoomed part the core is asked for. */
  zoom: { from: string; to: string } | null
  zoomed: boolean
  onChange: (start: number, end: number) => void
  onCommit: (start: number, end: number) => void
  reset: () => void
}

const toIso = (r: DayRange) => ({ from: isoFromDay(r.from), to: isoFromDay(r.to) })

/** `openKey` names the set of companies: when it changes, the range opens on the events again. */
export function useChartRange(days: number[], events: { date: string }[], openKey: string): ChartRange {
  const [range, setRange] = useState<DayRange | null>(null)
  const [zoom, setZoom] = useState<{ from: string; to: string } | null>(null)
  const [openedFor, setOpenedFor] = useState<string | null>(null)

  // Set while rendering (not in an effect), so no frame shows the new lines at the old range.
  if (days.length > 0 && openedFor !== openKey) {
    setOpenedFor(openKey)
    const r = eventRange(events, days, EVENT_MARGIN_DAYS)
    const next = r ? { from: days[r.start], to: days[r.end] } : null
    setRange(next)
    setZoom(next && toIso(next))
  }

  const n = days.length
  let start = 0
  let end = Math.max(0, n - 1)
  if (range && n > 0) {
    start = Math.min(lowerBound(days, range.from), n - 1)
    end = Math.max(lowerBound(days, range.to + 1) - 1, 0)
    // The range no longer holds three days of these lines (fewer lines in a new mode): show all.
    if (end - start < 2) {
      start = 0
      end = n - 1
    }
  }
  const xDomain = useMemo<[number, number]>(() => (n ? [days[start], days[end]] : [0, 1]), [days, n, start, end])

  const onChange = useCallback((s: number, e: number) => setRange({ from: days[s], to: days[e] }), [days])
  const onCommit = useCallback(
    (s: number, e: number) => {
      const whole = s === 0 && e === days.length - 1
      const next = whole ? null : { from: days[s], to: days[e] }
      setRange(next)
      setZoom(next && toIso(next))
    },
    [days]
  )
  const reset = useCallback(() => {
    setRange(null)
    setZoom(null)
  }, [])
  return { start, end, xDomain, zoom, zoomed: range !== null, onChange, onCommit, reset }
}
