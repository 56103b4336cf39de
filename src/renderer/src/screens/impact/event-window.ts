/**
 * The event panel's small chart: each company's indexed line cut to [-before, +after] trading days
 * around its own day 0 (its first trading day on or after the event, IMPACT.md).
 */
import type { ChartSeries } from '../../../../shared/market'
import { lowerBound, type Line } from '../charts/chart-data'

/** Calendar days to ask for on each side so that ~20 trading days (and holidays) fit. */
export const CALENDAR_MARGIN = 45

export function aroundEvent(series: ChartSeries[], eventDay: number, before: number, after: number): Line[] {
  return series.map((s) => {
    const day0 = lowerBound(s.days, eventDay)
    const from = Math.max(0, day0 - before)
    const to = Math.min(s.days.length - 1, day0 + after)
    const points = []
    for (let i = from; i <= to; i++) points.push({ day: s.days[i], v: s.values[i] })
    return { id: s.companyId, ticker: s.ticker, name: s.name, points, rawCount: s.rawCount }
  })
}
