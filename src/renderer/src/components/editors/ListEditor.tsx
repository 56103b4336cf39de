/**
 * A list of short strings: tags as a comma-separated line, sources one per line. Blank items
 * are dropped; the core checks the rest.
 */
import { useState } from 'react'
import type { EditorProps } from '../grid/types'
import { useEditorKeys } from './useEditorKeys'

export function splitList(text: string, by: 'comma' | 'line'): string[] {
  return text
    .split(by === 'comma' ? /[,\n]/ : /\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean)
}

export function TagsEditor(props: EditorProps<string[]>) {
  const [value, setValue] = useState(props.initial.join(', '))
  const keys = useEditorKeys(props, () => splitList(value, 'comma'))
  return (
    <input
      className="input editor-input"
      aria-label={props.label}
      placeholder="tag, another tag"
      autoFocus
      value={value}
      onChange={(e) => setValue(e.target.value)}
      {...keys}
    />
  )
}

export function LinesEditor(props: EditorProps<string[]>) {
  const [value, setValue] = useState(props.initial.join('\n'))
  const keys = useEditorKeys(props, () => splitList(value, 'line'), { multiline: true })
  return (
    <div className="editor-popup-body" onBlur={keys.onBlur}>
      <textarea
        className="input editor-textarea"
        aria-label={props.label}
        autoFocus
        rows={5}
        placeholder="One per line"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={keys.onKeyDown}
      />
      <p className="editor-hint">One per line · Enter saves · Shift+Enter new line</p>
    </div>
  )
}
