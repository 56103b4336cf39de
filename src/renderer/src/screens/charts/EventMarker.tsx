/**
 * One event marker: a vertical line at the event's date, a wide invisible hit area, hover (or
 * keyboard focus) shows the title and date, click or Enter opens the event. Plain SVG drawn by
 * MarkerLayer from the chart's x scale.
 */
import type { KeyboardEvent, MouseEvent } from 'react'
import { groupDateLabel, type MarkerGroup } from './chart-data'
import type { HoverStore } from './marker-hover'
import { categoryColor } from './palette'

export interface MarkerActions {
  hover: HoverStore
  open: (eventId: string) => void
}

export function markerLabel(g: MarkerGroup): string {
  return `${groupDateLabel(g)}: ${g.events.map((e) => e.title).join('; ')}`
}

/** Width of a marker's invisible hit area, in px: markers closer than this share one tooltip. */
export const HIT_WIDTH = 9

interface Props {
  group: MarkerGroup
  /** What hovering or activating it shows: its own group, or the run of markers too close to tell apart. */
  shows: MarkerGroup
  actions: MarkerActions
  x: number
  top: number
  bottom: number
}

export function EventMarker({ group, shows, actions, x, top, bottom }: Props) {
  const color = categoryColor(group.category)
  const activate = () => {
    if (shows.events.length === 1) {
      actions.hover.set(null)
      actions.open(shows.events[0].id)
    } else {
      // Several events on one day (or too close to tell apart): pin the tooltip so its list of
      // titles can be clicked.
      actions.hover.set({ group: shows, x, y: top, pinned: true })
    }
  }
  const show = () => {
    if (!actions.hover.get()?.pinned) actions.hover.set({ group: shows, x, y: top, pinned: false })
  }
  const hide = () => {
    if (!actions.hover.get()?.pinned) actions.hover.set(null)
  }
  return (
    <g
      className="ch-marker"
      role="button"
      tabIndex={0}
      aria-label={`Event ${markerLabel(group)}`}
      data-date={group.date}
      onMouseEnter={show}
      onMouseLeave={hide}
      onFocus={show}
      onBlur={hide}
      onClick={(e: MouseEvent) => {
        e.stopPropagation()
        activate()
      }}
      onKeyDown={(e: KeyboardEvent) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault()
          activate()
        }
      }}
    >
      <line x1={x} x2={x} y1={top} y2={bottom} stroke={color} strokeWidth={1} strokeDasharray="3 3" opacity={0.75} />
      <line className="ch-marker-hit" x1={x} x2={x} y1={top} y2={bottom} stroke="transparent" strokeWidth={HIT_WIDTH} />
      <circle cx={x} cy={top + 4} r={group.events.length > 1 ? 4 : 3} fill={color} />
    </g>
  )
}
