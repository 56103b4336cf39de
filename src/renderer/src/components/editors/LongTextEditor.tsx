/**
 * Multi-line text (a summary): Shift+Enter starts a new line, Enter commits. No hard cap, for the
 * reason TextEditor.tsx gives: the core names the limit instead.
 */
import { useState } from 'react'
import type { EditorProps } from '../grid/types'
import { startText, useEditorKeys } from './useEditorKeys'

export function LongTextEditor(props: EditorProps<string>) {
  const start = startText(props.typed, props.initial)
  const [value, setValue] = useState(start.text)
  const keys = useEditorKeys(props, () => value, { multiline: true })
  return (
    <div className="editor-popup-body" onBlur={keys.onBlur}>
      <textarea
        className="input editor-textarea"
        aria-label={props.label}
        autoFocus
        onFocus={start.onFocus}
        rows={6}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={keys.onKeyDown}
      />
      <p className="editor-hint">Enter saves · Shift+Enter new line · Esc cancels</p>
    </div>
  )
}
