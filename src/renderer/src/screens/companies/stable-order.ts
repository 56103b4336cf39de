/**
 * The order of the companies grid, kept while the analyst edits: a renamed company stays in its
 * row until the next sort, filter, addition or deletion, as an edited event does on the Events
 * screen. Re-sorting on every edit moved the company from under the keyboard cursor, which
 * stays on a row number, so the next keystroke (or Delete company) hit whichever company had
 * slid into that row.
 */
export interface StableOrder {
  /** What the order was computed for: another query means a new order. */
  query: string
  ids: string[]
  /** Every id of the list it was computed from (shown or filtered out). */
  known: Set<string>
}

export function stableOrder<T extends { id: string }>(prev: StableOrder | null, list: readonly T[], query: string, sortAndFilter: (list: readonly T[]) => T[]): { order: StableOrder; rows: T[] } {
  const byId = new Map(list.map((c) => [c.id, c]))
  const same = prev !== null && prev.query === query && list.length === prev.known.size && list.every((c) => prev.known.has(c.id))
  if (same) return { order: prev, rows: prev.ids.map((id) => byId.get(id)!) }
  const rows = sortAndFilter(list)
  return { order: { query, ids: rows.map((r) => r.id), known: new Set(byId.keys()) }, rows }
}
