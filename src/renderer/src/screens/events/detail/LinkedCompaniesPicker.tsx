/**
 * The detail panel's companies editor: the grid's conventions (ChecklistEditor) in a pop-up.
 * Toggles change a draft; Enter on an empty filter, or a click outside, saves it; Esc gives it up.
 * Saving each toggle at once (as before) made Esc, which the grid honours, a no-op here, and
 * moved the Edit button (and its pop-up) as chips were added under it.
 */
import { useEffect, useRef, useState } from 'react'
import type { ChecklistOption } from '../../../components/Checklist'
import { Checklist } from '../../../components/Checklist'

interface Props {
  options: readonly ChecklistOption[]
  saved: readonly string[]
  save: (ids: string[]) => void
  close: () => void
}

export function LinkedCompaniesPicker({ options, saved, save, close }: Props) {
  const [draft, setDraft] = useState<string[]>([...saved])
  // Read by the unmount below: how the pop-up was left decides whether the draft is saved.
  const state = useRef({ draft, cancelled: false, saved: false })
  state.current.draft = draft
  const commit = () => {
    state.current.saved = true
    if (!sameSet(draft, saved)) save(draft)
    close()
  }
  const saveRef = useRef({ save, saved })
  saveRef.current = { save, saved }
  useEffect(
    () => () => {
      // Closed by a click outside (or on Edit again): keep what was chosen, as the grid's blur does.
      const s = state.current
      if (!s.cancelled && !s.saved && !sameSet(s.draft, saveRef.current.saved)) saveRef.current.save(s.draft)
    },
    []
  )
  return (
    <div
      className="filter-panel"
      onKeyDown={(e) => {
        // The pop-up closes itself on Esc; this only marks the draft as given up.
        if (e.key === 'Escape') state.current.cancelled = true
      }}
    >
      <Checklist label="Linked companies" options={options} selected={draft} onChange={setDraft} onEnter={commit} autoFocus showChosen />
      <p className="editor-hint">Enter toggles · Enter on empty filter saves · Esc cancels</p>
    </div>
  )
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x))
}
