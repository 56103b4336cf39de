/**
 * Two processes on one data directory (the desktop app and the CLI, two hosts): the second one
 * gets a clear message and exit code 1, never a silent overwrite; once the holder is killed, its
 * stale lock is taken over. Both sides are real processes: the capwatch CLI and a holder, each
 * bundled with esbuild.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { LOCK_FILE } from './lock'
import { META_FILE } from './schema'

const root = fileURLToPath(new URL('../../../../', import.meta.url))
// The bundles live in a temp folder: tell them where the starter workspace is.
const env = { ...process.env, CAPWATCH_RESOURCES: join(root, 'resources') }
let work: string
let cli: string
let holder: string

async function bundle(contents: string, outfile: string): Promise<void> {
  await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }
  })
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'capwatch-2proc-'))
  cli = join(work, 'cli.mjs')
  holder = join(work, 'holder.mjs')
  // The CLI as bin/capwatch.js runs it; the holder stands in for the desktop app.
  await bundle("import { runCli } from './src/main/cli/main.ts'\nprocess.exitCode = await runCli(process.argv.slice(2))\n", cli)
  await bundle(
    "import { Core } from './src/main/core/core.ts'\n" +
      "await Core.open({ dataDir: process.argv[2], adapter: 'electron', dailyBackup: false, log: () => {} })\n" +
      "process.stdout.write('ready\\n')\nsetInterval(() => {}, 1000)\n",
    holder
  )
}, 60_000)
afterAll(() => rm(work, { recursive: true, force: true }))

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

function startHolder(dataDir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [holder, dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env })
    let err = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d))
    child.stdout.setEncoding('utf8').on('data', (d: string) => d.includes('ready') && resolve(child))
    child.on('exit', (code) => reject(new Error(`holder exited (${code}): ${err}`)))
  })
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

describe('two processes on one data directory', () => {
  it('refuses the CLI while the desktop app holds the folder, then takes over its stale lock once it is killed', async () => {
    const dataDir = join(work, 'data')
    const app = await startHolder(dataDir)
    try {
      const meta = await readFile(join(dataDir, META_FILE))
      const refused = await run(['--data-dir', dataDir, 'backup'])
      expect(refused.code).toBe(1)
      const lines = refused.stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(new RegExp(`^capwatch: The data directory ${dataDir} is in use by the Capwatch desktop app \\(pid ${app.pid} on `))
      expect(refused.stdout).toBe('')
      // Nothing was written by the refused process.
      expect(await readFile(join(dataDir, META_FILE))).toEqual(meta)
      expect(existsSync(join(dataDir, 'backups'))).toBe(false)
      expect(JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(app.pid)
    } finally {
      await kill(app)
    }
    // The app died without unlocking: its lock is stale and the CLI takes over.
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true)
    const after = await run(['--data-dir', dataDir, 'backup'])
    expect(after.stderr).not.toMatch(/in use/)
    expect(after.code).toBe(0)
    expect(existsSync(after.stdout.trim())).toBe(true)
    // And it let go when it finished.
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false)
  })

  it('refuses a restore while another process holds the folder, changing nothing', async () => {
    const dataDir = join(work, 'data-restore')
    const app = await startHolder(dataDir)
    try {
      const meta = await readFile(join(dataDir, META_FILE))
      const refused = await run(['--data-dir', dataDir, 'restore', join(work, 'whatever.gz')])
      expect(refused.code).toBe(1)
      expect(refused.stderr).toMatch(/^capwatch: The data directory .* is in use by the Capwatch desktop app/)
      expect(await readFile(join(dataDir, META_FILE))).toEqual(meta)
    } finally {
      await kill(app)
    }
  })
})
