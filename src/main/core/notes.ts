/** Notes: the analyst's own reasoning, in markdown, attached to one event each. */
import type { Note } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import type { Store } from './store/store'
import { newId } from './ids'

export class NotesService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date
  ) {}

  /** Newest first, as the detail panel shows them. */
  list(eventId: string): Note[] {
    this.requireEvent(eventId)
    // Reversed before a stable sort: two notes saved within the same millisecond still show the
    // later one first.
    return [...this.store.events.notesOf(eventId)].reverse().sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
  }

  /** Oldest first, as the events report joins them. */
  chronological(eventId: string): readonly Note[] {
    const list = this.store.events.notesOf(eventId)
    for (let i = 1; i < list.length; i++) {
      if (list[i - 1].createdAt > list[i].createdAt) return [...list].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
    }
    return list
  }

  async add(eventId: string, text: string): Promise<Note> {
    this.requireEvent(eventId)
    const stamp = this.now().toISOString()
    const note: Note = { id: newId('nt'), eventId, text, createdAt: stamp, updatedAt: stamp }
    this.store.events.putNote(note)
    await this.store.commit()
    return note
  }

  async update(id: string, text: string): Promise<Note> {
    const current = this.store.events.getNote(id)
    if (!current) throw new ApiError('not_found', `No note with id ${id}`, { issues: [{ path: 'id', message: 'no such note' }] })
    const note: Note = { ...current, text, updatedAt: this.now().toISOString() }
    this.store.events.putNote(note)
    await this.store.commit()
    return note
  }

  async remove(id: string): Promise<{ deleted: number }> {
    if (!this.store.events.removeNote(id)) throw new ApiError('not_found', `No note with id ${id}`)
    await this.store.commit()
    return { deleted: 1 }
  }

  private requireEvent(eventId: string): void {
    if (!this.store.events.get(eventId)) throw new ApiError('not_found', `No event with id ${eventId}`, { issues: [{ path: 'eventId', message: 'no such event' }] })
  }
}
