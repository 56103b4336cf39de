/**
 * Several values from a long list (an event's companies): type to filter, Enter toggles the
 * highlighted item, Enter again (nothing highlighted) or Tab commits, Esc cancels.
 */
import { useState, type ComponentType } from 'react'
import type { EditorProps } from '../grid/types'
import { Checklist, type ChecklistOption } from '../Checklist'
import { useEditorKeys } from './useEditorKeys'

export function checklistEditor(options: readonly ChecklistOption[]): ComponentType<EditorProps<string[]>> {
  return function ChecklistEditor(props: EditorProps<string[]>) {
    const [value, setValue] = useState(props.initial)
    const keys = useEditorKeys(props, () => value)
    return (
      <div
        className="editor-popup-body"
        onBlur={keys.onBlur}
        onKeyDown={(e) => {
          // Enter is the checklist's own (toggle / commit through onEnter); Esc and Tab are ours.
          if (e.key !== 'Enter') keys.onKeyDown(e)
        }}
      >
        <Checklist label={props.label} initialFilter={props.typed} options={options} selected={value} onChange={setValue} onEnter={() => props.commit(value, 'stay')} autoFocus showChosen />
        <p className="editor-hint">Enter toggles · Enter on empty filter saves · Esc cancels</p>
      </div>
    )
  }
}
