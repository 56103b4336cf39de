/**
 * The domain core: one object that owns the store and the services. Plain Node: the Electron
 * shell, the browser host and the CLI each open one and call it through the contract.
 */
import { Store } from './store/store'
import { EventsService } from './events'
import { NotesService } from './notes'
import { CompaniesService } from './companies'
import { SettingsService } from './settings'
import { loadStarter } from './starter'

export type AdapterName = 'electron' | 'browser' | 'cli' | 'test'

export interface CoreOptions {
  dataDir: string
  adapter: AdapterName
  /** Seed a new data directory with the starter workspace (default true). */
  starter?: boolean
  now?: () => Date
  log?: (line: string) => void
}

export class Core {
  readonly events: EventsService
  readonly notes: NotesService
  readonly companies: CompaniesService
  readonly settings: SettingsService

  private constructor(
    readonly store: Store,
    readonly options: CoreOptions,
    readonly now: () => Date
  ) {
    this.events = new EventsService(store, now)
    this.notes = new NotesService(store, now)
    this.companies = new CompaniesService(store, now, () => this.events.search.invalidate())
    this.settings = new SettingsService(store)
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
    return new Core(store, options, now)
  }

  get dataDir(): string {
    return this.store.dataDir
  }

  async close(): Promise<void> {
    await this.store.close()
  }
}
