/**
 * State a screen keeps while the analyst visits another one: screens unmount when left, and
 * coming back to the Events table should find the same search, filters and sort, not reset ones.
 * Held for the page's lifetime (a restart starts afresh; column layouts are saved in the
 * workspace instead, see grid/layout-store.ts).
 */
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react'

const memory = new Map<string, unknown>()

/** `opening`, when given, wins over what was remembered (the screen was opened on purpose with it). */
export function useRemembered<T>(key: string, initial: T, opening?: T): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => (opening !== undefined ? opening : memory.has(key) ? (memory.get(key) as T) : initial))
  useEffect(() => {
    memory.set(key, value)
  }, [key, value])
  return [value, setValue]
}
