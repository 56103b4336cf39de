/**
 * Controls of a grid's filter row: text contains (debounced as typed), a date range (typed as
 * YYYY-MM-DD, like every date in Capwatch), and a multi-select of values. Each reports only what the
 * analyst chose; undefined means "any".
 */
import { useEffect, useRef, useState } from 'react'
import { Popover } from './Popover'
import { Checklist, type ChecklistOption } from './Checklist'
import { IsoDateInput } from './IsoDateInput'

export function TextFilter({ label, value, onChange }: { label: string; value: string | undefined; onChange: (v: string | undefined) => void }) {
  const [draft, setDraft] = useState(value ?? '')
  const sent = useRef(value ?? '')
  // Follow the value when it changes from outside (Clear filters), not while typing.
  useEffect(() => {
    if ((value ?? '') !== sent.current) {
      sent.current = value ?? ''
      setDraft(value ?? '')
    }
  }, [value])
  useEffect(() => {
    if (draft === sent.current) return
    const t = setTimeout(() => {
      sent.current = draft
      onChange(draft.trim() ? draft : undefined)
    }, 200)
    return () => clearTimeout(t)
  }, [draft, onChange])
  return (
    <input
      className="input filter-input"
      type="text"
      aria-label={label}
      placeholder="Filter…"
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && draft) {
          e.stopPropagation()
          setDraft('')
        }
      }}
    />
  )
}

export interface DateRange {
  from?: string
  to?: string
}

export function DateRangeFilter({ label, value, onChange }: { label: string; value: DateRange | undefined; onChange: (v: DateRange | undefined) => void }) {
  const from = value?.from ?? ''
  const to = value?.to ?? ''
  // Both ends are ISO dates, so text order is date order.
  const reversed = !!from && !!to && from > to
  const summary = from || to ? `${reversed ? '⚠ ' : ''}${from || '…'} – ${to || '…'}` : 'Any'
  const set = (next: DateRange) => onChange(next.from || next.to ? { ...(next.from ? { from: next.from } : {}), ...(next.to ? { to: next.to } : {}) } : undefined)
  return (
    <Popover label={label} trigger={summary} buttonClassName={`btn filter-button ${from || to ? 'is-on' : ''}`}>
      {() => (
        <div className="filter-panel date-range">
          <label>
            From
            <IsoDateInput className="input" value={from} onChange={(v) => set({ from: v, to })} />
          </label>
          <label>
            To
            <IsoDateInput className="input" value={to} onChange={(v) => set({ from, to: v })} />
          </label>
          {reversed && (
            <p className="field-error" role="alert">
              From is after To: no date is in this range
            </p>
          )}
          <button type="button" className="btn btn-small" disabled={!from && !to} onClick={() => onChange(undefined)}>
            Any date
          </button>
        </div>
      )}
    </Popover>
  )
}

export function ChoiceFilter({
  label,
  options,
  value,
  onChange
}: {
  label: string
  options: readonly ChecklistOption[]
  value: readonly string[] | undefined
  onChange: (v: string[] | undefined) => void
}) {
  const chosen = value ?? []
  const first = options.find((o) => o.value === chosen[0])?.label ?? chosen[0]
  const summary = chosen.length === 0 ? 'All' : chosen.length === 1 ? first : `${first} +${chosen.length - 1}`
  return (
    <Popover label={label} trigger={summary} buttonClassName={`btn filter-button ${chosen.length ? 'is-on' : ''}`}>
      {() => (
        <div className="filter-panel">
          <Checklist label={label} options={options} selected={chosen} onChange={(v) => onChange(v.length ? v : undefined)} autoFocus />
          <button type="button" className="btn btn-small" disabled={chosen.length === 0} onClick={() => onChange(undefined)}>
            Clear
          </button>
        </div>
      )}
    </Popover>
  )
}
