/**
 * What the hover read-out says at a date: each visible line's value on the hovered day, found by
 * binary search on the points the chart already holds (downsampled to about one per pixel), so a
 * pointer move over 20 lines costs 20 searches, never a walk over the points.
 */
import type { Point } from './chart-data'

/** Index of the point whose day is nearest to `day` (the earlier one on a tie), or -1 if none. */
export function nearestIndex(points: readonly Point[], day: number): number {
  if (points.length === 0) return -1
  let lo = 0
  let hi = points.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (points[mid].day < day) lo = mid + 1
    else hi = mid
  }
  if (lo === points.length) return lo - 1
  if (lo > 0 && day - points[lo - 1].day <= points[lo].day - day) return lo - 1
  return lo
}

export interface ReadoutLine {
  id: string
  ticker: string
  color: string
  points: readonly Point[]
}

export interface ReadoutRow {
  id: string
  ticker: string
  color: string
  /** The point shown (its day can differ from the read-out's day where this line has no point). */
  point: Point | null
  /** Why there is no value: the line starts after, or ends before, the day. */
  outside: { side: 'before' | 'after'; day: number } | null
}

/**
 * The read-out at the pointer's day: the day snaps to the nearest point any line has (so it is a
 * real trading day), then each line gives its point nearest that day, or says it has not started
 * yet or has ended (a line is never extended past its own data).
 */
export function readoutAt(lines: readonly ReadoutLine[], pointerDay: number): { day: number; rows: ReadoutRow[] } | null {
  let day = NaN
  for (const l of lines) {
    const i = nearestIndex(l.points, pointerDay)
    if (i < 0) continue
    const d = l.points[i].day
    if (Number.isNaN(day) || Math.abs(d - pointerDay) < Math.abs(day - pointerDay)) day = d
  }
  if (Number.isNaN(day)) return null
  const rows = lines.map((l): ReadoutRow => {
    const base = { id: l.id, ticker: l.ticker, color: l.color }
    if (l.points.length === 0) return { ...base, point: null, outside: null }
    const first = l.points[0].day
    const last = l.points[l.points.length - 1].day
    if (day < first) return { ...base, point: null, outside: { side: 'before', day: first } }
    if (day > last) return { ...base, point: null, outside: { side: 'after', day: last } }
    return { ...base, point: l.points[nearestIndex(l.points, day)], outside: null }
  })
  return { day, rows }
}
