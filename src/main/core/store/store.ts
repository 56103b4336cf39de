/**
 * The one door to persistence. It owns the lowdb documents (meta and event shards) and the series
 * files; everything else reads and writes through its typed repositories (`store.events`,
 * `store.companies`, `store.settings`, `store.series`).
 *
 * Writes are group-committed: a mutation marks the files it touched and awaits `commit()`, which
 * writes every touched file in one all-or-nothing transaction (see transaction.ts). A note edit in
 * a workspace of 100k events rewrites one shard of ~1/256 of them, never the bulk data.
 */
import { Low } from 'lowdb'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Company, Note, PolicyEvent, Settings } from '../../../shared/domain'
import { settingsSchema } from '../../../shared/domain'
import type { StoreProblem } from '../../../shared/api'
import { ApiError } from '../../../shared/errors'
import { CorruptFileError, JsonDocument, parseDocument, serialize } from './json-document'
import { commitFiles, recoverTransactions, type FileWrite } from './transaction'
import { isCode, moveAside, readTextIfExists } from './files'
import { acquireLock, type DataDirLock } from './lock'
import {
  META_FILE,
  SCHEMA_VERSION,
  SERIES_DIR,
  SHARD_COUNT,
  SHARD_DIR,
  metaSchema,
  seriesFileSchema,
  shardFile,
  shardOf,
  shardSchema,
  type Meta,
  type SeriesFile,
  type SeriesMeta,
  type Shard
} from './schema'
import { migrate } from './migrations'
import { EventRepo } from './event-repo'

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
  readonly problems: StoreProblem[] = []
  /** True when this open created the store (first run). */
  created = false
  /** Bumped on every change to the meta document (companies, settings, series): caches key on it. */
  metaVersion = 0

  private meta!: Low<Meta>
  private companyById = new Map<string, Company>()
  private seriesCache = new Map<string, SeriesFile>()
  private dirty = new Set<FileKey>()
  private stagedFiles = new Map<string, string>()
  private obsoleteFiles = new Set<string>()
  private batch: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | null = null
  private running: Promise<void> | null = null
  private lock: DataDirLock | null = null
  private closed = false
  private readonly now: () => Date
  private readonly log: (line: string) => void

  private constructor(readonly dataDir: string, opts: StoreOptions) {
    this.now = opts.now ?? (() => new Date())
    this.log = opts.log ?? ((line) => console.error(line))
  }

  static async open(opts: StoreOptions): Promise<Store> {
    const store = new Store(opts.dataDir, opts)
    await mkdir(opts.dataDir, { recursive: true })
    if (!opts.noLock) store.lock = await acquireLock(opts.dataDir, opts.adapter ?? 'cli')
    try {
      await store.load(opts)
    } catch (e) {
      await store.lock?.release()
      throw e
    }
    return store
  }

  // ---- loading ---------------------------------------------------------------------------------

  private async load(opts: StoreOptions): Promise<void> {
    await recoverTransactions(this.dataDir, [SHARD_DIR, SERIES_DIR])
    await migrate(this.dataDir, { now: this.now, log: this.log })
    const metaDoc = new JsonDocument(join(this.dataDir, META_FILE), META_FILE, metaSchema)
    this.meta = new Low(metaDoc, this.emptyMeta())
    let meta: Meta | null = null
    try {
      meta = await metaDoc.read()
    } catch (e) {
      await this.quarantine(META_FILE, e)
    }
    const hasShards = (await this.listShardFiles()).length > 0
    if (meta) this.meta.data = meta
    else if (!hasShards && this.problems.length === 0 && opts.seed) {
      // A brand-new data directory: write the starter workspace in one transaction.
      const seed = await opts.seed()
      this.created = true
      this.meta.data = { ...this.emptyMeta(), companies: seed.companies }
      for (const e of seed.events) this.events.load(e)
      for (const n of seed.notes) this.events.loadNote(n)
      this.dirty.add('meta')
      for (const e of seed.events) this.dirty.add(shardOf(e.id))
      await this.commit()
    } else {
      // No meta but shards, or a corrupt meta: keep the events, start companies/settings fresh,
      // and tell the user (problems) so they can restore a backup.
      this.meta.data = this.emptyMeta()
      this.dirty.add('meta')
    }
    for (const c of this.meta.data.companies) this.companyById.set(c.id, c)
    if (!this.created) await this.loadShards()
    this.events.markClean()
    await this.collectSeriesGarbage()
    if (this.dirty.size) await this.commit()
  }

  private emptyMeta(): Meta {
    return {
      format: 'capwatch',
      schemaVersion: SCHEMA_VERSION,
      createdAt: this.now().toISOString(),
      settings: settingsSchema.parse({}),
      companies: [],
      series: []
    }
  }

  private async listShardFiles(): Promise<string[]> {
    try {
      return (await readdir(join(this.dataDir, SHARD_DIR))).filter((n) => /^[0-9a-f]{2}\.json$/.test(n))
    } catch (e) {
      if (isCode(e, 'ENOENT')) return []
      throw e
    }
  }

  private async loadShards(): Promise<void> {
    const names = await this.listShardFiles()
    // Read in parallel (I/O), parse one by one (CPU): all shards end up in the same maps.
    const texts = await Promise.all(names.map((n) => readTextIfExists(join(this.dataDir, SHARD_DIR, n))))
    for (let i = 0; i < names.length; i++) {
      const label = `${SHARD_DIR}/${names[i]}`
      const text = texts[i]
      if (text === null) continue
      let shard: Shard
      try {
        shard = parseDocument(text, label, shardSchema)
      } catch (e) {
        await this.quarantine(label, e)
        continue
      }
      const k = parseInt(names[i], 16)
      for (const ev of shard.events) {
        if (shardOf(ev.id) !== k) this.dirty.add(k) // a misplaced event is moved on next save
        this.events.load(ev)
      }
      for (const n of shard.notes) this.events.loadNote(n)
    }
  }

  private async quarantine(label: string, e: unknown): Promise<void> {
    if (!(e instanceof CorruptFileError)) throw e
    const movedTo = await moveAside(this.dataDir, join(this.dataDir, label), this.now().toISOString())
    const problem: StoreProblem = { file: label, movedTo, message: e.message }
    this.problems.push(problem)
    this.log(`store/open: ${e.message}; moved aside to ${movedTo}`)
  }

  // ---- repositories: companies, settings, series -------------------------------------------------

  readonly companies = {
    list: (): Company[] => this.meta.data.companies,
    get: (id: string): Company | undefined => this.companyById.get(id),
    put: (company: Company): void => {
      const list = this.meta.data.companies
      const i = list.findIndex((c) => c.id === company.id)
      if (i >= 0) list[i] = company
      else list.push(company)
      this.companyById.set(company.id, company)
      this.touch('meta')
    },
    remove: (id: string): Company | undefined => {
      const c = this.companyById.get(id)
      if (!c) return undefined
      this.meta.data.companies = this.meta.data.companies.filter((x) => x.id !== id)
      this.companyById.delete(id)
      this.touch('meta')
      return c
    }
  }

  readonly settings = {
    get: (): Settings => this.meta.data.settings,
    set: (settings: Settings): void => {
      this.meta.data.settings = settings
      this.touch('meta')
    }
  }

  readonly series = {
    list: (): SeriesMeta[] => this.meta.data.series,
    meta: (ticker: string): SeriesMeta | undefined => this.meta.data.series.find((s) => s.ticker === ticker),
    /** The series' points; read from its file on first use and kept. */
    load: async (ticker: string): Promise<SeriesFile | null> => {
      const m = this.series.meta(ticker)
      if (!m) return null
      const cached = this.seriesCache.get(m.file)
      if (cached) return cached
      const text = this.stagedFiles.get(m.file) ?? (await readTextIfExists(join(this.dataDir, m.file)))
      if (text === null) throw new ApiError('corrupt', `${m.file}: the series file of ${ticker} is missing`, { file: m.file })
      const data = parseDocument(text, m.file, seriesFileSchema)
      this.seriesCache.set(m.file, data)
      return data
    },
    /** Replace (or add) a series: its new file and the index entry land in the same commit. */
    put: (meta: Omit<SeriesMeta, 'file'>, data: SeriesFile): SeriesMeta => {
      const safe = meta.ticker.replace(/[^A-Za-z0-9._-]/g, '_')
      const file = `${SERIES_DIR}/${safe}-${this.now().getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}.json`
      const full: SeriesMeta = { ...meta, file }
      const list = this.meta.data.series
      const i = list.findIndex((s) => s.ticker === meta.ticker)
      if (i >= 0) {
        this.obsoleteFiles.add(list[i].file)
        this.seriesCache.delete(list[i].file)
        list[i] = full
      } else list.push(full)
      this.stagedFiles.set(file, serialize(data))
      this.seriesCache.set(file, data)
      this.touch('meta')
      return full
    },
    setMeta: (ticker: string, patch: Partial<Omit<SeriesMeta, 'file' | 'ticker'>>): SeriesMeta => {
      const list = this.meta.data.series
      const i = list.findIndex((s) => s.ticker === ticker)
      if (i < 0) throw new ApiError('not_found', `No imported series for ${ticker}`)
      list[i] = { ...list[i], ...patch }
      this.touch('meta')
      return list[i]
    }
  }

  get schemaVersion(): number {
    return this.meta.data.schemaVersion
  }

  get createdAt(): string {
    return this.meta.data.createdAt
  }

  // ---- writing ---------------------------------------------------------------------------------

  private touch(key: FileKey): void {
    if (this.closed) throw new ApiError('unavailable', 'The store is closed')
    if (key === 'meta') this.metaVersion++
    this.dirty.add(key)
  }

  /**
   * Make every change so far durable. Resolves once the batch holding them is on disk; rejects
   * (and reloads the touched files, so memory again matches disk) if the disk refused it.
   */
  commit(): Promise<void> {
    if (!this.batch) {
      let resolve!: () => void
      let reject!: (e: unknown) => void
      const promise = new Promise<void>((res, rej) => {
        resolve = res
        reject = rej
      })
      this.batch = { promise, resolve, reject }
    }
    const { promise } = this.batch
    if (!this.running) this.running = this.drain()
    return promise
  }

  private async drain(): Promise<void> {
    while (this.batch) {
      const batch = this.batch
      this.batch = null
      const dirty = this.dirty
      this.dirty = new Set()
      const staged = this.stagedFiles
      this.stagedFiles = new Map()
      const obsolete = this.obsoleteFiles
      this.obsoleteFiles = new Set()
      try {
        await commitFiles(this.dataDir, this.serializeDirty(dirty, staged))
        batch.resolve()
        await Promise.all([...obsolete].map((f) => rm(join(this.dataDir, f), { force: true }).catch(() => {})))
      } catch (e) {
        this.log(`store/write: ${e instanceof Error ? e.message : String(e)}; reloading the touched files`)
        await this.reloadAfterFailure(dirty, staged).catch((re) => this.log(`store/write: reload failed: ${String(re)}`))
        batch.reject(new ApiError('io', `Could not save to ${this.dataDir}: ${e instanceof Error ? e.message : String(e)}`))
      }
    }
    this.running = null
  }

  private serializeDirty(dirty: Set<FileKey>, staged: Map<string, string>): FileWrite[] {
    const writes: FileWrite[] = []
    // Bulk files first: the meta that points at them is committed in the same transaction.
    for (const [file, data] of staged) writes.push({ file, data })
    for (const key of dirty) {
      if (key === 'meta') continue
      const shard: Shard = this.events.shardData(key)
      writes.push({ file: shardFile(key), data: serialize(shard) })
    }
    if (dirty.has('meta')) writes.push({ file: META_FILE, data: serialize(this.meta.data) })
    return writes
  }

  private async reloadAfterFailure(dirty: Set<FileKey>, staged: Map<string, string>): Promise<void> {
    for (const file of staged.keys()) this.seriesCache.delete(file)
    if (dirty.has('meta')) {
      const meta = await this.meta.adapter.read()
      if (meta) this.meta.data = meta
      this.companyById = new Map(this.meta.data.companies.map((c) => [c.id, c]))
      this.metaVersion++
    }
    for (const key of dirty) {
      if (key === 'meta') continue
      const text = await readTextIfExists(join(this.dataDir, shardFile(key)))
      const shard = text === null ? { events: [], notes: [] } : parseDocument(text, shardFile(key), shardSchema)
      this.events.replaceShard(key, shard)
    }
  }

  private async collectSeriesGarbage(): Promise<void> {
    let names: string[]
    try {
      names = await readdir(join(this.dataDir, SERIES_DIR))
    } catch (e) {
      if (isCode(e, 'ENOENT')) return
      throw e
    }
    const live = new Set(this.meta.data.series.map((s) => s.file))
    // Files left by a crash between an import's commit and its clean-up; only our own names.
    const dead = names.filter((n) => /\.json$/.test(n) && !n.startsWith('.') && !live.has(`${SERIES_DIR}/${n}`))
    await Promise.all(dead.map((n) => rm(join(this.dataDir, SERIES_DIR, n), { force: true })))
  }

  /** Wait for pending writes, then release the lock. Further writes are refused. */
  async close(): Promise<void> {
    if (this.closed) return
    if (this.dirty.size || this.stagedFiles.size) await this.commit().catch(() => {})
    while (this.running) await this.running
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
