/**
 * The date axis of the event panel's small chart. It spans about two months (±20 trading days),
 * where the main chart's calendar ticks (a month apart at the finest, charts/chart-data.ts) would
 * leave one or two labels: its ticks fall on Mondays, a week or a few weeks apart, and past a few
 * months on the main chart's calendar ticks. Labels are ISO like the main chart's, shortened as
 * the impact table's periods are: month-day ("12-28") where the year is the one just read, the
 * full date ("2021-01-04") on the first tick and wherever the year changes, so an axis never
 * leaves its year to guesswork (around a new year, or in a panel opened among many events).
 */
import { isoFromDay } from '../../../../shared/dates'
import { calendarTicks, weekTicks } from '../charts/chart-data'

/**
 * At most `max` (at least 1) tick days in [x0, x1]: Mondays a week, 2 or 4 weeks apart, whichever
 * fits, else the main chart's calendar ticks. Empty for an empty range.
 */
export function miniTicks(x0: number, x1: number, max: number): number[] {
  if (!(x1 >= x0)) return []
  const limit = Math.max(1, Math.floor(max))
  const weeks = weekTicks(x0, x1, limit)
  if (weeks) return weeks.length ? weeks : [x0]
  return calendarTicks(x0, x1, limit)
}

/** Each tick's label, in tick order: the full date on the first and on a change of year, else month-day. */
export function miniTickLabels(ticks: readonly number[]): string[] {
  return ticks.map((day, i) => {
    const iso = isoFromDay(day)
    const yearChanged = i === 0 || isoFromDay(ticks[i - 1]).slice(0, 4) !== iso.slice(0, 4)
    return yearChanged ? iso : iso.slice(5)
  })
}

/** Ticks and a formatter for recharts' XAxis over the days the lines cover, for a plot this wide (px). */
export function miniAxis(days: readonly number[], plotWidth: number): { ticks: number[]; format: (day: number) => string } {
  let x0 = Infinity
  let x1 = -Infinity
  for (const d of days) {
    if (d < x0) x0 = d
    if (d > x1) x1 = d
  }
  // A full date is about 55 px at the chart's 10 px font: a tick per 64 px keeps two apart.
  const ticks = x0 <= x1 ? miniTicks(x0, x1, plotWidth / 64) : []
  const text = miniTickLabels(ticks)
  const labels = new Map(ticks.map((t, i) => [t, text[i]]))
  return { ticks, format: (day) => labels.get(day) ?? isoFromDay(day) }
}
