/**
 * One field of the detail form: a draft that follows the saved value, saved when committed.
 * A rejected save shows the core's message under the field and keeps what was typed, so the
 * analyst can correct it; Esc (reset) puts the saved value back.
 */
import { useEffect, useRef, useState } from 'react'
import { errorText } from '../../../components/error-text'

export interface Field<V> {
  draft: V
  setDraft: (v: V) => void
  commit: (v?: V) => Promise<void>
  reset: () => void
  error: string | null
}

export function useField<V>(saved: V, save: (v: V) => Promise<unknown>): Field<V> {
  const [draft, setDraft] = useState(saved)
  const [error, setError] = useState<string | null>(null)
  const savedKey = JSON.stringify(saved)
  const seen = useRef(savedKey)
  const savedRef = useRef(saved)
  savedRef.current = saved
  useEffect(() => {
    if (savedKey !== seen.current) {
      seen.current = savedKey
      setDraft(savedRef.current)
    }
  }, [savedKey])
  const commit = async (v: V = draft) => {
    if (JSON.stringify(v) === savedKey) {
      setError(null)
      return
    }
    setDraft(v)
    try {
      await save(v)
      setError(null)
    } catch (e) {
      setError(errorText(e))
    }
  }
  const reset = () => {
    setDraft(savedRef.current)
    setError(null)
  }
  return { draft, setDraft, commit, reset, error }
}
