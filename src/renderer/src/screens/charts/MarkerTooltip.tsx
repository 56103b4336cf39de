/**
 * The event marker's tooltip: title(s) and date at the marker. Subscribes to the hover store, so
 * only this small box re-renders while the pointer moves between markers.
 */
import { useSyncExternalStore } from 'react'
import { categoryLabel } from '../../../../shared/vocabulary'
import { formatDateValue } from '../../components/event-date'
import { groupDateLabel } from './chart-data'
import type { HoverStore } from './marker-hover'
import { categoryColor } from './palette'

export function MarkerTooltip({ hover, open, width }: { hover: HoverStore; open: (eventId: string) => void; width: number }) {
  const h = useSyncExternalStore(hover.subscribe, hover.get)
  if (!h) return null
  const left = Math.max(0, Math.min(h.x + 8, width - 300))
  // A run of markers too close to tell apart spans several dates (or a day and a month): each
  // title then says its own.
  const first = formatDateValue(h.group.events[0])
  const dated = h.group.events.some((e) => formatDateValue(e) !== first)
  return (
    <div className={`ch-tooltip${h.pinned ? ' ch-tooltip-pinned' : ''}`} role="tooltip" style={{ left, top: h.y + 4 }} onMouseLeave={() => h.pinned && hover.set(null)}>
      <div className="ch-tooltip-date">{groupDateLabel(h.group)}</div>
      <ul>
        {h.group.events.map((e) => (
          <li key={e.id}>
            <span className="ch-dot" style={{ background: categoryColor(e.category) }} />
            {dated && <span className="md-hint">{formatDateValue(e)} </span>}
            {h.pinned ? (
              <button type="button" className="btn btn-link" onClick={() => open(e.id)}>
                {e.title}
              </button>
            ) : (
              e.title
            )}{' '}
            <span className="md-hint">({categoryLabel(e.category)})</span>
          </li>
        ))}
      </ul>
      {h.pinned ? (
        <button type="button" className="ch-tooltip-close" aria-label="Close" onClick={() => hover.set(null)}>
          ×
        </button>
      ) : (
        <div className="md-hint">Click to open {h.group.events.length > 1 ? 'one of these events' : 'the event'}</div>
      )}
    </div>
  )
}
