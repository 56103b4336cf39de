/**
 * An event date with its precision: "2021-07-02" is known to the day, "2021-07" only to the
 * month (stored as the first of the month). Anything else goes to the core as typed, whose
 * message names the problem (e.g. 2021-02-30 is not a real date).
 */
import { useState } from 'react'
import type { EditorProps } from '../grid/types'
import { startText, useEditorKeys } from './useEditorKeys'

export interface DateValue {
  date: string
  datePrecision: 'day' | 'month'
}

export function formatDateValue(v: DateValue): string {
  return v.datePrecision === 'month' ? v.date.slice(0, 7) : v.date
}

export function parseDateText(text: string): DateValue {
  const t = text.trim()
  if (/^\d{4}-\d{2}$/.test(t)) return { date: `${t}-01`, datePrecision: 'month' }
  return { date: t, datePrecision: 'day' }
}

export function DateEditor(props: EditorProps<DateValue>) {
  const start = startText(props.typed, formatDateValue(props.initial))
  const [text, setText] = useState(start.text)
  const keys = useEditorKeys(props, () => parseDateText(text))
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
