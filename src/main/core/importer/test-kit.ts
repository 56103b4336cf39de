/**
 * Test helpers of the importer: a fresh workspace in a temp directory per test, the real price
 * files read by path from ../shared/data/prices/ (never copied), and a byte-level snapshot of the
 * data directory to prove that a refused import wrote nothing.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { MethodName, MethodResult } from '../../../shared/api'
import type { ImportDryRun, ImportMapping } from '../../../shared/market'
import { ApiError } from '../../../shared/errors'
import { Core } from '../core'
import { call } from '../dispatch'
import { cliHooks, createHandlers, type AdapterHooks } from '../handlers'

export const PRICES_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/data/prices')

export const readPrices = (file: string): Promise<string> => readFile(join(PRICES_DIR, file), 'utf8')

/** The README's table of the real files: name -> data rows. */
export async function readmeRowCounts(): Promise<Map<string, number>> {
  const text = await readFile(join(PRICES_DIR, 'README.md'), 'utf8')
  const rows = new Map<string, number>()
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim())
    if (cells.length > 7 && /\.csv$/.test(cells[1])) rows.set(cells[1], Number(cells[5]))
  }
  return rows
}

export interface Workspace {
  dir: string
  core: Core
  call<M extends MethodName>(name: M, input: unknown): Promise<MethodResult<M>>
  /** A scratch folder beside the data directory for generated input files. */
  scratch: string
  close(): Promise<void>
}

export async function openWorkspace(opts: { starter?: boolean; hooks?: AdapterHooks } = {}): Promise<Workspace> {
  const root = await mkdtemp(join(tmpdir(), 'capwatch-import-'))
  const dir = join(root, 'data')
  const scratch = join(root, 'input')
  await mkdir(scratch)
  const core = await Core.open({ dataDir: dir, adapter: 'test', starter: opts.starter ?? false, log: () => {} })
  const handlers = createHandlers(core, opts.hooks ?? cliHooks)
  return {
    dir,
    core,
    scratch,
    call: (name, input) => call(handlers, name, input),
    close: async () => {
      await core.close()
      await rm(root, { recursive: true, force: true })
    }
  }
}

/** Write generated input (text or bytes) into the scratch folder; returns its path. */
export async function writeInput(ws: Workspace, name: string, content: string | Uint8Array): Promise<string> {
  const path = join(ws.scratch, name)
  await writeFile(path, content)
  return path
}

/**
 * Every file of the data directory with its bytes. Left out: the lock (it names the process) and
 * backups/ (the daily backup is made when a process opens the directory, not by an import).
 */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) {
        if (relative(dir, p) !== 'backups') await walk(p)
      }
      else if (e.name !== 'capwatch.lock') out.set(relative(dir, p), (await readFile(p)).toString('base64'))
    }
  }
  await walk(dir)
  return out
}

export const textSource = (name: string, text: string) => ({ kind: 'text' as const, name, text })

/** Inspect, then dry-run with the suggested mapping plus `overrides`. */
export async function dryRun(ws: Workspace, source: unknown, overrides: Partial<ImportMapping> = {}): Promise<ImportDryRun> {
  const ins = await ws.call('import:inspect', { source })
  const mapping = { ...ins.suggested, ...overrides }
  // A ticker given by the test wins over a ticker column the file has, and the other way round.
  if (mapping.tickerColumn && mapping.ticker) delete mapping['ticker' in overrides ? 'tickerColumn' : 'ticker']
  return ws.call('import:preview', { source, mapping })
}

/** The ApiError a call fails with (the test fails if it succeeds). */
export async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p
  } catch (e) {
    if (e instanceof ApiError) return e
    throw e
  }
  throw new Error('expected the call to fail, but it succeeded')
}
