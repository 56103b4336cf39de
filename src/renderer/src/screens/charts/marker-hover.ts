/**
 * Which event marker the pointer is over, held outside React state: hovering a marker must only
 * redraw the small tooltip, never the chart with its thousands of points.
 */
import type { MarkerGroup } from './chart-data'

export interface HoveredMarker {
  group: MarkerGroup
  /** Pixel position of the marker inside the chart's box. */
  x: number
  y: number
  /** Pinned by a click on a day with several events, so its list can be clicked. */
  pinned: boolean
}

export interface HoverStore {
  get(): HoveredMarker | null
  set(value: HoveredMarker | null): void
  subscribe(listener: () => void): () => void
}

export function createHoverStore(): HoverStore {
  let value: HoveredMarker | null = null
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    set(next) {
      if (value === next) return
      value = next
      for (const l of listeners) l()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
