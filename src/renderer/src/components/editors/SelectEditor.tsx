/** A pick-list (category, authority): the browser's select, committed with Enter, Tab or blur. */
import { useState, type ComponentType } from 'react'
import type { EditorProps } from '../grid/types'
import { useEditorKeys } from './useEditorKeys'

export type SelectOptions = readonly (readonly [value: string, label: string])[]

/** An editor bound to a fixed list of options. Create once per list (module scope or memo). */
export function selectEditor(options: SelectOptions): ComponentType<EditorProps<string>> {
  return function SelectEditor(props: EditorProps<string>) {
    const [value, setValue] = useState(() => optionTyped(options, props.typed) ?? props.initial)
    const keys = useEditorKeys(props, () => value)
    return (
      <select className="input editor-input" aria-label={props.label} autoFocus value={value} onChange={(e) => setValue(e.target.value)} {...keys}>
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    )
  }
}

/** The option a character typed on the cell picks, as a closed select does: the first whose label starts with it. */
export function optionTyped(options: SelectOptions, typed: string | undefined): string | undefined {
  if (!typed) return undefined
  const t = typed.toLocaleLowerCase()
  return options.find(([, label]) => label.toLocaleLowerCase().startsWith(t))?.[0]
}
