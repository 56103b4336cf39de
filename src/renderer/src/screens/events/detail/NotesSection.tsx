/** An event's notes, newest first, with a composer on top. */
import { useState } from 'react'
import type { Note } from '../../../../../shared/domain'
import { api } from '../../../api/client'
import { MarkdownEditor } from '../../../components/MarkdownEditor'
import { errorText } from '../../../components/error-text'
import { NoteCard } from './NoteCard'
import { newNoteKey, useNoteDraft } from './note-drafts'

interface Props {
  eventId: string
  notes: Note[]
  /** Called with the event's notes after any change (newest first). */
  onChange: (notes: Note[]) => void
}

const newestFirst = (a: Note, b: Note) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)

export function NotesSection({ eventId, notes, onChange }: Props) {
  // Kept per event for the session: selecting another event does not throw it away.
  const [draft, setDraft, clearDraft] = useNoteDraft(newNoteKey(eventId))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const add = async () => {
    if (!draft.trim() || busy) return
    setBusy(true)
    try {
      const note = await api['notes:add']({ eventId, text: draft })
      onChange([note, ...notes].sort(newestFirst))
      clearDraft()
      setError(null)
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="notes" aria-label="Notes">
      <h3 className="section-title">
        Notes <span className="count">{notes.length}</span>
      </h3>
      <div className="note-composer">
        <MarkdownEditor label="New note" value={draft} onChange={setDraft} onSubmit={add} placeholder="Write a note in markdown…" rows={3} />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="row-actions">
          <button type="button" className="btn btn-primary btn-small" disabled={busy || !draft.trim()} onClick={add}>
            Add note
          </button>
        </div>
      </div>
      {notes.length === 0 ? (
        <p className="muted notes-empty">No notes yet. Notes are yours: your reading of the event, in markdown.</p>
      ) : (
        notes.map((n) => (
          <NoteCard
            key={n.id}
            note={n}
            onSave={async (text) => {
              const saved = await api['notes:update']({ id: n.id, text })
              onChange(notes.map((x) => (x.id === saved.id ? saved : x)))
            }}
            onDelete={async () => {
              await api['notes:delete']({ id: n.id })
              onChange(notes.filter((x) => x.id !== n.id))
            }}
          />
        ))
      )}
    </section>
  )
}
