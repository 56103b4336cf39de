/**
 * Answers the events table's queries (search, per-column filters, sort) over 100k events. Every
 * event gets a number, stable while it lives; the search index (word-index.ts) and the sorted
 * orders (sort-orders.ts) work on numbers, and follow edits incrementally: the repository tells
 * which events changed since the last query.
 */
import { EVENT_COLUMNS, type EventColumn, type EventFilters } from '../../../shared/api'
import type { PolicyEvent } from '../../../shared/domain'
import { categoryLabel } from '../../../shared/domain'
import type { EventRepo } from '../store/event-repo'
import { WordIndex } from './word-index'
import { SortOrders } from './sort-orders'
import { queryTerms } from './tokens'
import { Activity } from '../activity'

export interface ParsedQuery {
  search: string
  filters: EventFilters
  sort: { column: EventColumn; desc: boolean }
}

/** Rebuild the search index from scratch once this many events were edited since it was built. */
const REBUILD_AFTER = 5000
/** More changed events than this at once: sorted orders are rebuilt rather than patched. */
const BULK = 200
/** The background warm-up runs only after this long without a request. */
const QUIET_MS = 200
/** The longest a background step holds the host before it lets requests in. */
const SLICE_MS = 25

export class QueryEngine {
  private events: (PolicyEvent | undefined)[] = []
  private numOf = new Map<string, number>()
  private live = new Set<number>()
  private index: WordIndex | null = null
  /** A search index being built in the background: the events still to add. */
  private pending: { index: WordIndex; nums: number[]; next: number } | null = null
  private warming = false
  private readonly orders: SortOrders
  private synced = false
  private cache: { key: string; version: number; rows: PolicyEvent[] } | null = null
  /** Bumped whenever an answer could change: caches compare it. */
  private version = 0

  constructor(
    private readonly repo: EventRepo,
    /** How a linked company reads and sorts: its name, Chinese name and tickers / its label. */
    private readonly company: { text(id: string): string; label(id: string): string },
    /** The analyst's requests (counted by the core for every API call): the warm-up waits for a lull. */
    private readonly activity = new Activity()
  ) {
    this.orders = new SortOrders({
      key: (column, num) => this.sortKey(column, this.events[num]!),
      date: (num) => this.events[num]!.date,
      id: (num) => this.events[num]!.id
    })
  }

  list(q: ParsedQuery): PolicyEvent[] {
    // Not a touch of the activity: the analyst's queries arrive as API calls, which the core
    // counts (handlers.ts); the core's own lists (the chart markers warmed up at start) are not
    // the analyst at work.
    this.sync()
    const key = JSON.stringify(q)
    if (this.cache && this.cache.key === key && this.cache.version === this.version) return this.cache.rows
    const order = this.orders.get(q.sort.column, this.live)
    const terms = queryTerms(q.search)
    const hits = terms.length ? this.searchIndex().match(terms, this.events.length) : null
    const pred = filterPredicate(q.filters, (e) => this.repo.notesOf(e.id).length)
    const rows: PolicyEvent[] = []
    const n = order.length
    for (let i = 0; i < n; i++) {
      const num = order[q.sort.desc ? n - 1 - i : i]
      if (hits && !hits[num]) continue
      const e = this.events[num]!
      if (pred && !pred(e)) continue
      rows.push(e)
    }
    this.cache = { key, version: this.version, rows }
    this.warmUp()
    return rows
  }

  /**
   * After the first answer, once the analyst has asked something and paused, build the search
   * index and the sort orders of every column in the background, a slice at a time, so the
   * analyst's first search or header click finds them ready. It yields to the analyst: while
   * queries keep coming (a table being scrolled asks for a page each frame) it waits, so the host
   * does not take the CPU the browser needs to draw them.
   * Timers are unref'd: a one-shot CLI command does not wait for them.
   */
  private warmUp(): void {
    if (this.warming) return
    this.warming = true
    const step = () => {
      // Not before the first request either. The core's own lists at start (the first chart's
      // markers) arm this warm-up while the window is still opening: Chromium starting, the page's
      // code loading, its first screen drawn. Started then, the index took one of two cores
      // through all of it, and the first rows of the large workspace came 400 ms later.
      if (!this.activity.anyRequest || this.activity.idleMs() < QUIET_MS) {
        setTimeout(step, QUIET_MS).unref()
        return
      }
      const t0 = performance.now()
      while (performance.now() - t0 < SLICE_MS) {
        if (!this.index || this.index.staleCount >= REBUILD_AFTER) {
          if (!this.pending) this.startIndex()
          const p = this.pending!
          // The clock is read per event: 2,000 events with their notes took 50-400 ms, long
          // enough to hold up the page the analyst scrolls to just after open.
          for (; p.next < p.nums.length && performance.now() - t0 < SLICE_MS; p.next++) this.addToIndex(p.index, p.nums[p.next])
          if (p.next === p.nums.length) this.finishIndex()
          continue
        }
        const missing = EVENT_COLUMNS.find((c) => !this.orders.has(c))
        if (!missing) {
          this.warming = false
          return
        }
        this.sync()
        this.orders.get(missing, this.live)
      }
      setTimeout(step, 5).unref()
    }
    setTimeout(step, 50).unref()
  }

  /**
   * A company was renamed or re-ticketed: its events read and sort differently. Only they are
   * re-indexed, and only the companies order is dropped; editing a company used to drop the
   * whole index, and the next keystroke in the search box then waited seconds for a rebuild.
   */
  companyRenamed(companyId: string): void {
    this.sync()
    let touched = false
    for (const num of this.live) {
      const e = this.events[num]!
      if (!e.companies.includes(companyId)) continue
      touched = true
      const text = this.textOf(e)
      this.index?.add(num, text, true)
      this.pending?.index.add(num, text, true)
    }
    if (!touched) return
    this.orders.drop('companies')
    this.version++
  }

  /**
   * Build what the first query of a view sorted by `column` needs (the events in memory, the
   * column's order) before the window asks for it. Not a request of the analyst's: it neither
   * delays nor starts the background warm-up, which waits for the first real query.
   */
  prepare(column: EventColumn = 'date'): void {
    this.sync()
    this.orders.get(column, this.live)
  }

  /** Whether a column's order is built (prepared, warmed up or asked for). */
  hasOrder(column: EventColumn): boolean {
    return this.orders.has(column)
  }

  /** Forget the search index and every order: they are rebuilt on demand. */
  invalidate(): void {
    this.index = null
    this.pending = null
    this.orders.clear()
    this.version++
  }

  /** The lower-cased searchable text of an event: its fields, companies and notes. */
  textOf(e: PolicyEvent): string {
    const parts = [e.date, e.title, e.summary, categoryLabel(e.category), e.authority, e.tags.join(' '), e.sources.join(' ')]
    for (const c of e.companies) parts.push(this.company.text(c))
    for (const n of this.repo.notesOf(e.id)) parts.push(n.text)
    return parts.join('\n').toLowerCase()
  }

  private searchIndex(): WordIndex {
    if (this.index && this.index.staleCount < REBUILD_AFTER) return this.index
    if (!this.pending) this.startIndex()
    const p = this.pending!
    for (; p.next < p.nums.length; p.next++) this.addToIndex(p.index, p.nums[p.next])
    return this.finishIndex()
  }

  private startIndex(): void {
    const index = new WordIndex((num) => {
      const e = this.events[num]
      return e ? this.textOf(e) : null
    })
    this.pending = { index, nums: [...this.live], next: 0 }
  }

  private addToIndex(index: WordIndex, num: number): void {
    const e = this.events[num]
    // Deleted since the build started: skip. Edited since: its new text goes in as usual.
    if (e) index.add(num, this.textOf(e), false)
  }

  private finishIndex(): WordIndex {
    const { index } = this.pending!
    index.resort()
    this.index = index
    this.pending = null
    return index
  }

  /** Take in the events changed since the last query. */
  private sync(): void {
    if (!this.synced) {
      this.repo.takeChanged()
      for (const e of this.repo.all()) this.assign(e)
      this.synced = true
      this.version++
      return
    }
    const changed = this.repo.takeChanged()
    if (changed.size === 0) return
    this.version++
    // Moving events one by one is cheap for a few edits; after a bulk change, re-sort on demand.
    if (changed.size > BULK) this.orders.clear()
    for (const id of changed) {
      const e = this.repo.get(id)
      const num = this.numOf.get(id)
      if (!e) {
        if (num === undefined) continue
        this.events[num] = undefined
        this.live.delete(num)
        this.numOf.delete(id)
        this.orders.delete(num)
        continue
      }
      const n = num ?? this.assign(e)
      this.events[n] = e
      this.live.add(n)
      this.orders.update(n)
      this.index?.add(n, this.textOf(e), true)
      // An index still being built gets the new text too (the event may already be behind its cursor).
      this.pending?.index.add(n, this.textOf(e), true)
    }
  }

  private assign(e: PolicyEvent): number {
    const num = this.events.length
    this.events.push(e)
    this.numOf.set(e.id, num)
    this.live.add(num)
    return num
  }

  private sortKey(column: EventColumn, e: PolicyEvent): string | number {
    switch (column) {
      case 'date':
        return e.date
      case 'noteCount':
        return this.repo.notesOf(e.id).length
      case 'category':
        return categoryLabel(e.category).toLowerCase()
      case 'companies':
        return e.companies.map((c) => this.company.label(c)).join(', ').toLowerCase()
      case 'tags':
      case 'sources':
        return e[column].join(', ').toLowerCase()
      case 'updatedAt':
        return e.updatedAt
      default:
        return e[column].toLowerCase()
    }
  }
}

export function filterPredicate(f: EventFilters, noteCount: (e: PolicyEvent) => number): ((e: PolicyEvent) => boolean) | null {
  const tests: ((e: PolicyEvent) => boolean)[] = []
  const contains = (needle: string | undefined, get: (e: PolicyEvent) => string) => {
    const n = needle?.trim().toLowerCase()
    if (n) tests.push((e) => get(e).toLowerCase().includes(n))
  }
  if (f.date?.from) tests.push((e) => e.date >= f.date!.from!)
  if (f.date?.to) tests.push((e) => e.date <= f.date!.to!)
  contains(f.title, (e) => e.title)
  contains(f.summary, (e) => e.summary)
  contains(f.tags, (e) => e.tags.join(' '))
  contains(f.sources, (e) => e.sources.join(' '))
  if (f.category?.length) {
    const set = new Set<string>(f.category)
    tests.push((e) => set.has(e.category))
  }
  if (f.authority?.length) {
    const set = new Set<string>(f.authority)
    tests.push((e) => set.has(e.authority))
  }
  if (f.companies?.length) {
    const set = new Set(f.companies)
    tests.push((e) => e.companies.some((c) => set.has(c)))
  }
  if (f.noteCount?.min !== undefined) tests.push((e) => noteCount(e) >= f.noteCount!.min!)
  if (f.noteCount?.max !== undefined) tests.push((e) => noteCount(e) <= f.noteCount!.max!)
  if (tests.length === 0) return null
  return (e) => tests.every((t) => t(e))
}
