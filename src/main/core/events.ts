/**
 * Events: the analyst's timeline. Querying (search, per-column filters, sort, paging) happens here
 * next to the data, so the renderer only ever holds the rows on screen, even with 100k events.
 */
import { EVENT_COLUMNS, type EventPage, type EventQuery, type EventRow } from '../../shared/api'
import { eventQuerySchema } from '../../shared/api'
import type { EventInput, PolicyEvent } from '../../shared/domain'
import { eventFields } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import type { Store } from './store/store'
import { newId } from './ids'
import { QueryEngine } from './query/engine'
import type { Activity } from './activity'
import { companyLabel, companySearchText } from './companies'

const UNDO_KEEP = 20

export class EventsService {
  private readonly engine: QueryEngine
  private trash: { token: string; items: NonNullable<ReturnType<Store['events']['remove']>>[] }[] = []

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    activity: Activity
  ) {
    this.engine = new QueryEngine(
      store.events,
      {
        text: (id) => {
          const c = store.companies.get(id)
          return c ? companySearchText(c) : id
        },
        label: (id) => companyLabel(store.companies.get(id), id)
      },
      activity
    )
  }

  row(e: PolicyEvent): EventRow {
    return { ...e, noteCount: this.store.events.notesOf(e.id).length }
  }

  get(id: string): PolicyEvent {
    const e = this.store.events.get(id)
    if (!e) throw new ApiError('not_found', `No event with id ${id}`, { issues: [{ path: 'id', message: 'no such event' }] })
    return e
  }

  /** The events matching a query, in its order (see query/engine.ts). */
  list(query: EventQuery = {}): PolicyEvent[] {
    return this.engine.list(eventQuerySchema.parse(query))
  }

  /** A company was renamed or re-ticketed: search and sort by company must see it. */
  companyRenamed(id: string): void {
    this.engine.companyRenamed(id)
  }

  /**
   * Ready the default view's first page (events in memory, sorted by date) while the window is
   * still loading: on the large workspace that first sort took 250 ms, on the way to the first
   * rows. See QueryEngine.prepare.
   */
  prepareFirstPage(): void {
    this.engine.prepare('date')
  }

  /** Whether every column's order is built (the background warm-up is done, or was not needed). */
  get allOrdersReady(): boolean {
    return EVENT_COLUMNS.every((c) => this.engine.hasOrder(c))
  }

  /** Whether the first page of the default view is ready (prepareFirstPage or an earlier query). */
  get firstPageReady(): boolean {
    return this.engine.hasOrder('date')
  }

  /** Forget every index and order (they are rebuilt on demand): the bench's cold start. */
  dropIndexes(): void {
    this.engine.invalidate()
  }

  query(query: EventQuery & { offset?: number; limit?: number; locate?: string }): EventPage {
    const { offset = 0, limit = 200, locate, ...q } = query
    const rows = this.list(q)
    const page: EventPage = {
      total: this.store.events.count,
      matched: rows.length,
      offset,
      rows: rows.slice(offset, offset + limit).map((e) => this.row(e))
    }
    if (locate !== undefined) page.located = rows.findIndex((e) => e.id === locate)
    return page
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
    return { ...parsed.data, companies: [...new Set(parsed.data.companies)], tags: distinctTags(parsed.data.tags) }
  }
}

/** Tags once each, the first spelling kept: "Fine" and "fine" are one tag to filter and search by. */
function distinctTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  return tags.filter((t) => {
    const key = t.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
