/** The legend: one toggle per series (click hides or shows its line), with its colour. */
import type { Line } from './chart-data'
import { seriesColor } from './palette'

interface Props {
  lines: Pick<Line, 'id' | 'ticker' | 'name'>[]
  colorIndex: Map<string, number>
  hidden: ReadonlySet<string>
  onToggle: (id: string) => void
}

export function SeriesLegend({ lines, colorIndex, hidden, onToggle }: Props) {
  return (
    <ul className="ch-legend" aria-label="Legend: click a series to hide or show it">
      {lines.map((l) => (
        <li key={l.id}>
          <button type="button" aria-pressed={!hidden.has(l.id)} title={l.name} onClick={() => onToggle(l.id)} className={hidden.has(l.id) ? 'ch-off' : undefined}>
            <span className="ch-swatch" style={{ background: seriesColor(colorIndex.get(l.id) ?? 0) }} />
            {l.ticker}
          </button>
        </li>
      ))}
    </ul>
  )
}
