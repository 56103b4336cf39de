/** Multi-line text (a summary): Shift+Enter starts a new line, Enter commits. */
import { useState, type ComponentType } from 'react'
import type { EditorProps } from '../grid/types'
import { startText, useEditorKeys } from './useEditorKeys'

export function LongTextEditor(props: EditorProps<string> & { maxLength?: number }) {
  const start = startText(props.typed, props.initial)
  const [value, setValue] = useState(start.text)
  const keys = useEditorKeys(props, () => value)
  return (
    <div className="editor-popup-body" onBlur={keys.onBlur}>
      <textarea
        className="input editor-textarea"
        aria-label={props.label}
        autoFocus
        onFocus={start.onFocus}
        rows={6}
        maxLength={props.maxLength}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={keys.onKeyDown}
      />
      <p className="editor-hint">Enter saves · Shift+Enter new line · Esc cancels</p>
    </div>
  )
}

/** A multi-line editor for a field the core limits to `maxLength` characters. Create once per limit. */
export function longTextEditor(maxLength: number): ComponentType<EditorProps<string>> {
  return function LimitedLongTextEditor(props: EditorProps<string>) {
    return <LongTextEditor {...props} maxLength={maxLength} />
  }
}
