/**
 * The market-cap chart: recharts draws the axes, grid and layout; the lines (one path per company,
 * already downsampled by the core to about one point per pixel), the event markers and the hover
 * read-out are drawn by memoised layers from recharts' scales. Animation-free: 20 companies x
 * 2,500 days with 100 markers must draw within a few hundred milliseconds.
 */
import { memo, useMemo } from 'react'
import { CartesianGrid, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts'
import { dateAxis, type Line as ChartLine, type MarkerGroup } from './chart-data'
import { Crosshair } from './Crosshair'
import type { MarkerActions } from './EventMarker'
import { MarkerLayer } from './MarkerLayer'
import type { PointerStore } from './pointer-store'
import type { ReadoutLine } from './readout'
import { SeriesPaths } from './SeriesPaths'
import type { ValueAxis } from './value-axis'
import { plainTick } from './plain-tick'

export interface MarketCapChartProps {
  width: number
  height: number
  lines: ChartLine[]
  /** Colour index of each line id, stable while series are toggled. */
  colorIndex: Map<string, number>
  hidden: ReadonlySet<string>
  markers: MarkerGroup[]
  actions: MarkerActions
  xDomain: [number, number]
  yAxis: ValueAxis | null
  log: boolean
  /** Indexed mode: a reference line at 100, the level every line starts from. */
  indexed: boolean
  formatValue: (v: number) => string
  /** The hover read-out: the visible lines with their colours, the pointer, where to draw the box. */
  readout: { lines: readonly ReadoutLine[]; pointer: PointerStore; format: (v: number) => string; host: HTMLElement | null }
}

// Constant props keep their identity across renders, so recharts sees no layout change when only
// the markers or hidden series change.
const MARGIN = { top: 12, right: 20, bottom: 4, left: 8 }
const Y_WIDTH = 72
/** Where the plot area starts and ends inside the chart's width: the brush lines up with it. */
export const PLOT_INSET = { left: MARGIN.left + Y_WIDTH, right: MARGIN.right, top: MARGIN.top }
/** Recharts' default height of the x axis under the plot. */
const X_AXIS_HEIGHT = 30
/** The plot's height inside a chart this tall: how far apart the value axis's labels fall. */
export const plotHeight = (height: number): number => height - MARGIN.top - MARGIN.bottom - X_AXIS_HEIGHT
// Plain labels: recharts' own measure each one in the DOM (see plain-tick).
const TICK = plainTick(11)
const EMPTY_LINEAR: [number, number] = [0, 1]
const EMPTY_LOG: [number, number] = [1, 10]

export const MarketCapChart = memo(function MarketCapChart(p: MarketCapChartProps) {
  const xAxis = useMemo(() => dateAxis(p.xDomain[0], p.xDomain[1], Math.max(2, Math.floor(p.width / 110))), [p.xDomain, p.width])
  // The axes get their domains from us (no chart data), so recharts never walks the points.
  const yDomain = p.yAxis?.domain ?? (p.log ? EMPTY_LOG : EMPTY_LINEAR)
  return (
    <LineChart width={p.width} height={p.height} margin={MARGIN} accessibilityLayer={false}>
      <CartesianGrid stroke="#eef0f3" vertical={false} />
      <XAxis dataKey="day" type="number" domain={p.xDomain} allowDataOverflow ticks={xAxis.ticks} interval={0} tickFormatter={xAxis.format} tick={TICK} />
      <YAxis
        type="number"
        scale={p.log ? 'log' : 'linear'}
        domain={yDomain}
        allowDataOverflow
        ticks={p.yAxis?.ticks}
        interval={0}
        tickFormatter={p.formatValue}
        tick={TICK}
        width={Y_WIDTH}
      />
      {p.indexed && <ReferenceLine y={100} stroke="#7b8494" strokeDasharray="5 3" ifOverflow="discard" />}
      <SeriesPaths lines={p.lines} hidden={p.hidden} colorIndex={p.colorIndex} log={p.log} />
      <MarkerLayer markers={p.markers} actions={p.actions} />
      <Crosshair pointer={p.readout.pointer} lines={p.readout.lines} format={p.readout.format} host={p.readout.host} quiet={p.actions.hover} />
    </LineChart>
  )
})
