/**
 * Unsaved note text, kept for the session: a note half-written on one event is still there when
 * the analyst comes back to it after looking at another (the detail panel is rebuilt for each
 * event, and its composer with it). Held in memory only: a draft is not data until it is saved.
 */
import { useCallback, useState } from 'react'

const drafts = new Map<string, string>()

/** The draft of a new note on an event. */
export const newNoteKey = (eventId: string) => `new:${eventId}`
/** The draft of an edit to an existing note. */
export const editNoteKey = (noteId: string) => `edit:${noteId}`

export function hasDraft(key: string): boolean {
  return drafts.has(key)
}

/** Like useState for a note's text, remembered under `key` until cleared (saved or cancelled). */
export function useNoteDraft(key: string, initial = ''): [string, (text: string) => void, () => void] {
  const [text, setText] = useState(() => drafts.get(key) ?? initial)
  const set = useCallback(
    (t: string) => {
      setText(t)
      drafts.set(key, t)
    },
    [key]
  )
  const clear = useCallback(() => {
    drafts.delete(key)
    setText(initial)
  }, [key, initial])
  return [text, set, clear]
}
