/**
 * Axis labels as plain SVG text. Recharts' default tick is its <Text>, which measures every label
 * in the DOM to decide on word wrapping: a forced layout per label on every draw, for labels
 * (a date, an amount) that never wrap. The charts choose their ticks to fit (dateTicks,
 * value-axis) and draw them all (interval 0), so nothing needs measuring.
 */
import type { ReactElement } from 'react'
import type { BaseTickContentProps } from 'recharts'

// Where recharts' <Text> puts one line against its anchor: a cap height below for 'start' (under
// an x axis), half of it for 'middle' (beside a y axis).
const DY = { start: '0.71em', middle: '0.355em', end: '0' } as const

export function plainTick(fontSize: number): (p: BaseTickContentProps) => ReactElement {
  return function PlainTick(p) {
    const label = p.tickFormatter ? p.tickFormatter(p.payload.value, p.index) : String(p.payload.value)
    return (
      <text x={p.x} y={p.y} dy={DY[p.verticalAnchor]} textAnchor={p.textAnchor} fill={p.fill} fontSize={fontSize} className={p.className}>
        {label}
      </text>
    )
  }
}
