/**
 * The Events table's window onto the core's query results. The core searches, filters and sorts
 * (100k events stay in the main process); this keeps only pages of rows around the viewport:
 * - a page of rows is fetched when it scrolls into view, at most a few requests at a time;
 * - when the query changes, the previous rows stay on screen until the new first page arrives,
 *   and any answer to an older query or generation is dropped;
 * - pages far from the viewport are forgotten, so memory stays flat while scrolling.
 */
import type { EventPage, EventQuery, EventRow } from '../../../../shared/api'

export interface PagerState {
  /** The query these rows answer; when it changes the view goes back to the top. */
  queryKey: string
  status: 'loading' | 'ready' | 'error'
  /** The last failure (first page or a later page); rows already shown stay. */
  error: unknown
  total: number
  matched: number
  pages: ReadonlyMap<number, readonly EventRow[]>
  /** A new query or a refresh is on its way; the rows shown are the previous ones. */
  pending: boolean
  /** Which query or refresh the rows answer (see `refresh`'s return): later ones are larger. */
  answered: number
}

export type FetchPage = (query: EventQuery, offset: number, limit: number) => Promise<EventPage>

const MAX_CONCURRENT = 3

export class EventPager {
  private state: PagerState = { queryKey: '', status: 'loading', error: null, total: 0, matched: 0, pages: new Map(), pending: true, answered: 0 }
  private query: EventQuery = {}
  private key = ''
  private generation = 0
  private inflight = new Set<number>()
  private range: [number, number] = [0, 0]
  private listeners = new Set<() => void>()

  constructor(
    private readonly fetchPage: FetchPage,
    readonly pageSize = 200,
    private readonly maxPages = 40
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getState = (): PagerState => this.state

  /** Show the rows of this query (no-op when it is the current one). */
  setQuery(query: EventQuery): void {
    const key = JSON.stringify(query)
    if (key === this.key && this.state.status !== 'error') return
    this.query = query
    this.key = key
    this.reload([0])
  }

  /**
   * Fetch the pages on screen again (after an edit, add, delete or undo), keeping the scroll
   * position. Returns the number that `answered` reaches once they are shown.
   */
  refresh(): number {
    const first = Math.floor(this.range[0] / this.pageSize)
    const last = Math.max(first, Math.floor(this.range[1] / this.pageSize))
    const pages: number[] = []
    for (let p = first; p <= last; p++) pages.push(p)
    return this.reload(pages)
  }

  /** The rows the view shows now (inclusive indexes): fetch the pages they are on. */
  setRange(start: number, end: number): void {
    this.range = [start, end]
    this.ensure()
  }

  /** A loaded row, in the current state or in one React rendered (the rows on screen). */
  rowAt(index: number, state: PagerState = this.state): EventRow | undefined {
    return state.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize]
  }

  /** Where a loaded row is, or -1. */
  indexOf(id: string, state: PagerState = this.state): number {
    for (const [p, rows] of state.pages) {
      const i = rows.findIndex((r) => r.id === id)
      if (i >= 0) return p * this.pageSize + i
    }
    return -1
  }

  /** Replace a row in place after an edit, at once: where it now sorts comes with a refresh. */
  patchRow(row: EventRow): void {
    let pages: Map<number, readonly EventRow[]> | null = null
    for (const [p, rows] of this.state.pages) {
      const i = rows.findIndex((r) => r.id === row.id)
      if (i < 0) continue
      pages ??= new Map(this.state.pages)
      const copy = [...rows]
      copy[i] = row
      pages.set(p, copy)
    }
    if (pages) this.set({ pages })
  }

  private reload(pages: number[]): number {
    const gen = ++this.generation
    const key = this.key
    const query = this.query
    this.inflight.clear()
    this.set({ pending: true })
    Promise.all(pages.map((p) => this.fetchPage(query, p * this.pageSize, this.pageSize))).then(
      (results) => {
        if (gen !== this.generation) return
        const last = results[results.length - 1]
        const map = new Map<number, readonly EventRow[]>()
        results.forEach((r, i) => {
          if (r.rows.length) map.set(pages[i], r.rows)
        })
        this.state = { queryKey: key, status: 'ready', error: null, total: last.total, matched: last.matched, pages: map, pending: false, answered: gen }
        this.emit()
        this.ensure()
      },
      (error: unknown) => {
        if (gen !== this.generation) return
        this.set({ status: this.state.status === 'ready' ? 'ready' : 'error', error, pending: false, answered: gen })
      }
    )
    return gen
  }

  private ensure(): void {
    const s = this.state
    if (s.pending || s.status !== 'ready' || s.matched === 0) return
    const first = Math.floor(Math.min(this.range[0], s.matched - 1) / this.pageSize)
    const last = Math.floor(Math.min(this.range[1], s.matched - 1) / this.pageSize)
    for (let p = first; p <= last && this.inflight.size < MAX_CONCURRENT; p++) {
      if (!s.pages.has(p) && !this.inflight.has(p)) this.load(p)
    }
    this.evict(first, last)
  }

  private load(page: number): void {
    const gen = this.generation
    this.inflight.add(page)
    this.fetchPage(this.query, page * this.pageSize, this.pageSize).then(
      (res) => {
        if (gen !== this.generation) return
        this.inflight.delete(page)
        const pages = new Map(this.state.pages)
        pages.set(page, res.rows)
        this.set({ pages, total: res.total, matched: res.matched })
        this.ensure()
      },
      (error: unknown) => {
        if (gen !== this.generation) return
        this.inflight.delete(page)
        this.set({ error })
      }
    )
  }

  /** Forget the pages farthest from the viewport beyond the budget. */
  private evict(first: number, last: number): void {
    if (this.state.pages.size <= this.maxPages) return
    const mid = (first + last) / 2
    const byDistance = [...this.state.pages.keys()].sort((a, b) => Math.abs(b - mid) - Math.abs(a - mid))
    const pages = new Map(this.state.pages)
    for (const p of byDistance) {
      if (pages.size <= this.maxPages) break
      if (p >= first && p <= last) continue
      pages.delete(p)
    }
    this.set({ pages })
  }

  private set(patch: Partial<PagerState>): void {
    this.state = { ...this.state, ...patch }
    this.emit()
  }

  private emit(): void {
    for (const l of this.listeners) l()
  }
}
