/**
 * Events: the analyst's timeline. Querying (search, per-column filters, sort, paging) happens here,
 * next to the data, so the renderer only ever holds the rows on screen, even with 100k events.
 */
import type { EventFilters, EventPage, EventQuery, EventRow, EventColumn } from '../../shared/api'
import { eventQuerySchema } from '../../shared/api'
import type { EventInput, PolicyEvent } from '../../shared/domain'
import { eventFields, categoryLabel } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import type { Store } from './store/store'
import { newId } from './ids'
import { SearchIndex } from './search'
import { companyLabel } from './companies'

const UNDO_KEEP = 20

export class EventsService {
  readonly search: SearchIndex
  private orderCache = new Map<EventColumn, { version: string; order: PolicyEvent[] }>()
  private resultCache: { key: string; version: string; rows: PolicyEvent[] } | null = null
  private trash: { token: string; items: NonNullable<ReturnType<Store['events']['remove']>>[] }[] = []

  constructor(
    private readonly store: Store,
    private readonly now: () => Date
  ) {
    this.search = new SearchIndex(store.events, (id) => {
      const c = store.companies.get(id)
      return c ? `${c.name} ${c.nameZh} ${c.listings.map((l) => l.ticker).join(' ')}` : id
    })
  }

  row(e: PolicyEvent): EventRow {
    return { ...e, noteCount: this.store.events.notesOf(e.id).length }
  }

  get(id: string): PolicyEvent {
    const e = this.store.events.get(id)
    if (!e) throw new ApiError('not_found', `No event with id ${id}`, { issues: [{ path: 'id', message: 'no such event' }] })
    return e
  }

  /** What cached results depend on: the events, and how companies read (names, tickers). */
  private get version(): string {
    return `${this.store.events.version}/${this.search.generation}`
  }

  /** The events matching a query, in its order (cached until the next change). */
  list(query: EventQuery = {}): PolicyEvent[] {
    const q = eventQuerySchema.parse(query)
    const version = this.version
    const key = JSON.stringify(q)
    if (this.resultCache && this.resultCache.key === key && this.resultCache.version === version) return this.resultCache.rows
    const order = this.order(q.sort.column)
    const hits = this.search.match(q.search)
    const pred = filterPredicate(q.filters, (e) => this.store.events.notesOf(e.id).length)
    const rows: PolicyEvent[] = []
    const n = order.length
    for (let i = 0; i < n; i++) {
      const e = order[q.sort.desc ? n - 1 - i : i]
      if (hits && !hits.has(e.id)) continue
      if (pred && !pred(e)) continue
      rows.push(e)
    }
    this.resultCache = { key, version, rows }
    return rows
  }

  query(query: EventQuery & { offset?: number; limit?: number }): EventPage {
    const { offset = 0, limit = 200, ...q } = query
    const rows = this.list(q)
    return {
      total: this.store.events.count,
      matched: rows.length,
      offset,
      rows: rows.slice(offset, offset + limit).map((e) => this.row(e))
    }
  }

  async create(fields: EventInput): Promise<EventRow> {
    const parsed = this.validate(fields)
    const stamp = this.now().toISOString()
    const event: PolicyEvent = { ...parsed, id: newId('ev'), createdAt: stamp, updatedAt: stamp }
    this.store.events.put(event)
    await this.store.commit()
    return this.row(event)
  }

  async update(id: string, patch: Partial<EventInput>): Promise<EventRow> {
    const current = this.get(id)
    const { id: _id, createdAt, updatedAt: _u, ...fields } = current
    const parsed = this.validate({ ...fields, ...patch })
    const event: PolicyEvent = { ...parsed, id, createdAt, updatedAt: this.now().toISOString() }
    this.store.events.put(event)
    await this.store.commit()
    return this.row(event)
  }

  async duplicate(id: string): Promise<EventRow> {
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = this.get(id)
    return this.create({ ...fields, title: `${fields.title} (copy)`.slice(0, 300) })
  }

  async remove(ids: string[]): Promise<{ deleted: number; undoToken: string }> {
    const missing = ids.filter((id) => !this.store.events.get(id))
    if (missing.length) throw new ApiError('not_found', `No event with id ${missing.slice(0, 5).join(', ')}`)
    const items = [...new Set(ids)].map((id) => this.store.events.remove(id)!)
    await this.store.commit()
    const token = newId('undo')
    this.trash.push({ token, items })
    if (this.trash.length > UNDO_KEEP) this.trash.shift()
    return { deleted: items.length, undoToken: token }
  }

  async undoDelete(token: string): Promise<{ restored: number }> {
    const i = this.trash.findIndex((t) => t.token === token)
    if (i < 0) throw new ApiError('not_found', 'Nothing to undo: that deletion is no longer remembered')
    const [{ items }] = this.trash.splice(i, 1)
    for (const { event, notes } of items) {
      // Links to companies deleted since are dropped rather than restored dangling.
      this.store.events.put({ ...event, companies: event.companies.filter((c) => this.store.companies.get(c)) })
      for (const n of notes) this.store.events.putNote(n)
    }
    await this.store.commit()
    return { restored: items.length }
  }

  /** Parse fields against the schema and the workspace (linked companies must exist). */
  validate(fields: EventInput): ReturnType<typeof eventFields.parse> {
    const parsed = eventFields.safeParse(fields)
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
      throw new ApiError('invalid_input', `Invalid event: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues })
    }
    const unknown = parsed.data.companies.filter((c) => !this.store.companies.get(c))
    if (unknown.length) {
      throw new ApiError('invalid_input', `Unknown company: ${unknown.join(', ')}`, {
        issues: unknown.map((c) => ({ path: 'companies', message: `unknown company ${c}` }))
      })
    }
    return { ...parsed.data, companies: [...new Set(parsed.data.companies)], tags: [...new Set(parsed.data.tags)] }
  }

  /** Sorted order of all events by a column, cached until the next change. */
  private order(column: EventColumn): PolicyEvent[] {
    const version = this.version
    const hit = this.orderCache.get(column)
    if (hit && hit.version === version) return hit.order
    const key = this.sortKey(column)
    // Decorate-sort-undecorate: compute each key once, compare primitives, break ties by date then id.
    const rows = [...this.store.events.all()].map((e) => ({ e, k: key(e) }))
    rows.sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : x.e.date < y.e.date ? -1 : x.e.date > y.e.date ? 1 : x.e.id < y.e.id ? -1 : x.e.id > y.e.id ? 1 : 0))
    const order = rows.map((r) => r.e)
    this.orderCache.set(column, { version, order })
    return order
  }

  private sortKey(column: EventColumn): (e: PolicyEvent) => string | number {
    const notes = (e: PolicyEvent) => this.store.events.notesOf(e.id).length
    switch (column) {
      case 'date':
        return (e) => e.date
      case 'noteCount':
        return notes
      case 'category':
        return (e) => categoryLabel(e.category).toLowerCase()
      case 'companies':
        return (e) => e.companies.map((c) => companyLabel(this.store.companies.get(c), c)).join(', ').toLowerCase()
      case 'tags':
      case 'sources':
        return (e) => e[column].join(', ').toLowerCase()
      case 'updatedAt':
        return (e) => e.updatedAt
      default:
        return (e) => e[column].toLowerCase()
    }
  }
}

function filterPredicate(f: EventFilters, noteCount: (e: PolicyEvent) => number): ((e: PolicyEvent) => boolean) | null {
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
