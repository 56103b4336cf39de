/**
 * The small chart of an event's companies around the event (indexed to 100 on the event date):
 * a legend naming each line, a dashed line at 100 and at the event, and the same hover read-out
 * as the market-cap chart (each line's value on the hovered day, found by day, not by position,
 * since a Hong Kong and a New York listing do not trade on the same days). Its date axis writes
 * the year where it is needed (mini-axis.ts).
 */
import { useMemo, useState } from 'react'
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts'
import type { Line as ChartLine } from '../charts/chart-data'
import { Crosshair } from '../charts/Crosshair'
import { seriesColor } from '../charts/palette'
import { createPointerStore } from '../charts/pointer-store'
import { readoutFormatter, valueAxis } from '../charts/value-axis'
import { miniAxis } from './mini-axis'
import '../charts/charts.css'
import { plainTick } from '../charts/plain-tick'

interface Props {
  lines: ChartLine[]
  eventDay: number
  width: number
}

// The right margin holds most of half a full date ("2021-01-04", ~55 px), the card's padding the
// rest: a tick at the plot's right edge can carry the year without being cut.
const MARGIN = { top: 6, right: 24, bottom: 0, left: 0 }
const Y_AXIS_WIDTH = 40
// Plain labels: recharts' own measure each one in the DOM (see plain-tick).
const TICK = plainTick(10)
const NONE = new Set<string>()
const format = readoutFormatter('indexed', String)

export function EventMiniChart({ lines, eventDay, width }: Props) {
  const [host, setHost] = useState<HTMLDivElement | null>(null)
  const pointer = useMemo(() => createPointerStore(), [])
  const drawn = useMemo(() => lines.filter((l) => l.points.length > 1), [lines])
  const colored = useMemo(() => drawn.map((l, i) => ({ id: l.id, ticker: l.ticker || l.name, name: l.name, color: seriesColor(i), points: l.points })), [drawn])
  const yAxis = useMemo(() => valueAxis(drawn, NONE, -Infinity, Infinity, 'indexed', false), [drawn])
  // Each line's points are in day order: its first and last give the days the axis spans.
  const span = useMemo(() => drawn.flatMap((l) => [l.points[0].day, l.points[l.points.length - 1].day]), [drawn])
  const xAxis = useMemo(() => miniAxis(span, width - Y_AXIS_WIDTH - MARGIN.right), [span, width])
  if (colored.length === 0 || width <= 0) return null
  return (
    <>
      <ul className="im-mini-legend" aria-label="Lines of the chart">
        {colored.map((l) => (
          <li key={l.id} title={l.name}>
            <span className="ch-swatch" style={{ background: l.color }} />
            {l.ticker}
          </li>
        ))}
        <li className="muted">
          <span className="im-mini-dash im-mini-dash-event" />
          event day
        </li>
        <li className="muted" title="Each line is 100 at its close on the event day (or the next trading day)">
          <span className="im-mini-dash" />
          100
        </li>
      </ul>
      <div className="im-mini-chart" ref={setHost} onPointerMove={pointer.onPointerMove} onPointerLeave={pointer.onPointerLeave}>
        <LineChart width={width} height={170} margin={MARGIN} accessibilityLayer={false}>
          <CartesianGrid stroke="#eef0f3" vertical={false} />
          <XAxis dataKey="day" type="number" domain={['dataMin', 'dataMax']} ticks={xAxis.ticks} interval={0} tickFormatter={xAxis.format} tick={TICK} />
          <YAxis type="number" domain={yAxis?.domain ?? ['auto', 'auto']} ticks={yAxis?.ticks} interval={0} tick={TICK} width={Y_AXIS_WIDTH} />
          <ReferenceLine y={100} stroke="#9aa1ad" strokeDasharray="4 3" />
          <ReferenceLine x={eventDay} stroke="#b3261e" strokeDasharray="3 3" />
          {colored.map((l) => (
            <Line key={l.id} data={l.points} dataKey="v" name={l.ticker} stroke={l.color} dot={false} activeDot={false} isAnimationActive={false} />
          ))}
          <Crosshair pointer={pointer} lines={colored} format={format} host={host} />
        </LineChart>
      </div>
    </>
  )
}
