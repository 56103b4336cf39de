/**
 * Pick several items from a list that may be long (companies): a filter box over a multi-select
 * listbox. Arrow keys move the highlight, Enter toggles the highlighted item; with nothing
 * highlighted Enter is handed to `onEnter` (an editor commits). A click toggles too.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import { matchOptions } from './checklist-match'

export interface ChecklistOption {
  value: string
  label: string
  /** Secondary text, searched too (a company's tickers). */
  hint?: string
}

interface Props {
  label: string
  options: readonly ChecklistOption[]
  selected: readonly string[]
  onChange: (next: string[]) => void
  onEnter?: () => void
  autoFocus?: boolean
  /** Show the filter box (off for short fixed lists). */
  searchable?: boolean
  /** List what is chosen above the box, each removable (when the list is long). */
  showChosen?: boolean
  /** What the filter box starts with (a character typed on a grid cell opened the list). */
  initialFilter?: string
}

export function Checklist({ label, options, selected, onChange, onEnter, autoFocus, searchable = true, showChosen = false, initialFilter = '' }: Props) {
  const [filter, setFilter] = useState(initialFilter)
  const [hi, setHi] = useState(initialFilter.trim() ? 0 : -1)
  const listId = useId()
  const chosen = useMemo(() => new Set(selected), [selected])
  const shown = useMemo(() => matchOptions(options, filter), [filter, options])
  const toggle = (value: string) => {
    onChange(chosen.has(value) ? selected.filter((v) => v !== value) : [...selected, value])
  }
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      e.stopPropagation()
      const d = e.key === 'ArrowDown' ? 1 : -1
      setHi((h) => Math.max(0, Math.min(shown.length - 1, h + d)))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      e.stopPropagation()
      const target = hi >= 0 ? shown[hi] : filter.trim() ? shown[0] : undefined
      if (target) {
        toggle(target.value)
        setFilter('')
        setHi(-1)
      } else onEnter?.()
    }
  }
  const optionId = (i: number) => `${listId}-o${i}`
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v
  return (
    <div className="checklist" onKeyDown={searchable ? undefined : onKey} tabIndex={searchable ? undefined : 0} aria-label={searchable ? undefined : label}>
      {showChosen && (
        <div className="checklist-chosen" aria-label={`${label}: chosen`}>
          {selected.length === 0 && <span className="muted">None</span>}
          {selected.map((v) => (
            <span key={v} className="chip chip-company">
              {labelOf(v)}
              <button type="button" className="chip-remove" aria-label={`Remove ${labelOf(v)}`} onMouseDown={(e) => e.preventDefault()} onClick={() => toggle(v)}>
                ×
              </button>
            </span>
          ))}
        </div>
      )}
      {searchable && (
        <input
          className="input checklist-filter"
          type="text"
          role="combobox"
          aria-label={label}
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={hi >= 0 && hi < shown.length ? optionId(hi) : undefined}
          placeholder="Type to filter…"
          autoFocus={autoFocus}
          // Typing goes on after a filter it started with.
          onFocus={(e) => e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length)}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value)
            setHi(e.target.value.trim() ? 0 : -1)
          }}
          onKeyDown={onKey}
        />
      )}
      <ul id={listId} className="checklist-list" role="listbox" aria-multiselectable="true" aria-label={label}>
        {shown.map((o, i) => (
          <li
            key={o.value}
            id={optionId(i)}
            role="option"
            aria-selected={chosen.has(o.value)}
            className={`checklist-option ${i === hi ? 'is-highlighted' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => toggle(o.value)}
          >
            <span className="check" aria-hidden="true">
              {chosen.has(o.value) ? '✓' : ''}
            </span>
            <span className="checklist-label">{o.label}</span>
            {o.hint && <span className="checklist-hint">{o.hint}</span>}
          </li>
        ))}
        {shown.length === 0 && <li className="checklist-empty">No match</li>}
      </ul>
    </div>
  )
}
