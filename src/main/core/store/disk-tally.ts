/**
 * What the files on disk hold, counted as the store reads and writes them. A backup captures the
 * disk, not memory (which may hold edits not yet saved), so what a backup is said to hold must be
 * counted from the files as they were at the snapshot. Keeping the count as files are read and
 * written costs one pass over a written shard's events, never a re-read of the workspace.
 */
import type { WorkspaceCounts } from '../../../shared/api'
import type { Meta, Shard } from './schema'

interface ShardCount {
  events: number
  notes: number
  first?: string
  last?: string
}

/** The count of one shard's file or of the meta's, taken when it is serialized for writing. */
export type TallyUpdate = { shards: Map<number, ShardCount>; meta?: MetaCount }

interface MetaCount {
  companies: number
  priceSeries: number
}

export function countShard(shard: Shard): ShardCount {
  let first: string | undefined
  let last: string | undefined
  for (const e of shard.events) {
    if (first === undefined || e.date < first) first = e.date
    if (last === undefined || e.date > last) last = e.date
  }
  return { events: shard.events.length, notes: shard.notes.length, first, last }
}

export function countMeta(meta: Meta): MetaCount {
  return { companies: meta.companies.length, priceSeries: meta.series.length }
}

export class DiskTally {
  private shards = new Map<number, ShardCount>()
  private meta: MetaCount = { companies: 0, priceSeries: 0 }

  /** A shard file as read (or as written: see apply). */
  shard(key: number, count: ShardCount): void {
    this.shards.set(key, count)
  }

  setMeta(count: MetaCount): void {
    this.meta = count
  }

  /** A transaction reached disk: its files now hold what they were serialized from. */
  apply(update: TallyUpdate): void {
    for (const [key, count] of update.shards) this.shards.set(key, count)
    if (update.meta) this.meta = update.meta
  }

  /** Before a reload reads every file again. */
  clear(): void {
    this.shards.clear()
    this.meta = { companies: 0, priceSeries: 0 }
  }

  counts(): WorkspaceCounts {
    let events = 0
    let notes = 0
    let firstEvent: string | undefined
    let lastEvent: string | undefined
    for (const s of this.shards.values()) {
      events += s.events
      notes += s.notes
      if (s.first !== undefined && (firstEvent === undefined || s.first < firstEvent)) firstEvent = s.first
      if (s.last !== undefined && (lastEvent === undefined || s.last > lastEvent)) lastEvent = s.last
    }
    return { events, notes, ...this.meta, ...(firstEvent === undefined ? {} : { firstEvent, lastEvent }) }
  }
}
