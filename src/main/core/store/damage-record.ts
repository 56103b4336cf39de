/**
 * The record of damage found at start (`recovery.json`): each file moved to corrupt/, what was
 * wrong with it, when it was found, and whether the analyst has dealt with it (restored a backup,
 * or chose to keep working without). Until then the damage is reported at every start: a file
 * set aside once and announced once would otherwise be silently missing from the next start on.
 *
 * Files in corrupt/ that the record does not name (set aside by an older Capwatch, or by a start
 * that crashed before it wrote the record) count as unresolved: the record can only make a
 * damaged workspace look damaged, never a damaged one look whole. The set-aside files themselves
 * are never touched. The record is housekeeping like the lock: not a live file, not backed up,
 * left alone by a restore; it is written atomically like every store file.
 */
import { basename, join } from 'node:path'
import { z } from 'zod'
import type { StoreProblem } from '../../../shared/api'
import { atomicWrite, listDir, readTextIfExists } from './files'
import { CorruptFileError, parseDocument, serialize } from './json-document'
import { CORRUPT_DIR } from './schema'

export const DAMAGE_FILE = 'recovery.json'

const entrySchema = z.object({
  /** The damaged file, relative to the data directory. */
  file: z.string(),
  /** Its name in corrupt/. */
  movedTo: z.string(),
  /** What was wrong, as said at the start that found it. */
  detail: z.string(),
  foundAt: z.string(),
  resolved: z.object({ at: z.string(), how: z.enum(['restored', 'dismissed']) }).optional()
})
const recordSchema = z.object({ format: z.literal('capwatch-recovery'), entries: z.array(entrySchema) })
type Entry = z.infer<typeof entrySchema>

/** moveAside's names: `<stamp with - for : and .>-<6 hex>-<path with __ for />`. */
const SET_ASIDE_NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-[0-9a-f]{6}-(.+)$/

export class DamageRecord {
  private changed = false

  private constructor(
    private readonly dataDir: string,
    private readonly entries: Entry[]
  ) {}

  /** The record on disk (none yet: empty). A record that does not parse throws CorruptFileError. */
  static async read(dataDir: string): Promise<DamageRecord> {
    const text = await readTextIfExists(join(dataDir, DAMAGE_FILE))
    return new DamageRecord(dataDir, text === null ? [] : parseDocument(text, DAMAGE_FILE, recordSchema).entries)
  }

  static empty(dataDir: string): DamageRecord {
    return new DamageRecord(dataDir, [])
  }

  /** Record a file set aside at this start (once: the same set-aside file is never added twice). */
  add(problem: StoreProblem, detail: string): void {
    const movedTo = basename(problem.movedTo)
    if (this.entries.some((e) => e.movedTo === movedTo)) return
    this.entries.push({ file: problem.file, movedTo, detail, foundAt: problem.foundAt })
    this.changed = true
  }

  /** Files in corrupt/ that no entry names (nor `skip`), taken in as unresolved (see the module comment). */
  async adoptStrays(now: string, skip: readonly string[] = []): Promise<void> {
    const known = new Set([...this.entries.map((e) => e.movedTo), ...skip.map((p) => basename(p))])
    for (const name of (await listDir(join(this.dataDir, CORRUPT_DIR))).sort()) {
      if (name.startsWith('.') || known.has(name)) continue
      const m = SET_ASIDE_NAME.exec(name)
      const file = m ? m[6].replaceAll('__', '/') : name
      const foundAt = m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : now
      this.entries.push({ file, movedTo: name, detail: `${file} was set aside in ${CORRUPT_DIR}/ and nothing says it was dealt with`, foundAt })
      this.changed = true
    }
  }

  unresolved(): Entry[] {
    return this.entries.filter((e) => !e.resolved)
  }

  /** Mark unresolved entries (those set aside as `movedTo`, or all) dealt with; returns how many. */
  resolve(how: 'restored' | 'dismissed', at: string, movedTo?: readonly string[]): number {
    const only = movedTo && new Set(movedTo.map((p) => basename(p)))
    let n = 0
    for (const e of this.unresolved()) {
      if (only && !only.has(e.movedTo)) continue
      e.resolved = { at, how }
      n++
    }
    if (n) this.changed = true
    return n
  }

  /** Write the record if it changed (atomically: the old record or the new one, never a mix). */
  async save(): Promise<void> {
    if (!this.changed) return
    await atomicWrite(join(this.dataDir, DAMAGE_FILE), serialize({ format: 'capwatch-recovery', entries: this.entries }))
    this.changed = false
  }

  /** An entry found at an earlier start, as the app reports it. */
  problemOf(e: Entry): StoreProblem {
    const movedTo = join(this.dataDir, CORRUPT_DIR, e.movedTo)
    const detail = e.detail.startsWith(`${e.file}: `) ? e.detail.slice(e.file.length + 2) : e.detail
    return {
      file: e.file,
      movedTo,
      foundAt: e.foundAt,
      // foundAt is its own field (the app formats it); the message says the path once.
      message: `${e.file} was found damaged at an earlier start: ${detail}; it is still missing from the workspace and kept as ${movedTo}`
    }
  }
}

/**
 * Mark damage dealt with (that set aside as `movedTo`, or all, strays in corrupt/ included) and
 * save; returns how many. A record that no longer parses is replaced: its own damage was reported
 * when the store opened.
 */
export async function markResolved(dataDir: string, how: 'restored' | 'dismissed', at: string, movedTo?: readonly string[]): Promise<number> {
  const record = await DamageRecord.read(dataDir).catch((e: unknown) => {
    if (!(e instanceof CorruptFileError)) throw e
    return DamageRecord.empty(dataDir)
  })
  await record.adoptStrays(at)
  const n = record.resolve(how, at, movedTo)
  await record.save()
  return n
}
