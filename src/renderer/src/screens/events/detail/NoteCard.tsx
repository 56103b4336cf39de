/** One note: its markdown rendered, when it was written and last edited, and edit / delete. */
import { useState } from 'react'
import type { Note } from '../../../../../shared/domain'
import { Markdown } from '../../../components/Markdown'
import { MarkdownEditor } from '../../../components/MarkdownEditor'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { errorText } from '../../../components/error-text'
import { formatDateTime } from '../../../components/format'
import { editNoteKey, hasDraft, useNoteDraft } from './note-drafts'

interface Props {
  note: Note
  onSave: (text: string) => Promise<void>
  onDelete: () => Promise<void>
}

export function NoteCard({ note, onSave, onDelete }: Props) {
  // An edit left unsaved when another event was selected opens again as it was left.
  const key = editNoteKey(note.id)
  const [editing, setEditing] = useState(() => hasDraft(key))
  const [draft, setDraft, clearDraft] = useNoteDraft(key, note.text)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirm, setConfirm] = useState(false)
  const created = formatDateTime(note.createdAt)
  const cancel = () => {
    clearDraft()
    setEditing(false)
    setError(null)
  }
  const save = async () => {
    setBusy(true)
    try {
      await onSave(draft)
      setEditing(false)
      clearDraft()
      setError(null)
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <article className="note" aria-label={`Note of ${created}`}>
      <header className="note-meta">
        <span title={note.createdAt}>{created}</span>
        {note.updatedAt !== note.createdAt && <span title={note.updatedAt}>· edited {formatDateTime(note.updatedAt)}</span>}
        {!editing && (
          <span className="note-actions">
            <button
              type="button"
              className="btn btn-ghost btn-small"
              // Short on screen, so both times fit beside it; named in full for assistive technology.
              aria-label="Edit note"
              onClick={() => {
                setDraft(note.text)
                setEditing(true)
              }}
            >
              Edit
            </button>
            <button type="button" className="btn btn-ghost btn-small" aria-label="Delete note" onClick={() => setConfirm(true)}>
              Delete
            </button>
          </span>
        )}
      </header>
      {editing ? (
        <div className="note-edit">
          <MarkdownEditor label="Edit note" value={draft} onChange={setDraft} onSubmit={save} onCancel={cancel} autoFocus rows={6} />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="row-actions">
            <button type="button" className="btn btn-primary btn-small" disabled={busy || !draft.trim()} onClick={save}>
              Save note
            </button>
            <button type="button" className="btn btn-small" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <Markdown source={note.text} className="note-body" />
      )}
      {confirm && (
        <ConfirmDialog title="Delete note" confirmLabel="Delete" danger onConfirm={onDelete} onClose={() => setConfirm(false)}>
          <p>Delete the note of {created}? This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </article>
  )
}
