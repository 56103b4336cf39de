/**
 * Every event marker of a chart in one layer, placed with the chart's own x scale. One component
 * instead of a recharts ReferenceLine per event: a hundred markers then cost a hundred small SVG
 * groups, not a hundred store subscriptions re-evaluated on every chart update.
 */
import { memo } from 'react'
import { usePlotArea, useXAxisScale } from 'recharts'
import { clusterMarkers, type MarkerGroup } from './chart-data'
import { EventMarker, HIT_WIDTH, type MarkerActions } from './EventMarker'

export const MarkerLayer = memo(function MarkerLayer({ markers, actions }: { markers: MarkerGroup[]; actions: MarkerActions }) {
  const x = useXAxisScale()
  const area = usePlotArea()
  if (!x || !area) return null
  const top = area.y
  const bottom = area.y + area.height
  // Markers outside the zoomed range are not drawn (nor reachable by Tab).
  const visible: { group: MarkerGroup; px: number }[] = []
  for (const group of markers) {
    const px = x(group.day)
    if (px != null && px >= area.x - 0.5 && px <= area.x + area.width + 0.5) visible.push({ group, px })
  }
  const shown = clusterMarkers(visible, HIT_WIDTH)
  return (
    <g className="ch-markers">
      {visible.map(({ group, px }, i) => (
        <EventMarker key={group.day} group={group} shows={shown[i]} actions={actions} x={px} top={top} bottom={bottom} />
      ))}
    </g>
  )
})
