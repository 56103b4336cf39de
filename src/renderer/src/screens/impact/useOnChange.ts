/**
 * Runs `effect` when `key` changes, but not when the component mounts: a screen coming back with
 * its remembered choices (app/remembered.ts) must not reset what those choices left, such as the
 * page of a table, the way a new choice does.
 */
import { useEffect, useRef } from 'react'

export function useOnChange(key: string, effect: () => void): void {
  const seen = useRef(key)
  useEffect(() => {
    // A ref, not a flag of the first run: StrictMode runs a mount's effects twice.
    if (seen.current === key) return
    seen.current = key
    effect()
  }, [key, effect])
}
