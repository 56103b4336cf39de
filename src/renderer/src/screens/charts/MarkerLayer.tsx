/**
 * Every event marker of a chart in one layer, placed with the chart's own x scale. One component
 * instead of a recharts ReferenceLine per event: a hundred markers then cost a hundred small SVG
 * groups, not a hundred store subscriptions re-evaluated on every chart update.
 */
import { memo } from 'react'
import { usePlotArea, useXAxisScale } from 'recharts'
import type { MarkerGroup } from './chart-data'
import { EventMarker, type MarkerActions } from './EventMarker'

export const MarkerLayer = memo(function MarkerLayer({ markers, actions }: { markers: MarkerGroup[]; actions: MarkerActions }) {
  const x = useXAxisScale()
  const area = usePlotArea()
  if (!x || !area) return null
  const top = area.y
  const bottom = area.y + area.height
  return (
    <g className="ch-markers">
      {markers.map((g) => {
        const px = x(g.day)
        // Markers outside the zoomed range are not drawn (nor reachable by Tab).
        if (px == null || px < area.x - 0.5 || px > area.x + area.width + 0.5) return null
        return <EventMarker key={g.day} group={g} actions={actions} x={px} top={top} bottom={bottom} />
      })}
    </g>
  )
})
