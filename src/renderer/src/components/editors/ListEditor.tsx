/**
 * A list of short strings: tags as a comma-separated line, sources one per line. Blank items
 * are dropped; the core checks the rest.
 */
import { useState } from 'react'
import type { EditorProps } from '../grid/types'
import { startText, useEditorKeys } from './useEditorKeys'

// The core's limits (domain.ts eventFields) as whole texts: 50 tags of 60 characters with ", "
// between them; 50 sources of 1000 characters, one a line. Each item's own limit is the core's.
const TAGS_MAX = 50 * 62
const LINES_MAX = 50 * 1001

export function splitList(text: string, by: 'comma' | 'line'): string[] {
  return text
    .split(by === 'comma' ? /[,\n]/ : /\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean)
}

export function TagsEditor(props: EditorProps<string[]>) {
  const start = startText(props.typed, props.initial.join(', '))
  const [value, setValue] = useState(start.text)
  const keys = useEditorKeys(props, () => splitList(value, 'comma'))
  return (
    <input
      className="input editor-input"
      aria-label={props.label}
      placeholder="tag, another tag"
      maxLength={TAGS_MAX}
      autoFocus
      onFocus={start.onFocus}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      {...keys}
    />
  )
}

export function LinesEditor(props: EditorProps<string[]>) {
  const start = startText(props.typed, props.initial.join('\n'))
  const [value, setValue] = useState(start.text)
  const keys = useEditorKeys(props, () => splitList(value, 'line'), { multiline: true })
  return (
    <div className="editor-popup-body" onBlur={keys.onBlur}>
      <textarea
        className="input editor-textarea"
        aria-label={props.label}
        autoFocus
        onFocus={start.onFocus}
        rows={5}
        maxLength={LINES_MAX}
        placeholder="One per line"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={keys.onKeyDown}
      />
      <p className="editor-hint">One per line · Enter saves · Shift+Enter new line</p>
    </div>
  )
}
