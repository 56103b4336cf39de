/**
 * Zoom by dragging across the market-cap chart's plot, as on most charting tools: the stretch
 * dragged over is shaded while the pointer moves and becomes the chart's range on release (the
 * brush below follows, and "Reset zoom" undoes it). A press on an event marker or on a marker's
 * popup is theirs, a press that barely moves is a click, and Escape cancels a drag.
 *
 * The drag lives in a small store outside React state, like the pointer: moving it redraws the
 * shaded band, never the chart.
 */
import { useSyncExternalStore, type PointerEvent } from 'react'

/** A drag shorter than this (px) is a click. */
const MIN_DRAG_PX = 8

export interface DragZoom {
  onPointerDown(e: PointerEvent<HTMLElement>): void
  onPointerMove(e: PointerEvent<HTMLElement>): void
  onPointerUp(e: PointerEvent<HTMLElement>): void
  /** The browser took the pointer (a touch turned into a scroll): no zoom. */
  onPointerCancel(e: PointerEvent<HTMLElement>): void
  subscribe(listener: () => void): () => void
  /** The band being dragged, in px from the box's left edge, or null. */
  get(): { from: number; to: number } | null
}

export interface PlotSpan {
  /** Where the plot starts and ends inside the box (px). */
  left: number
  right: number
  /** The days at those two edges. */
  x0: number
  x1: number
}

/** The day under `px` on a plot spanning `span`, clamped to its edges. */
export function dayAt(px: number, span: PlotSpan): number {
  const f = Math.min(Math.max((px - span.left) / (span.right - span.left || 1), 0), 1)
  return span.x0 + f * (span.x1 - span.x0)
}

/**
 * `span` is read at each event (it changes as the chart zooms); `onZoom` gets the days at the
 * band's two ends, earlier first.
 */
export function createDragZoom(span: () => PlotSpan, onZoom: (fromDay: number, toDay: number) => void): DragZoom {
  let band: { from: number; to: number } | null = null
  let pointerId: number | null = null
  const listeners = new Set<() => void>()
  const publish = (next: typeof band) => {
    band = next
    for (const l of listeners) l()
  }
  const xOf = (e: PointerEvent<HTMLElement>) => {
    const s = span()
    const px = e.clientX - e.currentTarget.getBoundingClientRect().left
    return Math.min(Math.max(px, s.left), s.right)
  }
  // Escape while dragging drops the band; the release then zooms nowhere.
  const onKey = (e: globalThis.KeyboardEvent) => {
    if (e.key === 'Escape' && band) publish(null)
  }
  const end = (e: PointerEvent<HTMLElement>) => {
    if (pointerId !== null && e.currentTarget.hasPointerCapture(pointerId)) e.currentTarget.releasePointerCapture(pointerId)
    pointerId = null
    window.removeEventListener('keydown', onKey)
    publish(null)
  }
  return {
    onPointerDown(e) {
      // Only on the chart itself: a marker's press is the marker's, and the HTML over the chart
      // (a pinned marker popup with its links) keeps its clicks.
      const target = e.target as Element
      if (e.button !== 0 || !target.closest('svg') || target.closest('.ch-marker')) return
      const s = span()
      const px = e.clientX - e.currentTarget.getBoundingClientRect().left
      if (px < s.left || px > s.right) return
      pointerId = e.pointerId
      e.currentTarget.setPointerCapture(e.pointerId)
      window.addEventListener('keydown', onKey)
      publish({ from: px, to: px })
    },
    onPointerMove(e) {
      if (pointerId !== e.pointerId || !band) return
      publish({ from: band.from, to: xOf(e) })
    },
    onPointerUp(e) {
      if (pointerId !== e.pointerId) return
      if (!band) return end(e)
      const to = xOf(e)
      const from = band.from
      end(e)
      if (Math.abs(to - from) < MIN_DRAG_PX) return
      const s = span()
      const a = dayAt(Math.min(from, to), s)
      const b = dayAt(Math.max(from, to), s)
      onZoom(a, b)
    },
    onPointerCancel(e) {
      if (pointerId === e.pointerId) end(e)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    get: () => band
  }
}

/** The shaded band while a drag is under way. */
export function DragBand({ drag, top, height }: { drag: DragZoom; top: number; height: number }) {
  const band = useSyncExternalStore(drag.subscribe, drag.get)
  if (!band || Math.abs(band.to - band.from) < 1) return null
  return <div className="ch-drag-band" data-testid="drag-zoom-band" style={{ left: Math.min(band.from, band.to), width: Math.abs(band.to - band.from), top, height }} />
}
