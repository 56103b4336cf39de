/** Single-line text (a title, a name), at most as long as the field's schema allows. */
import { useState, type ComponentType } from 'react'
import type { EditorProps } from '../grid/types'
import { startText, useEditorKeys } from './useEditorKeys'

export function TextEditor(props: EditorProps<string> & { maxLength?: number }) {
  const start = startText(props.typed, props.initial)
  const [value, setValue] = useState(start.text)
  const keys = useEditorKeys(props, () => value)
  return (
    <input
      className="input editor-input"
      aria-label={props.label}
      autoFocus
      maxLength={props.maxLength}
      onFocus={start.onFocus}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      {...keys}
    />
  )
}

/** A text editor for a field the core limits to `maxLength` characters. Create once per limit. */
export function textEditor(maxLength: number): ComponentType<EditorProps<string>> {
  return function LimitedTextEditor(props: EditorProps<string>) {
    return <TextEditor {...props} maxLength={maxLength} />
  }
}
