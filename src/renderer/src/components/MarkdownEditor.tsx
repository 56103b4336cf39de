/** A markdown text box with a Write / Preview switch; Ctrl+Enter (Cmd+Enter) submits. */
import { useState } from 'react'
import { Markdown } from './Markdown'

/** The core's limit on a note (api.ts `notes:add`): typing stops there rather than failing. */
const NOTE_MAX = 100_000

interface Props {
  label: string
  value: string
  onChange: (v: string) => void
  onSubmit?: () => void
  onCancel?: () => void
  autoFocus?: boolean
  placeholder?: string
  rows?: number
}

export function MarkdownEditor({ label, value, onChange, onSubmit, onCancel, autoFocus, placeholder, rows = 4 }: Props) {
  const [preview, setPreview] = useState(false)
  // Emptied from outside (a note just added from the Preview tab): back to Write for the next one.
  const [empty, setEmpty] = useState(value === '')
  if ((value === '') !== empty) {
    setEmpty(value === '')
    if (value === '') setPreview(false)
  }
  return (
    <div className="mk-editor">
      <div className="mk-tabs" role="group" aria-label={`${label}: mode`}>
        <button type="button" className="mk-tab" aria-pressed={!preview} onClick={() => setPreview(false)}>
          Write
        </button>
        <button type="button" className="mk-tab" aria-pressed={preview} onClick={() => setPreview(true)}>
          Preview
        </button>
        <span className="mk-help">Markdown · Ctrl+Enter to save</span>
      </div>
      {preview ? (
        <div className="mk-preview" aria-label={`${label} preview`} role="region">
          {value.trim() ? <Markdown source={value} /> : <p className="muted">Nothing to preview</p>}
        </div>
      ) : (
        <textarea
          className="input mk-textarea"
          aria-label={label}
          autoFocus={autoFocus}
          placeholder={placeholder}
          rows={rows}
          maxLength={NOTE_MAX}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault()
              onSubmit?.()
            } else if (e.key === 'Escape' && onCancel) {
              e.stopPropagation()
              onCancel()
            }
          }}
        />
      )}
    </div>
  )
}
