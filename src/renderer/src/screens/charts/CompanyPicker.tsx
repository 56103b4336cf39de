/**
 * Choose the companies to chart: a searchable checklist in a drop-down. Companies without prices
 * are listed but cannot be chosen (the reason is on the row); one without a listing (no ticker)
 * says "unlisted" where the others show their ticker.
 */
import { useState } from 'react'
import type { CompanyChoice } from './useCompanyChoices'

interface Props {
  choices: CompanyChoice[]
  selected: string[]
  onChange: (ids: string[]) => void
  onDefault: () => void
}

export function CompanyPicker({ choices, selected, onChange, onDefault }: Props) {
  const [filter, setFilter] = useState('')
  const chosen = new Set(selected)
  const f = filter.trim().toLowerCase()
  const shown = choices
    .filter((c) => !f || c.name.toLowerCase().includes(f) || c.ticker.toLowerCase().includes(f))
    .sort((a, b) => Number(b.hasPrices) - Number(a.hasPrices) || a.name.localeCompare(b.name))
  const toggle = (id: string) => onChange(chosen.has(id) ? selected.filter((x) => x !== id) : [...selected, id])
  const names = choices.filter((c) => chosen.has(c.id)).map((c) => c.ticker || c.name)

  return (
    <details className="ch-picker">
      <summary>
        Companies: {names.length === 0 ? 'none' : names.length <= 4 ? names.join(', ') : `${names.slice(0, 3).join(', ')} +${names.length - 3}`}
      </summary>
      <div className="ch-picker-panel">
        <input type="search" aria-label="Find a company" placeholder="Find…" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <div className="ch-picker-actions">
          <button type="button" className="btn btn-link" onClick={onDefault}>
            Linked to events
          </button>
          <button type="button" className="btn btn-link" onClick={() => onChange(choices.filter((c) => c.hasPrices && !c.benchmark).map((c) => c.id))}>
            All with prices
          </button>
          <button type="button" className="btn btn-link" onClick={() => onChange([])}>
            None
          </button>
        </div>
        <ul role="group" aria-label="Companies to chart">
          {shown.map((c) => (
            <li key={c.id}>
              <label className={c.hasPrices ? undefined : 'md-hint'} title={c.hasPrices ? undefined : 'No prices imported for this company'}>
                <input type="checkbox" checked={chosen.has(c.id)} disabled={!c.hasPrices && !chosen.has(c.id)} onChange={() => toggle(c.id)} />
                {c.name} {c.ticker ? <span className="md-hint">{c.ticker}</span> : <span className="md-hint ch-unlisted" title="No listing: not traded on an exchange">unlisted</span>}
                {c.benchmark && <span className="md-badge">benchmark</span>}
              </label>
            </li>
          ))}
        </ul>
      </div>
    </details>
  )
}
