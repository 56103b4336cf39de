/**
 * What a workspace or a backup holds, in words: one phrasing for the recovery banner, the Backups
 * dialog and the CLI, so the analyst reads the same sentence wherever they meet a backup.
 */
import type { WorkspaceCounts } from './api'

type Counted = 'events' | 'notes' | 'companies' | 'priceSeries'
const KINDS: [Counted, string, string][] = [
  ['events', 'event', 'events'],
  ['notes', 'note', 'notes'],
  ['companies', 'company', 'companies'],
  ['priceSeries', 'price series', 'price series']
]

/** "55 events, 120 notes, 30 companies, 12 price series"; `number` formats each count (the app's locale). */
export function countsInWords(c: WorkspaceCounts, number: (n: number) => string = String): string {
  return KINDS.map(([key, one, many]) => `${number(c[key])} ${c[key] === 1 ? one : many}`).join(', ')
}

/**
 * How a backup differs from the workspace, "17 more companies and 3 fewer events"; '' when every
 * count is the same. Net figures: an event deleted and another added since read as no change.
 */
export function differencesInWords(backup: WorkspaceCounts, now: WorkspaceCounts, number: (n: number) => string = String): string {
  const parts: string[] = []
  for (const [key, one, many] of KINDS) {
    const d = backup[key] - now[key]
    if (d !== 0) parts.push(`${number(Math.abs(d))} ${d > 0 ? 'more' : 'fewer'} ${Math.abs(d) === 1 ? one : many}`)
  }
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}
