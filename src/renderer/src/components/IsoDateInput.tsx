/**
 * A date field that shows and accepts YYYY-MM-DD, as Capwatch writes dates everywhere. The native
 * `<input type="date">` shows the browser locale's form instead (MM/DD/YYYY in en-US), so the same
 * day would read two ways on one screen.
 *
 * The parent hears only of a real date, or '' when the text is emptied: while the analyst types,
 * or when the text is no date (2021-02-30), the parent keeps its last value, so a chart does not
 * flicker through half-typed dates. A text that is no date is marked invalid once it is complete
 * (ten characters) or the field is left, with the problem in its title; Esc brings back the value.
 */
import { useState, type InputHTMLAttributes } from 'react'
import { readDateText } from './iso-date'

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'defaultValue' | 'onChange'> {
  /** An ISO date, or '' for none. */
  value: string
  onChange: (value: string) => void
  /** Set by a parent that needs a date, when none is given: marked like a text that is no date. */
  'aria-invalid'?: boolean
}

const INVALID_STYLE = { borderColor: 'var(--danger, #c43d3d)' }

export function IsoDateInput({ value, onChange, onBlur, onKeyDown, style, title, 'aria-invalid': needed, ...rest }: Props) {
  const [text, setText] = useState(value)
  const [seen, setSeen] = useState(value)
  const [left, setLeft] = useState(false)
  const read = readDateText(text)

  // Follow the value when the parent changes it (a reset, a date chosen for the analyst), not when
  // it merely took the date this field reported (the text may be the compact form, not yet tidied).
  if (value !== seen) {
    setSeen(value)
    if (!(read.ok && read.value === value)) {
      setText(value)
      setLeft(false)
    }
  }

  const problem = !read.ok && (left || text.trim().length >= 10) ? read.problem : null
  const invalid = problem !== null || needed === true
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      placeholder="YYYY-MM-DD"
      autoComplete="off"
      spellCheck={false}
      size={10}
      value={text}
      aria-invalid={invalid || undefined}
      title={problem ?? title ?? 'A date as YYYY-MM-DD'}
      style={invalid ? { ...style, ...INVALID_STYLE } : style}
      onChange={(e) => {
        const next = e.target.value
        setText(next)
        setLeft(false)
        const r = readDateText(next)
        if (r.ok && r.value !== value) onChange(r.value)
      }}
      onBlur={(e) => {
        setLeft(true)
        // Written back in the one form the rest of Capwatch uses (20210702 -> 2021-07-02).
        if (read.ok && text !== read.value) setText(read.value)
        onBlur?.(e)
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && text !== value) {
          // Undo the typing only; a second Esc reaches the popover or dialog around the field.
          e.stopPropagation()
          setText(value)
          setLeft(false)
        }
        onKeyDown?.(e)
      }}
    />
  )
}
