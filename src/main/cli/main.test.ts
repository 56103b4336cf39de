/**
 * The CLI's common behaviour: --help on every command, usage on stderr when asked for nothing, a
 * data directory that must be named properly, and one-line errors with exit code 1.
 */
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { tempDir } from '../core/test-workspace'
import { COMMANDS } from './commands'
import { runCli } from './main'
import { capwatch, type CliRun } from './test-cli'

describe('capwatch --help', () => {
  it('lists every command at the top level', async () => {
    const run = await capwatch(await tempDir(), '--help')
    expect(run.code).toBe(0)
    for (const c of COMMANDS) expect(run.out.some((l) => l.trim().startsWith(c.words.join(' ')))).toBe(true)
  })

  it.each(COMMANDS.map((c) => [c.words.join(' '), c.words]))('explains "%s" with its usage, and opens no workspace', async (_, words) => {
    const dir = await tempDir()
    const run = await capwatch(dir, ...words, '--help')
    expect(run.code).toBe(0)
    expect(run.err).toEqual([])
    expect(run.out[0]).toMatch(new RegExp(`^Usage: capwatch \\[--data-dir DIR\\] ${words.join(' ')}`))
  })

  it('explains a group of commands', async () => {
    const run = await capwatch(await tempDir(), 'events', '--help')
    expect(run.code).toBe(0)
    expect(run.out.filter((l) => l.startsWith('Usage:'))).toHaveLength(2)
  })
})

describe('capwatch errors', () => {
  it.each([
    [['frobnicate'], 'Unknown command "frobnicate"'],
    [['events'], 'capwatch events list'],
    [['events', 'remove'], 'Unknown command "events remove"'],
    [['events', 'list', '--csv'], "'--csv'"],
    [['events', 'list', 'extra'], 'Unexpected argument'],
    [['events', 'add', '--date', '2021-04-10', '--title', 'a', '--title', 'b'], '--title is given more than once']
  ])('%j is one line on stderr and exit code 1', async (args, mention) => {
    const run = await capwatch(await tempDir(), ...args)
    expect(run.code).toBe(1)
    expect(run.out).toEqual([])
    expect(run.err).toHaveLength(1)
    expect(run.err[0]).toContain(mention)
    expect(run.err[0].startsWith('capwatch: ')).toBe(true)
  })
})

describe('capwatch with nothing to do', () => {
  it('prints the usage on stderr and exits 1; --help prints it on stdout and exits 0', async () => {
    const bare = { out: [] as string[], err: [] as string[] }
    expect(await runCli([], { out: (l) => bare.out.push(l), err: (l) => bare.err.push(l) })).toBe(1)
    expect(bare.out).toEqual([])
    expect(bare.err.join('\n')).toMatch(/^Usage: capwatch/)
    const asked = await capwatch(await tempDir(), '--help')
    expect(asked).toMatchObject({ code: 0, err: [] })
    expect(asked.out[0]).toMatch(/^Usage: capwatch/)
  })
})

describe('the data directory, named wrongly', () => {
  /** The default user-data folder points into a temp folder, so a wrong fallback cannot touch the real one. */
  async function fakeHome(): Promise<string> {
    const home = await tempDir()
    vi.stubEnv('XDG_CONFIG_HOME', home)
    vi.stubEnv('APPDATA', home)
    vi.stubEnv('HOME', home)
    onTestFinished(() => {
      vi.unstubAllEnvs()
    })
    return home
  }

  it.each([[['--data-dir', '']], [['--data-dir=']]])('%j is an error, never the default folder', async (flag) => {
    const home = await fakeHome()
    const run = await runCapture([...flag, 'events', 'list'])
    expect(run).toEqual({ code: 1, out: [], err: ['capwatch: --data-dir needs a folder (it was given an empty value)'] })
    expect(await readdir(home)).toEqual([])
  })

  it('--data-dir given twice is an error: one of the two folders would be silently ignored', async () => {
    const home = await fakeHome()
    const run = await runCapture(['--data-dir', join(home, 'a'), 'events', 'list', '--data-dir=' + join(home, 'b')])
    expect(run).toEqual({ code: 1, out: [], err: ['capwatch: --data-dir is given twice; give one folder'] })
    expect(await readdir(home)).toEqual([])
  })

  it('an empty CAPWATCH_DATA_DIR is an error, never the default folder', async () => {
    const home = await fakeHome()
    vi.stubEnv('CAPWATCH_DATA_DIR', '')
    const run = await runCapture(['events', 'list'])
    expect(run.code).toBe(1)
    expect(run.err).toHaveLength(1)
    expect(run.err[0]).toContain('CAPWATCH_DATA_DIR is set but empty')
    expect(await readdir(home)).toEqual([])
  })

  it('a regular file given as --data-dir: "is a file, not a folder"', async () => {
    const file = join(await tempDir(), 'notes.txt')
    await writeFile(file, 'mine')
    expectOneLine(await capwatch(file, 'events', 'list'), `--data-dir ${file} is a file, not a folder`)
    expectOneLine(await capwatch(join(file, 'sub'), 'events', 'list'), `${file} is a file, not a folder`)
    expect(await readFile(file, 'utf8')).toBe('mine')
  })

  it('a folder where capwatch.json should be, or a file where events/ should be, is named', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'capwatch.json'))
    expectOneLine(await capwatch(dir, 'events', 'list'), `${join(dir, 'capwatch.json')} is a folder`)
    const other = await tempDir()
    await writeFile(join(other, 'events'), '')
    expectOneLine(await capwatch(other, 'events', 'list'), `${join(other, 'events')} is a file`)
  })
})

describe('raw Node errors become one clear line', () => {
  it('a value starting with "-" is explained with the --option=value form', async () => {
    const run = await capwatch(await tempDir(), 'events', 'add', '--date', '2021-07-24', '--title', '-5% day')
    expectOneLine(run, '--title=-5% day')
    expect(run.err[0]).not.toContain('ambiguous')
    expect(run.err[0]).not.toContain('..')
  })

  it('serve on a port in use says so, and suggests --port 0', async () => {
    const blocker = createServer()
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done))
    onTestFinished(() => new Promise<void>((done) => blocker.close(() => done())))
    const port = (blocker.address() as AddressInfo).port
    const run = await capwatch(await tempDir(), 'serve', '--port', String(port))
    expectOneLine(run, `port ${port} is in use; try --port 0`)
    expect(run.out).toEqual([])
  })
})

async function runCapture(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out, err }
}

function expectOneLine(run: CliRun, mention: string): void {
  expect(run.code).toBe(1)
  expect(run.err).toHaveLength(1)
  expect(run.err[0].startsWith('capwatch: ')).toBe(true)
  expect(run.err[0]).toContain(mention)
}
