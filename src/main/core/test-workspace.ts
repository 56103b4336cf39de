/**
 * A workspace for the service, report and CLI tests: a fresh temp data directory per test, the
 * core opened on it through the real store, the handlers of the contract, and a clock that moves
 * one second per reading so "newest first" and "oldest first" are decided by time, not by luck.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import type { MethodName, MethodResult } from '../../shared/api'
import type { CompanyInput } from '../../shared/domain'
import { Core } from './core'
import { call, type Handlers } from './dispatch'
import { cliHooks, createHandlers } from './handlers'

export interface TestWorkspace {
  core: Core
  dataDir: string
  handlers: Handlers
  /** Call a contract method as an adapter would (input validated by its schema). */
  api: <M extends MethodName>(name: M, input: unknown) => Promise<MethodResult<M>>
  /** Close the core and open the same data directory again, as a restart would. */
  reopen: () => Promise<TestWorkspace>
}

/** A stepping clock starting at `start`: each reading is one second after the previous one. */
export function steppingClock(start = '2026-03-01T09:00:00.000Z'): () => Date {
  let t = Date.parse(start)
  return () => new Date((t += 1000))
}

export async function tempDir(prefix = 'capwatch-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  onTestFinished(() => rm(dir, { recursive: true, force: true }))
  return dir
}

/** Open a core on a new temp directory; closed and removed when the test ends. */
export async function openWorkspace(opts: { starter?: boolean; now?: () => Date; dataDir?: string } = {}): Promise<TestWorkspace> {
  const dataDir = opts.dataDir ?? (await tempDir())
  const now = opts.now ?? steppingClock()
  const core = await Core.open({ dataDir, adapter: 'test', starter: opts.starter ?? false, now, log: () => {} })
  let closed = false
  const close = async () => {
    if (!closed) await core.close()
    closed = true
  }
  onTestFinished(close)
  const handlers = createHandlers(core, cliHooks)
  return {
    core,
    dataDir,
    handlers,
    api: (name, input) => call(handlers, name, input),
    reopen: async () => {
      await close()
      return openWorkspace({ starter: false, now, dataDir })
    }
  }
}

/** A listed company with one ticker. */
export function listed(name: string, ticker: string, extra: Partial<CompanyInput> = {}): CompanyInput {
  return { name, listings: [{ ticker, exchange: '', currency: 'USD', shares: [] }], ...extra }
}
