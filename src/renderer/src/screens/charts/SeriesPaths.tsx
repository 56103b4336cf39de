/**
 * The market-cap lines, drawn as one SVG path per company from the chart's own scales. Recharts'
 * <Line> builds an object per point through its store on every update, which alone takes longer
 * than the 400 ms budget for 20 companies x ~1,000 points; here each line is one string built in
 * a plain loop, memoised on the data, the scales and the hidden set. Axes, grid, brush and layout
 * stay recharts'.
 */
import { memo, useId, useMemo } from 'react'
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts'
import { linePath, type Line, type Scale } from './chart-data'
import { seriesColor } from './palette'

interface Props {
  lines: Line[]
  hidden: ReadonlySet<string>
  colorIndex: Map<string, number>
  log: boolean
}

export const SeriesPaths = memo(function SeriesPaths({ lines, hidden, colorIndex, log }: Props) {
  const x = useXAxisScale()
  const y = useYAxisScale()
  const area = usePlotArea()
  const clipId = useId()
  const paths = useMemo(
    () =>
      x && y
        ? lines
            .filter((l) => !hidden.has(l.id))
            .map((l) => ({ id: l.id, ticker: l.ticker, color: seriesColor(colorIndex.get(l.id) ?? 0), d: linePath(l.points, x as Scale, y as Scale, log) }))
        : [],
    [lines, hidden, colorIndex, x, y, log]
  )
  if (!area) return null
  return (
    <g className="ch-lines">
      <defs>
        <clipPath id={clipId}>
          <rect x={area.x} y={area.y} width={area.width} height={area.height} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clipId})`}>
        {paths.map((p) => (
          <path key={p.id} className="ch-line" data-ticker={p.ticker} d={p.d} fill="none" stroke={p.color} strokeWidth={1.5} strokeLinejoin="round" />
        ))}
      </g>
    </g>
  )
})
