/** Multi-line text (a summary): Shift+Enter starts a new line, Enter commits. */
import { useState } from 'react'
import type { EditorProps } from '../grid/types'
import { useEditorKeys } from './useEditorKeys'

export function LongTextEditor(props: EditorProps<string>) {
  const [value, setValue] = useState(props.initial)
  const keys = useEditorKeys(props, () => value, { multiline: true })
  return (
    <div className="editor-popup-body" onBlur={keys.onBlur}>
      <textarea
        className="input editor-textarea"
        aria-label={props.label}
        autoFocus
        rows={6}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={keys.onKeyDown}
      />
      <p className="editor-hint">Enter saves · Shift+Enter new line · Esc cancels</p>
    </div>
  )
}
