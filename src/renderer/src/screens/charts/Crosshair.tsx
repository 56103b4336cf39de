/**
 * The hover read-out of a line chart: a vertical line at the hovered trading day, a dot on each
 * visible line, and a box listing each line's value on that day in the chart's units. Lives
 * inside the recharts chart (for its scales and plot area) and subscribes to the pointer store,
 * so only this layer redraws as the pointer moves. The box is HTML, portalled into the chart's
 * box; nothing here takes pointer events, so event markers keep their hover and click.
 */
import { memo, useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
import { usePlotArea, useXAxisInverseScale, useXAxisScale, useYAxisScale } from 'recharts'
import { isoFromDay } from '../../../../shared/dates'
import type { PointerStore } from './pointer-store'
import { readoutAt, type ReadoutLine, type ReadoutRow } from './readout'

interface Props {
  pointer: PointerStore
  /** The visible lines, in legend order, with their colours. */
  lines: readonly ReadoutLine[]
  format: (v: number) => string
  /** The HTML box the read-out is drawn in (positioned; its top-left is the SVG's). */
  host: HTMLElement | null
  /** While this store holds something (a marker's tooltip), the box steps aside for it. */
  quiet?: { subscribe(listener: () => void): () => void; get(): unknown }
}

const noStore = { subscribe: () => () => {}, get: () => null }

function rowNote(row: ReadoutRow, day: number): string {
  if (row.outside) return `${row.outside.side === 'before' ? 'from' : 'until'} ${isoFromDay(row.outside.day)}`
  if (row.point && row.point.day !== day) return `on ${isoFromDay(row.point.day)}`
  return ''
}

export const Crosshair = memo(function Crosshair({ pointer, lines, format, host, quiet = noStore }: Props) {
  const pos = useSyncExternalStore(pointer.subscribe, pointer.get)
  const quietNow = useSyncExternalStore(quiet.subscribe, () => quiet.get() != null)
  const x = useXAxisScale()
  const y = useYAxisScale()
  const invert = useXAxisInverseScale()
  const area = usePlotArea()
  if (!pos || !x || !y || !invert || !area || lines.length === 0) return null
  if (pos.x < area.x || pos.x > area.x + area.width || pos.y < area.y || pos.y > area.y + area.height) return null
  const r = readoutAt(lines, Number(invert(pos.x)))
  const cx = r ? x(r.day) : undefined
  if (!r || cx == null) return null

  // Beside the crosshair, on the side with room, and below or above the pointer so the box never
  // hides the part of the lines the pointer is on.
  const left = cx > area.x + area.width * 0.6
  const above = pos.y > area.y + area.height / 2
  const shift = [left && 'translateX(-100%)', above && 'translateY(-100%)'].filter(Boolean).join(' ')
  const box = (
    <div
      className="ch-readout"
      data-testid="chart-readout"
      data-date={isoFromDay(r.day)}
      style={{ left: left ? cx - 14 : cx + 14, top: above ? pos.y - 14 : pos.y + 14, transform: shift || undefined }}
    >
      <div className="ch-readout-date">{isoFromDay(r.day)}</div>
      <table>
        <tbody>
          {r.rows.map((row) => (
            <tr key={row.id} data-ticker={row.ticker}>
              <th scope="row">
                <span className="ch-swatch" style={{ background: row.color }} />
                {row.ticker}
              </th>
              <td className="md-num">{row.point ? format(row.point.v) : '—'}</td>
              <td className="ch-readout-note">{rowNote(row, r.day)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
  return (
    <g className="ch-crosshair" pointerEvents="none">
      <line x1={cx} x2={cx} y1={area.y} y2={area.y + area.height} stroke="#6b7280" strokeWidth={1} />
      {r.rows.map((row) => {
        const px = row.point ? x(row.point.day) : undefined
        const py = row.point && Number.isFinite(row.point.v) ? y(row.point.v) : undefined
        if (px == null || py == null || !(py >= area.y && py <= area.y + area.height)) return null
        return <circle key={row.id} cx={px} cy={py} r={3.5} fill={row.color} stroke="#fff" strokeWidth={1.5} />
      })}
      {host && !quietNow && createPortal(box, host)}
    </g>
  )
})
