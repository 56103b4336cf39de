/**
 * Impact windows as the analyst types them: "-1:1, 0:5, -5:20" (trading days relative to day 0,
 * IMPACT.md). Parsing names the piece that is wrong rather than guessing.
 */
import type { ImpactWindow } from '../../../../../shared/domain'

export function formatWindows(ws: ImpactWindow[]): string {
  return ws.map((w) => `${w.a}:${w.b}`).join(', ')
}

export function parseWindows(text: string): { windows: ImpactWindow[]; error: string | null } {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean)
  if (parts.length === 0) return { windows: [], error: 'Give at least one window, e.g. -1:1' }
  if (parts.length > 20) return { windows: [], error: 'At most 20 windows' }
  // Every wrong piece at once: fixing one only to be told of the next is a slow way to learn.
  const windows: ImpactWindow[] = []
  const wrong: string[] = []
  const seen = new Set<string>()
  for (const p of parts) {
    const mm = /^\[?\s*([+-]?\d+)\s*:\s*([+-]?\d+)\s*\]?$/.exec(p)
    if (!mm) {
      wrong.push(`"${p}" is not a window: write start:end, e.g. -1:1`)
      continue
    }
    const a = Number(mm[1])
    const b = Number(mm[2])
    const key = `${a}:${b}`
    if (Math.abs(a) > 1000 || Math.abs(b) > 1000) wrong.push(`"${p}": days must be between -1000 and 1000`)
    else if (a > b) wrong.push(`"${p}": the start must not be after the end`)
    else if (seen.has(key)) wrong.push(`"${p}" is listed twice`)
    else {
      seen.add(key)
      windows.push({ a, b })
    }
  }
  return wrong.length ? { windows: [], error: wrong.join('; ') } : { windows, error: null }
}
