/**
 * Single-line text (a title, a name). No hard cap in the input: a paste longer than the field's
 * limit would be cut without a word. The core refuses it instead, naming the field and its limit
 * ("Title must be at most 300 characters"), and the editor stays open with the whole text.
 */
import { useState } from 'react'
import type { EditorProps } from '../grid/types'
import { startText, useEditorKeys } from './useEditorKeys'

export function TextEditor(props: EditorProps<string>) {
  const start = startText(props.typed, props.initial, props.selectAll)
  const [value, setValue] = useState(start.text)
  const keys = useEditorKeys(props, () => value)
  return (
    <input
      className="input editor-input"
      aria-label={props.label}
      autoFocus
      onFocus={start.onFocus}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      {...keys}
    />
  )
}
