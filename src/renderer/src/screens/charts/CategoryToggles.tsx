/** Show or hide event markers by category; counts say how many events each category has. */
import { categoryLabel } from '../../../../shared/vocabulary'
import type { ChartEventMarker } from '../../../../shared/market'
import { categoryColor } from './palette'

interface Props {
  events: ChartEventMarker[]
  /** Categories switched off (an empty set shows every marker). */
  off: ReadonlySet<string>
  onChange: (off: Set<string>) => void
}

export function CategoryToggles({ events, off, onChange }: Props) {
  const counts = new Map<string, number>()
  for (const e of events) counts.set(e.category, (counts.get(e.category) ?? 0) + 1)
  const cats = [...counts.keys()].sort((a, b) => categoryLabel(a).localeCompare(categoryLabel(b)))
  if (cats.length === 0) return null
  return (
    <fieldset className="ch-cats">
      <legend>Events</legend>
      {cats.map((c) => (
        <label key={c} className="ch-cat">
          <input
            type="checkbox"
            checked={!off.has(c)}
            onChange={() => {
              const next = new Set(off)
              if (next.has(c)) next.delete(c)
              else next.add(c)
              onChange(next)
            }}
          />
          <span className="ch-dot" style={{ background: categoryColor(c) }} />
          {categoryLabel(c)} <span className="md-hint">{counts.get(c)}</span>
        </label>
      ))}
      <button type="button" className="btn btn-link" onClick={() => onChange(off.size ? new Set() : new Set(cats))}>
        {off.size ? 'Show all' : 'Hide all'}
      </button>
    </fieldset>
  )
}
