/**
 * App commands from the desktop menu (and keyboard shortcuts) delivered to the screen that handles
 * them. A command sent while its screen is still mounting waits until the screen subscribes.
 */
import { useEffect, useRef } from 'react'
import type { MenuCommand } from '../../../shared/menu'

type Listener = (c: MenuCommand) => boolean
const listeners = new Set<Listener>()
let pending: MenuCommand[] = []

/** Deliver a command; kept for the next subscriber when nobody handles it now. */
export function sendCommand(c: MenuCommand): void {
  for (const l of listeners) if (l(c)) return
  pending = [...pending.slice(-4), c]
}

/** Handle some commands while this component is mounted. */
export function useCommands(handled: readonly MenuCommand[], run: (c: MenuCommand) => void): void {
  const runRef = useRef(run)
  runRef.current = run
  const key = handled.join(',')
  useEffect(() => {
    const names = new Set(key.split(','))
    const l: Listener = (c) => {
      if (!names.has(c)) return false
      runRef.current(c)
      return true
    }
    listeners.add(l)
    const mine = pending.filter((c) => names.has(c))
    pending = pending.filter((c) => !names.has(c))
    // Deliver after this render settles, as a fresh command would be.
    const t = setTimeout(() => mine.forEach((c) => runRef.current(c)))
    return () => {
      clearTimeout(t)
      listeners.delete(l)
    }
  }, [key])
}
