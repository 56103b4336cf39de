/**
 * The basket as stacked areas (one per company, summing to the basket's market cap), with event
 * markers and the peak-to-trough stretch shaded. Memoised and animation-free like the line chart.
 */
import { memo, useMemo } from 'react'
import { Area, AreaChart, CartesianGrid, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts'
import type { BasketData } from '../../../../shared/market'
import { dayFromIso } from '../../../../shared/dates'
import { dateAxis, type MarkerGroup } from './chart-data'
import type { MarkerActions } from './EventMarker'
import { BasketReadout } from './BasketReadout'
import { MarkerLayer } from './MarkerLayer'
import { seriesColor } from './palette'
import { niceTicks } from './value-axis'
import { plainTick } from './plain-tick'

interface Props {
  width: number
  height: number
  data: BasketData
  colorIndex: Map<string, number>
  markers: MarkerGroup[]
  actions: MarkerActions
  formatValue: (v: number) => string
}

const MARGIN = { top: 12, right: 20, bottom: 4, left: 8 }
// Plain labels: recharts' own measure each one in the DOM (see plain-tick).
const TICK = plainTick(11)

export const BasketChart = memo(function BasketChart({ width, height, data, colorIndex, markers, actions, formatValue }: Props) {
  // Recharts stacks from one table: a row per day with each company's value under its id.
  const rows = useMemo(
    () =>
      data.days.map((day, i) => {
        const row: Record<string, number> = { day }
        for (const s of data.stacks) row[s.companyId] = s.values[i]
        return row
      }),
    [data]
  )
  const x0 = data.days[0]
  const x1 = data.days[data.days.length - 1]
  const xAxis = useMemo(() => dateAxis(x0, x1, Math.max(2, Math.floor(width / 110))), [x0, x1, width])
  // From $0 to a round top, a tick on every round step ($0.5T, not $650B).
  const yAxis = useMemo(() => niceTicks(0, data.total.reduce((m, v) => Math.max(m, v), 0) * 1.02), [data])
  const dd = data.drawdown
  return (
    <AreaChart width={width} height={height} data={rows} margin={MARGIN} accessibilityLayer={false}>
      <CartesianGrid stroke="#eef0f3" vertical={false} />
      <XAxis dataKey="day" type="number" domain={[x0, x1]} ticks={xAxis.ticks} interval={0} tickFormatter={xAxis.format} tick={TICK} />
      <YAxis type="number" domain={yAxis.domain} ticks={yAxis.ticks} interval={0} tickFormatter={formatValue} tick={TICK} width={72} />
      {data.stacks.map((s) => {
        const color = seriesColor(colorIndex.get(s.companyId) ?? 0)
        return (
          <Area
            key={s.companyId}
            dataKey={s.companyId}
            name={s.ticker}
            stackId="basket"
            type="linear"
            stroke={color}
            fill={color}
            fillOpacity={0.55}
            strokeWidth={1}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
          />
        )
      })}
      {/* After the areas, so the peak-to-trough stretch tints them rather than hiding behind them. */}
      {dd && <ReferenceArea x1={dayFromIso(dd.peakDate)} x2={dayFromIso(dd.troughDate)} fill="#b3261e" fillOpacity={0.1} stroke="#b3261e" strokeOpacity={0.3} />}
      <Tooltip
        isAnimationActive={false}
        cursor={{ stroke: '#5f6b7a', strokeDasharray: '3 3' }}
        content={(p) => <BasketReadout active={p.active} label={p.label} payload={p.payload} formatValue={formatValue} />}
      />
      <MarkerLayer markers={markers} actions={actions} />
    </AreaChart>
  )
})
