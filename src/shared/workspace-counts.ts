/**
 * What a workspace or a backup holds, in words: one phrasing for the recovery banner, the Backups
 * dialog and the CLI, so the analyst reads the same sentence wherever they meet a backup.
 */
import type { WorkspaceCounts } from './api'

/** "55 events, 120 notes, 30 companies, 12 price series"; `number` formats each count (the app's locale). */
export function countsInWords(c: WorkspaceCounts, number: (n: number) => string = String): string {
  const of = (n: number, one: string, many: string) => `${number(n)} ${n === 1 ? one : many}`
  return [of(c.events, 'event', 'events'), of(c.notes, 'note', 'notes'), of(c.companies, 'company', 'companies'), of(c.priceSeries, 'price series', 'price series')].join(', ')
}
