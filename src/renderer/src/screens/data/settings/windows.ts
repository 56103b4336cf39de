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
  const windows: ImpactWindow[] = []
  const seen = new Set<string>()
  for (const p of parts) {
    const mm = /^\[?\s*([+-]?\d+)\s*:\s*([+-]?\d+)\s*\]?$/.exec(p)
    if (!mm) return { windows: [], error: `"${p}" is not a window: write start:end, e.g. -1:1` }
    const a = Number(mm[1])
    const b = Number(mm[2])
    if (Math.abs(a) > 1000 || Math.abs(b) > 1000) return { windows: [], error: `"${p}": days must be between -1000 and 1000` }
    if (a > b) return { windows: [], error: `"${p}": the start must not be after the end` }
    const key = `${a}:${b}`
    if (seen.has(key)) return { windows: [], error: `"${p}" is listed twice` }
    seen.add(key)
    windows.push({ a, b })
  }
  return { windows, error: null }
}
