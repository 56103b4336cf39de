/**
 * Where the pointer is over a chart, held outside React state like the marker hover: a move must
 * redraw only the crosshair and its read-out, never the chart with its thousands of points. The
 * handlers publish at most one position per animation frame, however fast the pointer events come.
 */
import type { PointerEvent } from 'react'

/** Pointer position in pixels from the chart box's top-left corner (the SVG's own coordinates). */
export interface PointerPos {
  x: number
  y: number
}

export interface PointerStore {
  get(): PointerPos | null
  subscribe(listener: () => void): () => void
  onPointerMove(e: PointerEvent<HTMLElement>): void
  onPointerLeave(): void
}

export function createPointerStore(): PointerStore {
  let value: PointerPos | null = null
  let pending: PointerPos | null = null
  let frame = 0
  const listeners = new Set<() => void>()
  const publish = (next: PointerPos | null) => {
    if (value === next) return
    value = next
    for (const l of listeners) l()
  }
  return {
    get: () => value,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    onPointerMove(e) {
      const box = e.currentTarget.getBoundingClientRect()
      pending = { x: e.clientX - box.left, y: e.clientY - box.top }
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        publish(pending)
      })
    },
    onPointerLeave() {
      if (frame) cancelAnimationFrame(frame)
      frame = 0
      pending = null
      publish(null)
    }
  }
}
