/**
 * Turning the core's chart answers into what recharts draws, once per answer (memoised by the
 * caller): per-series point arrays (no merged table, so a hidden or sparse series costs nothing),
 * the union timeline the brush moves over, event markers grouped by day, calendar ticks and the
 * lines' SVG paths. Pure functions, no React.
 */
import type { ChartEventMarker, ChartSeries } from '../../../../shared/market'
import { dayFromIso, isoFromDay } from '../../../../shared/dates'
import { formatDateValue } from '../../components/event-date'

export interface Point {
  day: number
  v: number
}

export interface Line {
  id: string
  ticker: string
  name: string
  points: Point[]
  rawCount: number
}

export function toLines(series: ChartSeries[]): Line[] {
  return series.map((s) => {
    const points: Point[] = new Array(s.days.length)
    for (let i = 0; i < s.days.length; i++) points[i] = { day: s.days[i], v: s.values[i] }
    // Recharts keeps item data in its Redux store, whose Immer deep-freezes what it is given unless
    // it is frozen already: freezing the array here spares a walk over every point on each render.
    return { id: s.companyId, ticker: s.ticker, name: s.name, points: Object.freeze(points) as Point[], rawCount: s.rawCount }
  })
}

/**
 * The part of a chart answer that is for the chosen companies: an answer for an earlier choice
 * may still be the latest one to hand. The same object when it holds no other company, so the
 * memos built on it do not rerun.
 */
export function forChosen<T extends { series: { companyId: string }[]; missing: { companyId: string }[] }>(data: T, chosen: ReadonlySet<string>): T {
  const keep = (x: { companyId: string }) => chosen.has(x.companyId)
  if (data.series.every(keep) && data.missing.every(keep)) return data
  return { ...data, series: data.series.filter(keep), missing: data.missing.filter(keep) }
}

/** Every day any series has, ascending: the brush's index space. */
export function timeline(lines: { points: Point[] }[]): number[] {
  const seen = new Set<number>()
  for (const l of lines) for (const p of l.points) seen.add(p.day)
  return [...seen].sort((a, b) => a - b)
}

export interface MarkerGroup {
  day: number
  date: string
  events: ChartEventMarker[]
  /** Category of the first event, for its colour. */
  category: string
}

/** A marker's date as the events know it: "2020-10 (month only)" when none is known to the day. */
export function groupDateLabel(g: Pick<MarkerGroup, 'date' | 'events'>): string {
  return g.events.every((e) => e.datePrecision === 'month') ? `${formatDateValue(g.events[0])} (month only)` : g.date
}

/** Events of the chosen categories, one marker per day (several events can share a date). */
export function groupMarkers(events: ChartEventMarker[], categories: ReadonlySet<string> | null): MarkerGroup[] {
  const byDay = new Map<number, MarkerGroup>()
  for (const e of events) {
    if (categories && !categories.has(e.category)) continue
    const day = dayFromIso(e.date)
    if (Number.isNaN(day)) continue
    const g = byDay.get(day)
    if (g) g.events.push(e)
    else byDay.set(day, { day, date: e.date, events: [e], category: e.category })
  }
  return [...byDay.values()].sort((a, b) => a.day - b.day)
}

/**
 * What hovering each marker shows: its own events, plus those of every marker closer than `gap`
 * px (the width of a hit area), whose hit areas overlap its own, so a pointer there cannot tell
 * them apart. At the default zoom one day is about one pixel, and 2 and 3 November 2020 would
 * otherwise hide one another. `items` are in ascending px.
 */
export function clusterMarkers(items: readonly { group: MarkerGroup; px: number }[], gap: number): MarkerGroup[] {
  const out: MarkerGroup[] = []
  let lo = 0
  let hi = 0
  for (let i = 0; i < items.length; i++) {
    while (items[i].px - items[lo].px >= gap) lo++
    if (hi < i) hi = i
    while (hi + 1 < items.length && items[hi + 1].px - items[i].px < gap) hi++
    if (lo === hi) {
      out.push(items[i].group)
      continue
    }
    const members = items.slice(lo, hi + 1).map((it) => it.group)
    const first = members[0]
    const last = members[members.length - 1]
    out.push({ day: items[i].group.day, date: `${first.date} – ${last.date}`, events: members.flatMap((m) => m.events), category: items[i].group.category })
  }
  return out
}

/**
 * Calendar ticks between two day numbers: years, quarters or months, whichever gives at most
 * `max` ticks, so labels land on readable dates rather than on arbitrary day numbers. Empty when
 * no month starts in the range.
 */
function monthTicks(x0: number, x1: number, max: number): number[] {
  const first = new Date(x0 * 86_400_000)
  const last = new Date(x1 * 86_400_000)
  const m0 = first.getUTCFullYear() * 12 + first.getUTCMonth()
  const m1 = last.getUTCFullYear() * 12 + last.getUTCMonth()
  for (const step of [1, 3, 6, 12, 24, 60, 120]) {
    if ((m1 - m0) / step > max + 1) continue
    const ticks: number[] = []
    for (let k = Math.ceil(m0 / step) * step; k <= m1; k += step) {
      const d = Math.round(Date.UTC(Math.floor(k / 12), k % 12, 1) / 86_400_000)
      if (d >= x0 && d <= x1) ticks.push(d)
    }
    if (ticks.length <= max) return ticks
  }
  return []
}

/** Calendar ticks (see monthTicks), or the range's two ends when no month starts in it. */
export function calendarTicks(x0: number, x1: number, max: number): number[] {
  if (!(x1 > x0)) return [x0]
  const ticks = monthTicks(x0, x1, max)
  return ticks.length ? ticks : [x0, x1]
}

/** The first Monday on or after `day` (day 0, 1970-01-01, was a Thursday; day 4 a Monday). */
export function mondayOnOrAfter(day: number): number {
  return day + ((((4 - day) % 7) + 7) % 7)
}

/** Mondays a week, 2 or 4 weeks apart in [x0, x1], the first step giving at most `max`; null when none does. */
export function weekTicks(x0: number, x1: number, max: number): number[] | null {
  const first = mondayOnOrAfter(x0)
  for (const weeks of [1, 2, 4]) {
    const ticks: number[] = []
    for (let d = first; d <= x1; d += weeks * 7) ticks.push(d)
    if (ticks.length <= max) return ticks
  }
  return null
}

/**
 * The main charts' date axis: calendar ticks while at least two fall in view, labelled "2021" and
 * "2021-04"; zoomed in to a few weeks, Mondays, and to a few days, the days themselves, labelled
 * with their full dates (a "2024-03" among them would read as a month). A short range still reads
 * as dates on a scale rather than as its first day alone. Every tick is drawn (they are spaced
 * `max` to the width), so recharts need not measure the labels.
 */
export function dateAxis(x0: number, x1: number, max: number): { ticks: number[]; format: (day: number) => string } {
  const limit = Math.max(1, Math.floor(max))
  const calendar = x1 > x0 ? monthTicks(x0, x1, limit) : []
  if (calendar.length >= 2) return { ticks: calendar, format: tickLabel }
  const weeks = weekTicks(x0, x1, limit)
  if (weeks && weeks.length >= 2) return { ticks: weeks, format: isoFromDay }
  for (let step = 1; ; step++) {
    const ticks: number[] = []
    for (let d = x0; d <= x1; d += step) ticks.push(d)
    if (ticks.length <= limit) return { ticks: ticks.length ? ticks : [x0], format: isoFromDay }
  }
}

/** "2021" on a year boundary, "2021-04" on a month boundary, the full date otherwise. */
export function tickLabel(day: number): string {
  const iso = isoFromDay(day)
  if (iso.endsWith('-01-01')) return iso.slice(0, 4)
  if (iso.endsWith('-01')) return iso.slice(0, 7)
  return iso
}

/** Index of the first entry of a sorted array that is >= day. */
export function lowerBound(days: number[], day: number): number {
  let lo = 0
  let hi = days.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (days[mid] < day) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Brush indexes covering the events plus `margin` calendar days either side, or null when that is
 * (nearly) the whole timeline anyway or there are no events.
 */
export function eventRange(events: { date: string }[], days: number[], margin: number): { start: number; end: number } | null {
  let lo = Infinity
  let hi = -Infinity
  for (const e of events) {
    const d = dayFromIso(e.date)
    if (d < lo) lo = d
    if (d > hi) hi = d
  }
  if (lo === Infinity || days.length < 3) return null
  const start = lowerBound(days, lo - margin)
  const end = Math.min(days.length - 1, lowerBound(days, hi + margin + 1) - 1)
  if (end - start < 2 || (start === 0 && end === days.length - 1)) return null
  return { start, end }
}

export type Scale = (v: number) => number | undefined

/** "M x y L x y …", starting a new segment after a point the scale cannot place (log of <= 0). */
export function linePath(points: readonly { day: number; v: number }[], x: Scale, y: Scale, log: boolean): string {
  let d = ''
  let pen = false
  for (const p of points) {
    const px = x(p.day)
    const py = Number.isFinite(p.v) && !(log && p.v <= 0) ? y(p.v) : undefined
    if (px == null || py == null || !Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false
      continue
    }
    d += `${pen ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`
    pen = true
  }
  return d
}

/**
 * Indexed mode: lines whose data start after the index date cannot be 100 on it, so the core
 * indexes them to their first close instead. Named here so the screen can say so beside the chart
 * rather than let those lines look comparable with the others.
 */
export function lateStarts(series: ChartSeries[], indexDate: string | null): { ticker: string; first: string }[] {
  if (!indexDate) return []
  const day = dayFromIso(indexDate)
  return series.filter((s) => s.days.length > 0 && s.days[0] > day).map((s) => ({ ticker: s.ticker, first: isoFromDay(s.days[0]) }))
}
