/**
 * The bad-input corpus's harness: every case runs against a real data directory (the starter
 * workspace plus one real price series, PDD.csv read by path) through the real contract
 * (`createHandlers(core, cliHooks)` + `dispatch`), and checks the three promises of a refusal:
 * a typed error that says where, the data directory byte-for-byte unchanged, the core still
 * answering.
 */
import { createHash } from 'node:crypto'
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, onTestFinished } from 'vitest'
import type { MethodName, MethodResult } from '../../../shared/api'
import { ApiError, type ApiErrorBody } from '../../../shared/errors'
import { decodeBytes } from '../../../shared/encoding'
import { isoFromDay } from '../../../shared/dates'
import { Core } from '../core'
import { call, type Handlers } from '../dispatch'
import { cliHooks, createHandlers } from '../handlers'
import { PRICES_DIR } from '../importer/test-kit'

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url))
export const fixturePath = (name: string): string => join(FIXTURES, name)
export const readFixture = (name: string): Promise<Buffer> => readFile(fixturePath(name))

/** Events in the starter workspace: what a follow-up `events:query` must still report. */
export const STARTER_EVENTS = 55

export interface Bench {
  dir: string
  core: Core
  handlers: Handlers
  /** A folder outside the data directory for generated input files (fixtures are read in place). */
  scratch: string
  call<M extends MethodName>(name: M, input: unknown): Promise<MethodResult<M>>
}

let template: Promise<string> | null = null

// Registered while the test file that imports this kit is collected: the template outlives each
// test, and goes with the file.
afterAll(async () => {
  if (template) await rm(dirname(await template), { recursive: true, force: true })
})

/**
 * Built once per test file and copied per test: opening the starter and importing a real series
 * for every one of dozens of cases would cost more than the cases themselves.
 */
function templateDir(): Promise<string> {
  template ??= (async () => {
    const root = await mkdtemp(join(tmpdir(), 'capwatch-corpus-template-'))
    const dir = join(root, 'data')
    const core = await Core.open({ dataDir: dir, adapter: 'test', starter: true, log: () => {} })
    const handlers = createHandlers(core, cliHooks)
    const source = { kind: 'path', path: join(PRICES_DIR, 'PDD.csv') }
    const dry = await call(handlers, 'import:preview', { source, mapping: { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', ticker: 'PDD' } })
    await call(handlers, 'import:commit', { previewId: dry.previewId })
    await core.close()
    return dir
  })()
  return template
}

/** A fresh copy of the template workspace, opened; closed and removed when the test ends. */
export async function openBench(opts: { empty?: boolean } = {}): Promise<Bench> {
  const root = await mkdtemp(join(tmpdir(), 'capwatch-corpus-'))
  const dir = join(root, 'data')
  const scratch = join(root, 'input')
  await mkdir(scratch)
  if (!opts.empty) await copyTree(await templateDir(), dir)
  const core = await Core.open({ dataDir: dir, adapter: 'test', starter: false, log: () => {} })
  onTestFinished(async () => {
    await core.close()
    await rm(root, { recursive: true, force: true })
  })
  const handlers = createHandlers(core, cliHooks)
  return {
    dir,
    core,
    handlers,
    scratch,
    call: (name, input) => call(handlers, name, input)
  }
}

/** The template's files, copied in parallel (fs.cp walks one file at a time: 5x slower here). */
async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true })
  const entries = await readdir(from, { withFileTypes: true })
  await Promise.all(
    entries.map((e) => {
      if (e.isDirectory()) return copyTree(join(from, e.name), join(to, e.name))
      return e.name === 'capwatch.lock' ? undefined : copyFile(join(from, e.name), join(to, e.name))
    })
  )
}

/** Write generated input into the scratch folder; returns its path. */
export async function writeScratch(bench: Bench, name: string, content: string | Uint8Array): Promise<string> {
  const path = join(bench.scratch, name)
  await writeFile(path, content)
  return path
}

export type SourceKind = 'path' | 'text'
export const SOURCE_KINDS: SourceKind[] = ['path', 'text']

/**
 * An import source for a fixture, as each adapter sends it: the CLI and desktop by path; the
 * page as text it decoded from the file's bytes (with the shared decoder, as a page must for
 * UTF-16 and Windows-1252 files to read as their author saw them).
 */
export async function fixtureSource(bench: Bench, kind: SourceKind, name: string, content?: string | Uint8Array) {
  // Fixtures are read in place (an import only reads its source); generated input is written first.
  const path = content === undefined ? fixturePath(name) : await writeScratch(bench, name, content)
  if (kind === 'path') return { kind: 'path' as const, path }
  const bytes = typeof content === 'string' ? Buffer.from(content) : (content ?? (await readFile(path)))
  return { kind: 'text' as const, name, text: decodeBytes(bytes).text }
}

/**
 * A digest of every file of the data directory, read in parallel. Left out, as in
 * importer/test-kit: the lock (it names the process) and backups/ (made when a process opens the
 * directory, not by any call tested here).
 */
export async function snapshotOf(bench: Bench): Promise<Map<string, string>> {
  const files: string[] = []
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(bench.dir, rel), { withFileTypes: true })
    await Promise.all(
      entries.map((e) => {
        const p = rel ? `${rel}/${e.name}` : e.name
        if (e.isDirectory()) return p === 'backups' ? undefined : walk(p)
        if (e.name !== 'capwatch.lock') files.push(p)
        return undefined
      })
    )
  }
  await walk('')
  const digests = await Promise.all(files.map(async (f) => createHash('sha256').update(await readFile(join(bench.dir, f))).digest('hex')))
  return new Map(files.map((f, i) => [f, digests[i]] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1)))
}

export interface WhereExpected {
  code?: ApiErrorBody['code']
  /** The file named by the error (imports). */
  file?: string
  /** The 1-based line, where a line is involved. */
  line?: number
  /** The field or column the error names (an issue's path). */
  field?: string
  /** Text the message must contain. */
  message?: string | RegExp
}

/**
 * The call fails with a typed error that says where (file, line, field), the data directory is
 * byte-for-byte what it was, and the core still answers. Returns the error for further checks.
 */
export async function expectRefused(bench: Bench, run: () => Promise<unknown>, want: WhereExpected): Promise<ApiError> {
  const before = await snapshotOf(bench)
  let error: unknown = null
  try {
    await run()
  } catch (e) {
    error = e
  }
  expect(error, 'the call should have been refused').toBeInstanceOf(ApiError)
  const e = error as ApiError
  expect(e.code).toBe(want.code ?? 'invalid_input')
  if (want.file) {
    expect(e.file).toBe(want.file)
    expect(e.message).toContain(want.file)
  }
  if (want.line !== undefined) {
    expect(e.issues?.some((i) => i.line === want.line), `an issue on line ${want.line}: ${JSON.stringify(e.issues)}`).toBe(true)
    expect(e.message).toContain(`line ${want.line}`)
  }
  if (want.field !== undefined) {
    expect(e.issues?.map((i) => i.path), e.message).toContain(want.field)
  }
  if (want.message !== undefined) {
    if (typeof want.message === 'string') expect(e.message).toContain(want.message)
    else expect(e.message).toMatch(want.message)
  }
  expect(await snapshotOf(bench)).toEqual(before)
  await expectResponsive(bench)
  return e
}

/** Liveness, not speed: a bound far above what a query costs, so only a hung core fails it. */
const ANSWER_WITHIN_MS = 5000

/** The core answers a follow-up `events:query` with the whole workspace. */
export async function expectResponsive(bench: Bench, events = STARTER_EVENTS): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ANSWER_WITHIN_MS)))
  const page = await Promise.race([bench.call('events:query', { limit: 1 }), late])
  clearTimeout(timer)
  expect(page, `events:query did not answer within ${ANSWER_WITHIN_MS} ms`).not.toBe('late')
  expect((page as MethodResult<'events:query'>).total).toBe(events)
}

/** A stored series part of a ticker as [ISO date, value] pairs (read back from the store, not the dry run). */
export async function stored(bench: Bench, ticker: string, part: 'close' | 'marketCap' = 'close'): Promise<[string, number][]> {
  const points = (await bench.core.store.series.load(ticker))?.[part]
  return points ? points.days.map((d, i) => [isoFromDay(d), points.values[i]]) : []
}
