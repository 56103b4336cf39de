/**
 * The domain core: one object that owns the store and the services. Plain Node: the Electron
 * shell, the browser host and the CLI each open one and call it through the contract.
 */
import { Store, type StoreFile } from './store/store'
import { EventsService } from './events'
import { NotesService } from './notes'
import { CompaniesService } from './companies'
import { SettingsService } from './settings'
import { loadStarter } from './starter'
import { backupService } from './backup/service'
import { recoveryAdvice } from './backup/recovery-advice'
import { Activity } from './activity'

export type AdapterName = 'electron' | 'browser' | 'cli' | 'test'

export interface CoreOptions {
  dataDir: string
  adapter: AdapterName
  /** Seed a new data directory with the starter workspace (default true). */
  starter?: boolean
  /**
   * Make the daily backup in the background after open when the last one is a day old (default:
   * on, except for the 'test' adapter, so test and bench runs measure only what they ask for).
   */
  dailyBackup?: boolean
  /**
   * How long the daily backup waits for a lull in API calls (ms). Default: 5 s in the desktop app
   * and the browser host; none for the CLI and tests (a one-shot command makes it at once, then
   * exits).
   */
  backupQuietMs?: number
  now?: () => Date
  log?: (line: string) => void
}

/** The lull in API calls the daily backup waits for in the desktop app and the browser host. */
export const DAILY_BACKUP_QUIET_MS = 5000

export class Core {
  private services!: { events: EventsService; notes: NotesService; companies: CompaniesService; settings: SettingsService }
  private readonly tasks = new Set<Promise<void>>()
  private readonly reloadListeners = new Set<() => void>()
  /** When the analyst last asked for something: background work waits for a lull. */
  readonly activity = new Activity()

  private constructor(
    readonly store: Store,
    readonly options: CoreOptions,
    readonly now: () => Date
  ) {
    this.buildServices()
  }

  static async open(options: CoreOptions): Promise<Core> {
    const now = options.now ?? (() => new Date())
    const store = await Store.open({
      dataDir: options.dataDir,
      adapter: options.adapter,
      now,
      log: options.log,
      seed: options.starter === false ? undefined : () => loadStarter(now())
    })
    const core = new Core(store, options, now)
    // Damage found at start is announced with the way back at every start until it is dealt with.
    const advice = await recoveryAdvice(core).catch((e: unknown) => `store/recovery: ${e instanceof Error ? e.message : String(e)}`)
    if (advice) (options.log ?? ((line: string) => console.error(line)))(advice)
    if (options.dailyBackup ?? options.adapter !== 'test') {
      // Archiving a large workspace takes seconds of CPU: in an interactive session it waits until
      // the analyst pauses, so it never competes with the first screen or a scroll.
      const interactive = options.adapter === 'electron' || options.adapter === 'browser'
      const quietMs = options.backupQuietMs ?? (interactive ? DAILY_BACKUP_QUIET_MS : 0)
      core.background('backup/daily', async () => {
        // No wait asked (the CLI): made even when close() has begun, which waits for it.
        if (await core.activity.quietSpell(quietMs)) await backupService(core).daily()
      })
    }
    return core
  }

  get events(): EventsService {
    return this.services.events
  }
  get notes(): NotesService {
    return this.services.notes
  }
  get companies(): CompaniesService {
    return this.services.companies
  }
  get settings(): SettingsService {
    return this.services.settings
  }

  get dataDir(): string {
    return this.store.dataDir
  }

  /**
   * Re-read the workspace from disk (after `replaceWith` became the live files: a restore). The
   * store reloads in place and the services start with fresh caches, so every handler object and
   * every holder of `core` keeps working on the new data.
   */
  async reload(replaceWith?: StoreFile[]): Promise<void> {
    await this.store.reload(replaceWith)
    this.buildServices()
    for (const listener of this.reloadListeners) listener()
  }

  /** Be told after a reload (drop caches built from the old data); returns an unsubscribe. */
  onReload(listener: () => void): () => void {
    this.reloadListeners.add(listener)
    return () => this.reloadListeners.delete(listener)
  }

  /** Set once close() starts: background warm-ups stop. */
  closing = false

  /** Waits for background work (a daily backup), then for pending writes, then unlocks. */
  async close(): Promise<void> {
    this.closing = true
    this.activity.stop()
    await Promise.all(this.tasks)
    await this.store.close()
  }

  private buildServices(): void {
    const store = this.store
    const events = new EventsService(store, this.now, this.activity)
    this.services = {
      events,
      notes: new NotesService(store, this.now),
      companies: new CompaniesService(store, this.now, (id) => events.companyRenamed(id)),
      settings: new SettingsService(store)
    }
  }

  /** Run after open returns, never delaying it; close waits for it. Failures are logged, not thrown. */
  private background(name: string, fn: () => Promise<unknown>): void {
    const log = this.options.log ?? ((line: string) => console.error(line))
    const task: Promise<void> = new Promise<void>((res) => setImmediate(res))
      .then(fn)
      .then(
        () => undefined,
        (e: unknown) => log(`${name}: ${e instanceof Error ? e.message : String(e)}`)
      )
      .finally(() => this.tasks.delete(task))
    this.tasks.add(task)
  }
}
