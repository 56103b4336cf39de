/**
 * The zoom control under the chart: every day of the full range, the visible lines drawn faintly,
 * and the chart's range as a window with two handles. Drag a handle to move one end, the window
 * to pan, elsewhere to draw a new range (a click there centres the range on that day); the
 * handles are sliders for the keyboard (arrows, Shift+arrows, Page Up/Down, Home/End).
 *
 * Fully controlled and our own: recharts' Brush keeps its own copy of the indexes and drops the
 * controlled ones whenever its data changes (a mode switch), so it showed the full range while the
 * chart stayed zoomed. Here the handles are drawn from the props alone, so brush and chart read
 * the same range by construction. Changes are reported at most once per frame while dragging and
 * committed (for the full-resolution refetch) on release.
 */
import { memo, useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react'
import { isoFromDay } from '../../../../shared/dates'
import { lowerBound } from './chart-data'
import { MIN_GAP } from './useChartRange'
import type { ReadoutLine } from './readout'

interface Props {
  /** Width of the chart box; the brush spans its plot area (inside `inset`). */
  width: number
  inset: { left: number; right: number }
  days: number[]
  start: number
  end: number
  /** Lines to sketch in the background (the visible ones, full range). */
  preview: readonly ReadoutLine[]
  onChange: (start: number, end: number) => void
  onCommit: (start: number, end: number) => void
}

const HEIGHT = 36
type Part = 'start' | 'end' | 'pan' | 'new'

function sketch(lines: readonly ReadoutLine[], w: number, d0: number, span: number) {
  let lo = Infinity
  let hi = -Infinity
  for (const l of lines)
    for (const p of l.points) {
      if (!Number.isFinite(p.v)) continue
      lo = Math.min(lo, p.v)
      hi = Math.max(hi, p.v)
    }
  const dy = hi - lo || 1
  return lines.map((l) => {
    let d = ''
    for (const p of l.points) {
      if (!Number.isFinite(p.v)) continue
      d += `${d ? 'L' : 'M'}${(((p.day - d0) / span) * w).toFixed(1)},${(HEIGHT - 3 - ((p.v - lo) / dy) * (HEIGHT - 6)).toFixed(1)}`
    }
    return { id: l.id, color: l.color, d }
  })
}

export const OverviewBrush = memo(function OverviewBrush({ width, inset, days, start, end, preview, onChange, onCommit }: Props) {
  const w = Math.max(10, width - inset.left - inset.right)
  const last = days.length - 1
  const d0 = days[0]
  const span = days[last] - d0 || 1
  const paths = useMemo(() => sketch(preview, w, d0, span), [preview, w, d0, span])
  const drag = useRef<{ part: Part; anchor: number; grabPx: number; s0: number; e0: number; s: number; e: number } | null>(null)
  const frame = useRef(0)
  const keyed = useRef<[number, number] | null>(null)

  const xOf = (i: number) => ((days[i] - d0) / span) * w
  const indexAt = (px: number) => {
    const day = d0 + (Math.min(Math.max(px, 0), w) / w) * span
    const i = Math.min(lowerBound(days, day), last)
    return i > 0 && day - days[i - 1] < days[i] - day ? i - 1 : i
  }
  const report = (s: number, e: number) => {
    const d = drag.current
    if (!d) return
    d.s = s
    d.e = e
    if (frame.current) return
    frame.current = requestAnimationFrame(() => {
      frame.current = 0
      if (drag.current) onChange(drag.current.s, drag.current.e)
    })
  }

  const down = (ev: PointerEvent<HTMLDivElement>) => {
    if (ev.button !== 0) return
    const part = ((ev.target as HTMLElement).closest('[data-part]') as HTMLElement | null)?.dataset.part as Part | undefined
    const px = ev.clientX - ev.currentTarget.getBoundingClientRect().left
    const anchor = indexAt(px)
    // A new range starts empty at the anchor: released without a drag, it is a click (see up()).
    const fresh = !part || part === 'new'
    drag.current = { part: part ?? 'new', anchor, grabPx: px - xOf(start), s0: start, e0: end, s: fresh ? anchor : start, e: fresh ? anchor : end }
    ev.currentTarget.setPointerCapture(ev.pointerId)
    ev.preventDefault()
  }
  const move = (ev: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d) return
    const px = ev.clientX - ev.currentTarget.getBoundingClientRect().left
    const at = indexAt(px)
    if (d.part === 'start') report(Math.min(at, d.e0 - MIN_GAP), d.e0)
    else if (d.part === 'end') report(d.s0, Math.max(at, d.s0 + MIN_GAP))
    else if (d.part === 'pan') {
      const s = Math.min(Math.max(indexAt(px - d.grabPx), 0), last - (d.e0 - d.s0))
      report(s, s + (d.e0 - d.s0))
    } else report(Math.min(d.anchor, at), Math.max(d.anchor, at))
  }
  const up = () => {
    const d = drag.current
    if (!d) return
    if (frame.current) cancelAnimationFrame(frame.current)
    frame.current = 0
    drag.current = null
    let { s, e } = d
    if (e - s < MIN_GAP) {
      // A click (or a tiny drag) outside the window: move the range there, same length.
      const len = d.e0 - d.s0
      s = Math.min(Math.max(d.anchor - Math.round(len / 2), 0), last - len)
      e = s + len
    }
    onChange(s, e)
    onCommit(s, e)
  }

  const key = (which: 'start' | 'end') => (ev: KeyboardEvent<HTMLDivElement>) => {
    const big = Math.max(1, Math.round(days.length / 10))
    const steps: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -big, PageUp: big }
    const step = ev.key in steps ? steps[ev.key] * (ev.shiftKey ? Math.max(1, Math.round(days.length / 50)) : 1) : 0
    let s = start
    let e = end
    if (which === 'start') s = ev.key === 'Home' ? 0 : ev.key === 'End' ? end - MIN_GAP : Math.min(Math.max(start + step, 0), end - MIN_GAP)
    else e = ev.key === 'End' ? last : ev.key === 'Home' ? start + MIN_GAP : Math.max(Math.min(end + step, last), start + MIN_GAP)
    if (!step && ev.key !== 'Home' && ev.key !== 'End') return
    ev.preventDefault()
    keyed.current = [s, e]
    onChange(s, e)
  }
  const keyUp = () => {
    if (keyed.current) onCommit(...keyed.current)
    keyed.current = null
  }

  const xs = xOf(start)
  const xe = xOf(end)
  const handle = (which: 'start' | 'end', x: number, i: number) => (
    <div
      className="ch-brush-handle"
      data-part={which}
      role="slider"
      tabIndex={0}
      aria-label={which === 'start' ? 'Zoom from' : 'Zoom to'}
      aria-valuemin={0}
      aria-valuemax={last}
      aria-valuenow={i}
      aria-valuetext={isoFromDay(days[i])}
      title={isoFromDay(days[i])}
      style={{ left: x }}
      onKeyDown={key(which)}
      onKeyUp={keyUp}
    />
  )
  return (
    <div
      className="ch-brush"
      data-testid="chart-brush"
      data-from={isoFromDay(days[start])}
      data-to={isoFromDay(days[end])}
      style={{ width: w, height: HEIGHT, marginLeft: inset.left }}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
    >
      <svg width={w} height={HEIGHT} aria-hidden="true">
        {paths.map((p) => (
          <path key={p.id} d={p.d} fill="none" stroke={p.color} strokeWidth={1} opacity={0.85} />
        ))}
      </svg>
      <div className="ch-brush-shade" style={{ left: 0, width: xs }} />
      <div className="ch-brush-shade" style={{ left: xe, right: 0 }} />
      <div className="ch-brush-window" data-part="pan" title="Drag to move the range" style={{ left: xs, width: Math.max(0, xe - xs) }} />
      {handle('start', xs, start)}
      {handle('end', xe, end)}
    </div>
  )
})
