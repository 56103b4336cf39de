/**
 * The contract's methods, implemented over the core. Each domain owns its group of handlers
 * (reports/, backup/, importer/, market/). Adapter-specific methods (native dialogs)
 * come from the adapter; the rest are the same for the desktop app, the browser host and the CLI.
 */
import type { AppInfo } from '../../shared/api'
import { ApiError } from '../../shared/errors'
import type { Core } from './core'
import type { Handlers } from './dispatch'
import { APP_VERSION } from './version'
import { reportHandlers } from './reports/handlers'
import { backupHandlers } from './backup/handlers'
import { backupService } from './backup/service'
import { importHandlers } from './importer/handlers'
import { marketHandlers } from './market/handlers'

/** What differs between adapters: native dialogs, and which file paths a caller may name. */
export interface AdapterHooks {
  name: 'electron' | 'browser' | 'cli'
  dialogs: Pick<Handlers, 'app:saveFile' | 'app:openFile'>
  /**
   * May an import read this path? The CLI: yes (the user typed it). The desktop app: only paths
   * the user picked in its open dialog. The browser host: never (the page uploads file contents).
   */
  allowPath(path: string): boolean
  /** The browser host's uploaded files (raw bytes), by id; other adapters have none. */
  readUpload?(id: string): { name: string; bytes: Uint8Array } | undefined
}

/** For adapters without native dialogs: the renderer's client uses a download / file input instead. */
export const noDialogs: AdapterHooks['dialogs'] = {
  'app:saveFile': () => {
    throw new ApiError('unavailable', 'Native save dialogs exist only in the desktop app')
  },
  'app:openFile': () => {
    throw new ApiError('unavailable', 'Native open dialogs exist only in the desktop app')
  }
}

export const cliHooks: AdapterHooks = { name: 'cli', dialogs: noDialogs, allowPath: () => true }
export const browserHooks: AdapterHooks = { name: 'browser', dialogs: noDialogs, allowPath: () => false }

export function createHandlers(core: Core, hooks: AdapterHooks): Handlers {
  const info = async (): Promise<AppInfo> => ({
    version: APP_VERSION,
    adapter: hooks.name,
    dataDir: core.dataDir,
    schemaVersion: core.store.schemaVersion,
    problems: [...core.store.problems],
    backups: await backupService(core).list(),
    holds: core.store.savedCounts()
  })
  const handlers: Handlers = {
    ...hooks.dialogs,
    'app:info': info,
    // Every call tells the core the analyst is at work (reportingActivity, below): this one only that.
    'app:active': () => ({}),

    'events:query': (q) => core.events.query(q),
    'events:get': ({ id }) => ({ event: core.events.row(core.events.get(id)), notes: core.notes.list(id) }),
    'events:create': ({ fields }) => core.events.create(fields),
    'events:update': ({ id, patch }) => core.events.update(id, patch),
    'events:duplicate': ({ id }) => core.events.duplicate(id),
    'events:delete': ({ ids }) => core.events.remove(ids),
    'events:undoDelete': ({ undoToken }) => core.events.undoDelete(undoToken),

    'notes:list': ({ eventId }) => core.notes.list(eventId),
    'notes:add': ({ eventId, text }) => core.notes.add(eventId, text),
    'notes:update': ({ id, text }) => core.notes.update(id, text),
    'notes:delete': ({ id }) => core.notes.remove(id),

    'companies:list': () => core.companies.list(),
    'companies:create': ({ fields }) => core.companies.create(fields),
    'companies:update': ({ id, patch }) => core.companies.update(id, patch),
    'companies:delete': ({ id }) => core.companies.remove(id),
    'shares:set': ({ ticker, rows }) => core.companies.setShares(ticker, rows),

    'settings:get': () => core.settings.get(),
    'settings:update': ({ patch }) => core.settings.update(patch),

    ...reportHandlers(core),
    ...backupHandlers(core),
    ...importHandlers(core, hooks),
    ...marketHandlers(core)
  }
  return reportingActivity(core, handlers)
}

/** Each call tells the core the analyst is at work: background jobs wait for a lull (activity.ts). */
function reportingActivity(core: Core, handlers: Handlers): Handlers {
  const wrapped: Record<string, (input: never) => unknown> = {}
  for (const [name, handler] of Object.entries(handlers) as [string, (input: never) => unknown][]) {
    wrapped[name] = (input) => {
      core.activity.touch()
      return handler(input)
    }
  }
  return wrapped as Handlers
}
