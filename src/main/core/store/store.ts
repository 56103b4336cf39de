/**
 * The one door to persistence. It owns the lowdb documents (meta and event shards) and the series
 * files; everything else reads and writes through its typed repositories (`store.events`,
 * `store.companies`, `store.settings`, `store.series`).
 *
 * Writes are group-committed (write-queue.ts): a mutation marks the files it touched and awaits
 * `commit()`, which writes every touched file in one all-or-nothing transaction (transaction.ts).
 * A note edit in a workspace of 100k events rewrites one shard of ~1/256 of them, never the bulk
 * data.
 */
import { Low } from 'lowdb'
import { mkdir } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Company, Note, PolicyEvent, Settings } from '../../../shared/domain'
import { settingsSchema } from '../../../shared/domain'
import type { StoreProblem, WorkspaceCounts } from '../../../shared/api'
import { ApiError } from '../../../shared/errors'
import { CorruptFileError, JsonDocument, parseDocument, serialize } from './json-document'
import { AppliedLaterError, commitFiles, recoverTransactions, type FileWrite } from './transaction'
import { isCode, moveAside, readTextIfExists, writeAside } from './files'
import { acquireLock, type DataDirLock } from './lock'
import { BACKUP_DIR, CORRUPT_DIR, META_FILE, SCHEMA_VERSION, SERIES_DIR, SHARD_COUNT, SHARD_DIR, metaSchema, shardFile, shardOf, shardSchema, type Meta, type Shard } from './schema'
import { MIGRATIONS_DIR, migrate } from './migrations'
import { EventRepo } from './event-repo'
import { SeriesRepo } from './series-repo'
import { WriteQueue } from './write-queue'
import { quickShardCheck } from './shard-check'
import { checkSeriesFiles } from './series-check'
import { DAMAGE_FILE, DamageRecord, markResolved } from './damage-record'
import { hasQuarantinedFiles, listLiveFiles, listShardFiles, linkLiveFiles, type StoreFile } from './layout'
import { DiskTally, countMeta, countShard, type TallyUpdate } from './disk-tally'

export type { StoreFile } from './layout'

export interface SeedData {
  companies: Company[]
  events: PolicyEvent[]
  notes: Note[]
}

export interface StoreOptions {
  dataDir: string
  /** Who opens the store: named in the lock so a second process is told who holds it. */
  adapter?: 'electron' | 'browser' | 'cli' | 'test'
  /** First-run content (the starter workspace); called only when the directory holds no store. */
  seed?: () => Promise<SeedData> | SeedData
  /** Skip the lock (read-only inspection in tests). */
  noLock?: boolean
  now?: () => Date
  log?: (line: string) => void
}

type FileKey = 'meta' | number

export class Store {
  readonly events = new EventRepo((eventId) => this.touch(shardOf(eventId)))
  readonly series: SeriesRepo
  /** Files found damaged at open (moved aside), for the app to report and offer a restore. */
  readonly problems: StoreProblem[] = []
  /** True when this open created the store (first run). */
  created = false
  /** True when this open finished a save that a crash had interrupted after its commit point. */
  rolledForward = false
  /** Bumped on every change to the meta document (companies, settings, series): caches key on it. */
  metaVersion = 0

  private meta!: Low<Meta>
  private companyById = new Map<string, Company>()
  /** Problems found during this open, with what was wrong (for the damage record). */
  private readonly fresh = new Map<StoreProblem, string>()
  private dirty = new Set<FileKey>()
  private inFlight: { dirty: Set<FileKey>; staged: Map<string, string>; tally: TallyUpdate } | null = null
  /** What the files on disk hold (memory may hold more: edits not yet saved). */
  private readonly tally = new DiskTally()
  private readonly queue: WriteQueue
  private lock: DataDirLock | null = null
  private closed = false
  private reloading = false
  private broken: string | null = null
  private readonly now: () => Date
  private readonly log: (line: string) => void

  private constructor(
    readonly dataDir: string,
    opts: StoreOptions
  ) {
    this.now = opts.now ?? (() => new Date())
    this.log = opts.log ?? ((line) => console.error(line))
    this.series = new SeriesRepo(dataDir, () => this.meta.data, () => this.touch('meta'), this.now)
    this.queue = new WriteQueue({ write: () => this.writeDirty(), recover: (e) => this.recoverFromFailedWrite(e) })
  }

  static async open(opts: StoreOptions): Promise<Store> {
    const store = new Store(opts.dataDir, opts)
    await mkdir(opts.dataDir, { recursive: true })
    if (!opts.noLock) store.lock = await acquireLock(opts.dataDir, opts.adapter ?? 'cli')
    try {
      await store.load(opts.seed)
      store.events.markClean()
    } catch (e) {
      await store.lock?.release()
      throw e
    }
    return store
  }

  // ---- loading ---------------------------------------------------------------------------------

  private async load(seed: StoreOptions['seed']): Promise<void> {
    const stamp = this.now().toISOString()
    const recovery = await recoverTransactions(this.dataDir, [SHARD_DIR, SERIES_DIR, BACKUP_DIR, MIGRATIONS_DIR], stamp)
    this.rolledForward = recovery.rolledForward
    const damage = await this.readDamageRecord(recovery.movedAside.map(([, movedTo]) => movedTo))
    for (const [file, movedTo] of recovery.movedAside) {
      this.report(file, movedTo, `${file} stood in the way of finishing an interrupted save`, stamp)
    }
    await migrate(this.dataDir, { now: this.now, log: this.log, quarantine: (file, e) => this.quarantine(file, e) })
    const metaDoc = new JsonDocument(join(this.dataDir, META_FILE), META_FILE, metaSchema)
    this.meta = new Low(metaDoc, this.emptyMeta())
    let meta: Meta | null = null
    try {
      meta = await metaDoc.read()
    } catch (e) {
      await this.quarantine(META_FILE, e)
    }
    const shardNames = await listShardFiles(this.dataDir)
    if (meta) {
      this.meta.data = meta
      this.tally.setMeta(countMeta(meta))
    }
    else await this.startWithoutMeta(shardNames.length > 0, seed, damage)
    this.companyById = new Map(this.meta.data.companies.map((c) => [c.id, c]))
    if (!this.created) await this.loadShards(shardNames)
    if (!this.created) await this.checkSeries()
    await this.settleDamage(damage)
    await this.series.sweepRetired(this.meta.data.retired)
    if (this.dirty.size) await this.writeDirty()
  }

  /** No readable meta: a first run (seed it), or a damaged workspace (never seed over it). */
  private async startWithoutMeta(hasShards: boolean, seed: StoreOptions['seed'], damage: DamageRecord): Promise<void> {
    this.meta.data = this.emptyMeta()
    const damaged = this.problems.length > 0 || hasShards || (await hasQuarantinedFiles(this.dataDir))
    if (!damaged) {
      // A brand-new data directory: write the starter workspace (or an empty one) in one transaction.
      this.dirty.add('meta')
      if (!seed) return
      const data = await seed()
      this.created = true
      this.meta.data.companies = data.companies
      for (const e of data.events) this.events.load(e)
      for (const n of data.notes) this.events.loadNote(n)
      for (const e of data.events) this.dirty.add(shardOf(e.id))
      return
    }
    // Companies, settings and the series index start empty. The damaged meta is reported at every
    // start (damage-record.ts) until a backup is restored or the analyst chooses to go on without.
    if (this.problems.some((p) => p.file === META_FILE) || damage.unresolved().some((e) => e.file === META_FILE)) return
    this.log(`store/open: ${META_FILE} is missing; companies, settings and imported series start empty`)
  }

  private emptyMeta(): Meta {
    return {
      format: 'capwatch',
      schemaVersion: SCHEMA_VERSION,
      createdAt: this.now().toISOString(),
      settings: settingsSchema.parse({}),
      companies: [],
      series: [],
      retired: []
    }
  }

  private async loadShards(files: string[]): Promise<void> {
    // Read ahead a few files (I/O) while parsing one (CPU); a bounded window keeps the peak
    // memory of a large workspace near one copy of its data instead of text plus objects.
    const READ_AHEAD = 16
    // Settled, never rejected: a read-ahead that fails must not surface before its turn.
    const reads: Promise<{ text: string | null } | { error: unknown }>[] = []
    const read = (i: number) =>
      (reads[i] ??= readTextIfExists(join(this.dataDir, files[i])).then(
        (text) => ({ text }),
        (error: unknown) => ({ error })
      ))
    for (let i = 0; i < files.length; i++) {
      for (let j = i; j < Math.min(files.length, i + READ_AHEAD); j++) void read(j)
      const got = await read(i)
      delete reads[i]
      if ('error' in got) throw got.error
      const text = got.text
      if (text === null) continue
      let shard: Shard
      try {
        shard = parseDocument(text, files[i], shardSchema, quickShardCheck)
      } catch (e) {
        await this.quarantine(files[i], e)
        continue
      }
      const k = parseInt(files[i].slice(SHARD_DIR.length + 1), 16)
      this.tally.shard(k, countShard(shard))
      for (const ev of shard.events) {
        // A misplaced event is moved on the next save: both files are written, or the one it
        // leaves would drop it while the one it belongs to never receives it.
        if (shardOf(ev.id) !== k) {
          this.dirty.add(k)
          this.dirty.add(shardOf(ev.id))
        }
        this.events.load(ev)
      }
      for (const n of shard.notes) this.events.loadNote(n)
    }
  }

  /**
   * Every series file is whole (series-check.ts). A damaged one is moved aside; a missing one's
   * index entry is set aside in its place. Either way the series leaves the index, so its prices
   * are missing (until a backup is restored or the file imported again) rather than failing every
   * report, import and backup that would read them, and the damage is reported like a shard's.
   */
  private async checkSeries(): Promise<void> {
    const meta = this.meta.data
    const checked = await checkSeriesFiles(this.dataDir, meta.series)
    if (checked.every((c, i) => c.ok && c.meta === meta.series[i])) return
    const stamp = this.now().toISOString()
    const keep: Meta['series'] = []
    for (const [i, c] of checked.entries()) {
      const m = meta.series[i]
      if (c.ok) {
        keep.push(c.meta)
        continue
      }
      const movedTo = c.missing ? await writeAside(this.dataDir, `${m.file}.index`, serialize({ missingFile: m.file, indexEntry: m }), stamp) : await moveAside(this.dataDir, join(this.dataDir, m.file), stamp)
      const aside = c.missing ? 'its index entry was moved to' : 'the file was moved to'
      this.report(m.file, movedTo, `${c.detail}: ${m.ticker} has no imported prices until a backup is restored or they are imported again`, stamp, aside)
    }
    meta.series = keep
    this.metaVersion++
    this.dirty.add('meta')
  }

  private async quarantine(label: string, e: unknown): Promise<void> {
    if (!(e instanceof CorruptFileError)) throw e
    const stamp = this.now().toISOString()
    const movedTo = await moveAside(this.dataDir, join(this.dataDir, label), stamp)
    this.report(label, movedTo, e.message, stamp)
  }

  /** A file set aside at this start. */
  private report(file: string, movedTo: string, detail: string, foundAt: string, aside = 'the file was moved to'): void {
    const problem: StoreProblem = { file, movedTo, message: `${detail}; ${aside} ${movedTo}`, foundAt }
    this.problems.push(problem)
    this.fresh.set(problem, detail)
    this.log(`store/open: ${problem.message}`)
  }

  // ---- damage that outlives one start (damage-record.ts) -----------------------------------------

  /**
   * The record of earlier damage; a record that does not parse is itself set aside, and reported.
   * `movedNow`: what this start already moved to corrupt/ (reported as found now, not as strays).
   */
  private async readDamageRecord(movedNow: string[]): Promise<DamageRecord> {
    let record: DamageRecord
    try {
      record = await DamageRecord.read(this.dataDir)
    } catch (e) {
      await this.quarantine(DAMAGE_FILE, e)
      record = DamageRecord.empty(this.dataDir)
    }
    // Before this start sets anything else aside: the rest of corrupt/ came from earlier ones.
    await record.adoptStrays(this.now().toISOString(), [...movedNow, ...this.problems.map((p) => p.movedTo)])
    return record
  }

  /** Report the earlier damage not yet dealt with beside this start's, and record this start's. */
  private async settleDamage(record: DamageRecord): Promise<void> {
    const fresh = this.problems.splice(0)
    for (const p of fresh) record.add(p, this.fresh.get(p) ?? p.message)
    this.fresh.clear()
    const freshNames = new Set(fresh.map((p) => p.movedTo))
    for (const e of record.unresolved()) {
      const p = record.problemOf(e)
      if (freshNames.has(p.movedTo)) continue
      this.problems.push(p)
      this.log(`store/open: ${p.message}`)
    }
    this.problems.push(...fresh)
    await record.save()
  }

  /**
   * Keep working without restoring: the damage reported at start is marked dealt with, so later
   * starts no longer report it. The set-aside files stay in corrupt/. Returns how many.
   */
  async dismissProblems(): Promise<number> {
    if (this.closed) throw new ApiError('unavailable', 'The store is closed')
    return this.queue.exclusive(async () => {
      if (this.problems.length === 0) return 0
      const n = await markResolved(this.dataDir, 'dismissed', this.now().toISOString(), this.problems.map((p) => p.movedTo))
      this.log(`store/recovery: ${n} damaged ${n === 1 ? 'file' : 'files'} dismissed; ${n === 1 ? 'it stays' : 'they stay'} in ${join(this.dataDir, CORRUPT_DIR)}`)
      this.problems.splice(0)
      return n
    })
  }

  // ---- repositories: companies, settings (series: series-repo.ts) --------------------------------

  readonly companies = {
    list: (): Company[] => this.meta.data.companies,
    get: (id: string): Company | undefined => this.companyById.get(id),
    put: (company: Company): void => {
      this.touch('meta')
      const list = this.meta.data.companies
      const i = list.findIndex((c) => c.id === company.id)
      if (i >= 0) list[i] = company
      else list.push(company)
      this.companyById.set(company.id, company)
    },
    remove: (id: string): Company | undefined => {
      const c = this.companyById.get(id)
      if (!c) return undefined
      this.touch('meta')
      this.meta.data.companies = this.meta.data.companies.filter((x) => x.id !== id)
      this.companyById.delete(id)
      return c
    }
  }

  readonly settings = {
    get: (): Settings => this.meta.data.settings,
    set: (settings: Settings): void => {
      this.touch('meta')
      this.meta.data.settings = settings
    }
  }

  get schemaVersion(): number {
    return this.meta.data.schemaVersion
  }

  get createdAt(): string {
    return this.meta.data.createdAt
  }

  // ---- writing ---------------------------------------------------------------------------------

  /** Called before every change to memory, so a refused change leaves nothing behind. */
  private touch(key: FileKey): void {
    if (this.closed) throw new ApiError('unavailable', 'The store is closed')
    if (this.reloading) throw new ApiError('conflict', 'The workspace is being replaced from a backup; try again in a moment.')
    if (this.broken) throw new ApiError('io', this.broken)
    if (key === 'meta') this.metaVersion++
    this.dirty.add(key)
  }

  /**
   * Make every change so far durable. Resolves once the batch holding them is on disk; rejects
   * with 'io' (and reloads the touched files, so memory again matches disk) if the disk refused it.
   */
  commit(): Promise<void> {
    return this.queue.commit()
  }

  /** Batches written since open: a burst of edits shares one. */
  get batchesWritten(): number {
    return this.queue.written
  }

  private async writeDirty(): Promise<void> {
    const dirty = this.dirty
    this.dirty = new Set()
    const staged = this.series.takeStaged()
    // Counted from what is serialized, and counted as on disk only once the transaction is.
    const tally: TallyUpdate = { shards: new Map() }
    this.inFlight = { dirty, staged, tally }
    const writes: FileWrite[] = []
    // Bulk files first: the meta that points at them is committed in the same transaction.
    for (const [file, data] of staged) writes.push({ file, data })
    for (const key of dirty) {
      if (key === 'meta') continue
      const shard = this.events.shardData(key)
      tally.shards.set(key, countShard(shard))
      writes.push({ file: shardFile(key), data: serialize(shard) })
    }
    const retired = dirty.has('meta') ? [...this.meta.data.retired] : []
    if (dirty.has('meta')) {
      tally.meta = countMeta(this.meta.data)
      writes.push({ file: META_FILE, data: serialize(this.meta.data) })
    }
    await commitFiles(this.dataDir, writes)
    this.tally.apply(tally)
    this.inFlight = null
    if (retired.length) await this.series.sweepRetired(retired)
  }

  /** Synchronous on purpose: no edit may land between reading the disk and replacing memory. */
  private recoverFromFailedWrite(e: unknown): ApiError {
    const message = e instanceof Error ? e.message : String(e)
    const flight = this.inFlight ?? { dirty: new Set<FileKey>(), staged: new Map<string, string>(), tally: { shards: new Map() } }
    this.inFlight = null
    if (e instanceof AppliedLaterError) {
      // Past the commit point: memory already holds what the next open will find on disk.
      this.tally.apply(flight.tally)
      this.log(`store/write: ${message}`)
      return new ApiError('io', `Saving to ${this.dataDir} did not finish: ${message}`)
    }
    const keys = new Set([...flight.dirty, ...this.dirty])
    this.dirty = new Set()
    this.series.dropStaged([...flight.staged.keys(), ...this.series.takeStaged().keys()])
    this.log(`store/write: ${message}; reloading ${keys.size} touched file(s) from disk`)
    for (const key of keys) {
      try {
        if (key === 'meta') this.reloadMetaSync()
        else {
          const data = this.readShardSync(key)
          this.tally.shard(key, countShard(data))
          this.events.replaceShard(key, data)
        }
      } catch (re) {
        this.log(`store/write: could not reload ${key === 'meta' ? META_FILE : shardFile(key)}: ${String(re)}`)
      }
    }
    return new ApiError('io', `Could not save to ${this.dataDir}: ${message}`)
  }

  private reloadMetaSync(): void {
    const text = readSyncIfFile(join(this.dataDir, META_FILE))
    this.meta.data = text === null ? this.emptyMeta() : parseDocument(text, META_FILE, metaSchema)
    this.tally.setMeta(countMeta(this.meta.data))
    this.companyById = new Map(this.meta.data.companies.map((c) => [c.id, c]))
    this.metaVersion++
  }

  private readShardSync(key: number): Shard {
    const text = readSyncIfFile(join(this.dataDir, shardFile(key)))
    return text === null ? { events: [], notes: [] } : parseDocument(text, shardFile(key), shardSchema)
  }

  // ---- whole-workspace operations (backup and restore) -------------------------------------------

  /**
   * A consistent snapshot of the live files, as hard links under `target` (taken while no write
   * runs; see linkLiveFiles), with what those files hold. Returns their paths relative to the
   * data directory and `target`.
   */
  snapshot(target: string): Promise<{ files: string[]; holds: WorkspaceCounts }> {
    if (this.closed) throw new ApiError('unavailable', 'The store is closed')
    return this.queue.exclusive(async () => {
      // Counted in the same pause as the links are taken: no write can change one and not the other.
      const holds = this.tally.counts()
      return { files: await linkLiveFiles(this.dataDir, target), holds }
    })
  }

  /** What the workspace holds as saved (edits not yet saved are not counted), as a backup counts it. */
  savedCounts(): WorkspaceCounts {
    return this.tally.counts()
  }

  /**
   * Re-read everything from disk, in place (holders of this store and its repositories keep
   * working). With `replaceWith`, first make those the live files in one transaction: files not
   * in it are removed. Edits waiting to be saved are dropped and their callers told so.
   */
  async reload(replaceWith?: StoreFile[]): Promise<void> {
    if (this.closed) throw new ApiError('unavailable', 'The store is closed')
    await this.queue.exclusive(async () => {
      this.reloading = true
      try {
        await this.replaceAndLoad(replaceWith)
      } catch (e) {
        // Memory may now hold part of the workspace: saving from it could overwrite good files.
        this.broken = `The workspace could not be reloaded (${e instanceof Error ? e.message : String(e)}); restart Capwatch before making changes.`
        throw e
      } finally {
        this.reloading = false
      }
    })
  }

  private async replaceAndLoad(replaceWith: StoreFile[] | undefined): Promise<void> {
    if (replaceWith) {
      const keep = new Set(replaceWith.map((f) => f.file))
      const deletes = (await listLiveFiles(this.dataDir)).filter((f) => !keep.has(f))
      await commitFiles(this.dataDir, replaceWith, deletes)
      // Every earlier damage is dealt with: the workspace is the backup's now.
      await markResolved(this.dataDir, 'restored', this.now().toISOString())
    }
    this.queue.rejectPending(new ApiError('conflict', 'The workspace was replaced from a backup before this edit was saved; make it again.'))
    this.events.clear()
    this.tally.clear()
    this.companyById.clear()
    this.series.reset()
    this.dirty = new Set()
    this.problems.splice(0)
    this.created = false
    this.metaVersion++
    await this.load(undefined)
    this.events.version++
  }

  /** Wait for pending writes, then release the lock. Further writes are refused. */
  async close(): Promise<void> {
    if (this.closed) return
    if (this.dirty.size || this.series.hasStaged()) await this.commit().catch(() => {})
    await this.queue.idle()
    this.closed = true
    await this.lock?.release()
  }

  /** Sizes for diagnostics and the bench. */
  stats(): { events: number; notes: number; companies: number; series: number; shards: number } {
    return {
      events: this.events.count,
      notes: this.events.noteCount,
      companies: this.meta.data.companies.length,
      series: this.meta.data.series.length,
      shards: SHARD_COUNT
    }
  }
}

/** A file's text; null when it is missing or not a file (a directory in its place reads as absent). */
function readSyncIfFile(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch (e) {
    if (isCode(e, 'ENOENT') || isCode(e, 'EISDIR')) return null
    throw e
  }
}
