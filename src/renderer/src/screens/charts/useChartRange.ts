/**
 * The market-cap chart's date range, the one source both the chart's x axis and the brush are
 * drawn from, so they cannot disagree. It is held as dates, not brush indexes: a mode switch, a
 * new index date, a legend toggle or a resize brings a new answer from the core (new arrays, maybe
 * fewer lines) and the range stays where the analyst put it. A new set of companies opens on the
 * events, a year either side: that is where the analyst looks first; "Reset zoom" shows every day.
 * The range is remembered while the analyst visits other screens (app/remembered.ts): coming back
 * to the same companies shows the same range, as far as the data still holds it.
 */
import { useCallback, useMemo } from 'react'
import { useRemembered } from '../../app/remembered'
import { isoFromDay } from '../../../../shared/dates'
import { eventRange, lowerBound } from './chart-data'

const EVENT_MARGIN_DAYS = 365
/** A range keeps at least three trading days (two steps), so the chart always has a line to draw. */
export const MIN_GAP = 2

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
  /** Commit the trading days within [fromDay, toDay] (a drag across the plot), MIN_GAP at least. */
  zoomTo: (fromDay: number, toDay: number) => void
  reset: () => void
}

const toIso = (r: DayRange) => ({ from: isoFromDay(r.from), to: isoFromDay(r.to) })

/**
 * `openKey` names the set of companies: when it changes, the range opens on the events again.
 * `memoryKey` names the chart whose range is remembered across screen switches.
 */
export function useChartRange(days: number[], events: { date: string }[], openKey: string, memoryKey: string): ChartRange {
  const [range, setRange] = useRemembered<DayRange | null>(`${memoryKey}.range`, null)
  const [zoom, setZoom] = useRemembered<{ from: string; to: string } | null>(`${memoryKey}.zoom`, null)
  // Remembered with the range: the same companies on return keep it; others open on their events.
  const [openedFor, setOpenedFor] = useRemembered<string | null>(`${memoryKey}.openedFor`, null)

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
    // The range no longer holds three days of these lines (fewer lines in a new mode, or prices
    // re-imported meanwhile): show all. A range that still holds them is clipped to the data.
    if (end - start < MIN_GAP) {
      start = 0
      end = n - 1
    }
  }
  const xDomain = useMemo<[number, number]>(() => (n ? [days[start], days[end]] : [0, 1]), [days, n, start, end])

  const onChange = useCallback((s: number, e: number) => setRange({ from: days[s], to: days[e] }), [days, setRange])
  const onCommit = useCallback(
    (s: number, e: number) => {
      const whole = s === 0 && e === days.length - 1
      const next = whole ? null : { from: days[s], to: days[e] }
      setRange(next)
      setZoom(next && toIso(next))
    },
    [days, setRange, setZoom]
  )
  const zoomTo = useCallback(
    (fromDay: number, toDay: number) => {
      const last = days.length - 1
      if (last < MIN_GAP) return
      let s = Math.min(lowerBound(days, fromDay), last)
      let e = Math.max(lowerBound(days, Math.floor(toDay) + 1) - 1, 0)
      if (e - s < MIN_GAP) {
        s = Math.max(0, Math.min(s, last - MIN_GAP))
        e = s + MIN_GAP
      }
      onCommit(s, e)
    },
    [days, onCommit]
  )
  const reset = useCallback(() => {
    setRange(null)
    setZoom(null)
  }, [setRange, setZoom])
  return { start, end, xDomain, zoom, zoomed: range !== null, onChange, onCommit, zoomTo, reset }
}
