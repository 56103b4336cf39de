/** The grid's editor of an event date (see `event-date.ts` for the forms it takes). */
import { useState } from 'react'
import type { EditorProps } from '../grid/types'
import { formatDateValue, readEventDate, type DateRead, type DateValue } from '../event-date'
import { startText, useEditorKeys } from './useEditorKeys'

export function DateEditor(props: EditorProps<DateValue>) {
  const start = startText(props.typed, formatDateValue(props.initial))
  const [text, setText] = useState(start.text)
  // A refused text goes to the commit as its problem, which the grid shows beside the editor.
  const keys = useEditorKeys(props as EditorProps<DateRead>, () => readEventDate(text))
  return (
    <input
      className="input editor-input"
      aria-label={props.label}
      aria-description="YYYY-MM-DD, or YYYY-MM when only the month is known"
      placeholder="YYYY-MM-DD or YYYY-MM"
      autoFocus
      onFocus={start.onFocus}
      value={text}
      onChange={(e) => setText(e.target.value)}
      {...keys}
    />
  )
}
