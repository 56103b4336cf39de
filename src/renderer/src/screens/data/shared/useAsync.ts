/**
 * Load something from the core when its inputs change, keeping the last good value while a new
 * one loads, and dropping answers that arrive after newer requests (a fast click must not be
 * overwritten by a slow earlier response).
 */
import { useCallback, useEffect, useRef, useState } from 'react'

export interface AsyncState<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload: () => void
}

export function useAsync<T>(load: (() => Promise<T>) | null, key: string): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(load !== null)
  const [tick, setTick] = useState(0)
  const seq = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  useEffect(() => {
    const fn = loadRef.current
    if (!fn) {
      setLoading(false)
      return
    }
    const mine = ++seq.current
    setLoading(true)
    fn().then(
      (value) => {
        if (mine !== seq.current) return
        setData(value)
        setError(null)
        setLoading(false)
      },
      (e: unknown) => {
        if (mine !== seq.current) return
        setError(e)
        setLoading(false)
      }
    )
  }, [key, tick])

  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { data, error, loading, reload }
}
