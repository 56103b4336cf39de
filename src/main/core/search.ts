/**
 * Global search over events and their notes. Each event has one lower-cased "haystack" of all its
 * text; a query is split into words and an event matches when every word occurs in it. The index
 * follows edits incrementally, and a query that extends the previous one (the next keystroke)
 * only re-checks the previous matches.
 */
import type { EventRepo } from './store/event-repo'
import type { PolicyEvent } from '../../shared/domain'
import { categoryLabel } from '../../shared/domain'

export class SearchIndex {
  private haystacks = new Map<string, string>()
  private built = false
  private last: { terms: string[]; version: number; ids: string[] } | null = null

  constructor(
    private readonly repo: EventRepo,
    private readonly companyText: (id: string) => string
  ) {}

  /** Ids of events matching `query` (all words, case-insensitive), or null for an empty query. */
  match(query: string): Set<string> | null {
    const terms = tokenize(query)
    if (terms.length === 0) return null
    this.refresh()
    const version = this.repo.version
    let candidates: Iterable<string>
    const last = this.last
    if (last && last.version === version && extends_(terms, last.terms)) candidates = last.ids
    else candidates = this.haystacks.keys()
    const ids: string[] = []
    const hay = this.haystacks
    outer: for (const id of candidates) {
      const h = hay.get(id)!
      for (const t of terms) if (!h.includes(t)) continue outer
      ids.push(id)
    }
    this.last = { terms, version, ids }
    return new Set(ids)
  }

  /**
   * Bumped by invalidate(): caches of query results and sort orders key on it too, because a
   * company rename changes how events read and sort without changing any event.
   */
  generation = 0

  /** Drop the whole index (e.g. after companies were renamed: their names are in every haystack). */
  invalidate(): void {
    this.built = false
    this.last = null
    this.generation++
  }

  private refresh(): void {
    if (!this.built) {
      this.repo.takeChanged()
      this.haystacks.clear()
      for (const e of this.repo.all()) this.haystacks.set(e.id, this.haystackOf(e))
      this.built = true
      return
    }
    const changed = this.repo.takeChanged()
    if (changed.size === 0) return
    for (const id of changed) {
      const e = this.repo.get(id)
      if (e) this.haystacks.set(id, this.haystackOf(e))
      else this.haystacks.delete(id)
    }
  }

  private haystackOf(e: PolicyEvent): string {
    const parts = [e.date, e.title, e.summary, categoryLabel(e.category), e.authority, e.tags.join(' '), e.sources.join(' ')]
    for (const c of e.companies) parts.push(this.companyText(c))
    for (const n of this.repo.notesOf(e.id)) parts.push(n.text)
    return parts.join('\n').toLowerCase()
  }
}

export function tokenize(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean)
}

/** True when every new term contains some old term: the new matches are a subset of the old. */
function extends_(terms: string[], prev: string[]): boolean {
  return prev.every((p) => terms.some((t) => t.includes(p)))
}
