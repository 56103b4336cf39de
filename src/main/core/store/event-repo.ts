/**
 * Events and their notes in memory, indexed by id, with a note list per event. The store decides
 * which shard file an event lives in; this repository tells it which event changed.
 */
import type { Note, PolicyEvent } from '../../../shared/domain'
import { SHARD_COUNT, shardOf, type Shard } from './schema'

const NO_NOTES: readonly Note[] = Object.freeze([])

export class EventRepo {
  private byId = new Map<string, PolicyEvent>()
  private notesByEvent = new Map<string, Note[]>()
  private noteById = new Map<string, Note>()
  private shardMembers: Set<string>[] = Array.from({ length: SHARD_COUNT }, () => new Set())
  /** Bumped on every change: caches (search, sort orders) key on it. */
  version = 0
  /** Event ids changed since the caches last looked (for incremental index updates). */
  private changed = new Set<string>()

  constructor(private readonly touched: (eventId: string) => void) {}

  get count(): number {
    return this.byId.size
  }
  get noteCount(): number {
    return this.noteById.size
  }

  get(id: string): PolicyEvent | undefined {
    return this.byId.get(id)
  }
  all(): IterableIterator<PolicyEvent> {
    return this.byId.values()
  }
  notesOf(eventId: string): readonly Note[] {
    return this.notesByEvent.get(eventId) ?? NO_NOTES
  }
  getNote(id: string): Note | undefined {
    return this.noteById.get(id)
  }
  allNotes(): IterableIterator<Note> {
    return this.noteById.values()
  }

  // Mutators ask the store first (`touched`): a closed or reloading store refuses before
  // anything in memory changes.
  put(event: PolicyEvent): void {
    this.touched(event.id)
    this.load(event)
    this.changedEvent(event.id)
  }

  /** Remove an event and its notes; returns them (for undo). */
  remove(id: string): { event: PolicyEvent; notes: Note[] } | undefined {
    const event = this.byId.get(id)
    if (!event) return undefined
    this.touched(id)
    const notes = [...this.notesOf(id)]
    this.byId.delete(id)
    this.notesByEvent.delete(id)
    for (const n of notes) this.noteById.delete(n.id)
    this.shardMembers[shardOf(id)].delete(id)
    this.changedEvent(id)
    return { event, notes }
  }

  putNote(note: Note): void {
    this.touched(note.eventId)
    this.loadNote(note)
    this.changedEvent(note.eventId)
  }

  removeNote(id: string): Note | undefined {
    const note = this.noteById.get(id)
    if (!note) return undefined
    this.touched(note.eventId)
    this.noteById.delete(id)
    const list = this.notesByEvent.get(note.eventId)
    if (list) {
      const i = list.findIndex((n) => n.id === id)
      if (i >= 0) list.splice(i, 1)
    }
    this.changedEvent(note.eventId)
    return note
  }

  /** Ids of events changed since the last call (consumed). */
  takeChanged(): Set<string> {
    const c = this.changed
    this.changed = new Set()
    return c
  }

  // ---- used by the store while loading and saving -------------------------------------------------

  load(event: PolicyEvent): void {
    this.byId.set(event.id, event)
    this.shardMembers[shardOf(event.id)].add(event.id)
  }

  loadNote(note: Note): void {
    const prev = this.noteById.get(note.id)
    this.noteById.set(note.id, note)
    let list = this.notesByEvent.get(note.eventId)
    if (!list) this.notesByEvent.set(note.eventId, (list = []))
    const i = prev ? list.findIndex((n) => n.id === note.id) : -1
    if (i >= 0) list[i] = note
    else list.push(note)
  }

  markClean(): void {
    this.changed.clear()
    this.version++
  }

  shardData(shard: number): Shard {
    const events: PolicyEvent[] = []
    const notes: Note[] = []
    for (const id of this.shardMembers[shard]) {
      events.push(this.byId.get(id)!)
      const list = this.notesByEvent.get(id)
      if (list) for (const n of list) notes.push(n)
    }
    return { events, notes }
  }

  replaceShard(shard: number, data: Shard): void {
    for (const id of [...this.shardMembers[shard]]) {
      for (const n of this.notesOf(id)) this.noteById.delete(n.id)
      this.notesByEvent.delete(id)
      this.byId.delete(id)
      this.changed.add(id)
    }
    this.shardMembers[shard].clear()
    for (const e of data.events) {
      this.load(e)
      this.changed.add(e.id)
    }
    for (const n of data.notes) this.loadNote(n)
    this.version++
  }

  /** Forget everything (before a reload from disk); every forgotten id counts as changed. */
  clear(): void {
    for (const id of this.byId.keys()) this.changed.add(id)
    this.byId.clear()
    this.notesByEvent.clear()
    this.noteById.clear()
    for (const s of this.shardMembers) s.clear()
    this.version++
  }

  private changedEvent(id: string): void {
    this.changed.add(id)
    this.version++
  }
}
