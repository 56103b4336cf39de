/** Single-line text (a title, a name). */
import { useState } from 'react'
import type { EditorProps } from '../grid/types'
import { useEditorKeys } from './useEditorKeys'

export function TextEditor(props: EditorProps<string>) {
  const [value, setValue] = useState(props.initial)
  const keys = useEditorKeys(props, () => value)
  return (
    <input
      className="input editor-input"
      aria-label={props.label}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      {...keys}
    />
  )
}
