/**
 * Start and stop `capwatch serve` over a data directory, as a user would from a terminal:
 * the built CLI, its printed URL (with the run's token), and a bounded shutdown.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const CLI = join(ROOT, 'bin', 'capwatch.js')
/** The real price files shared with this project (read by path, never copied). */
export const PRICES = join(ROOT, '..', 'shared', 'data', 'prices')

export interface Host {
  url: string
  origin: string
  token: string
  dataDir: string
  stderr: () => string
  stop: () => Promise<void>
}

export async function startHost(dataDir: string, env: Record<string, string> = {}): Promise<Host> {
  const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, 'serve', '--port', '0'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`capwatch serve printed no URL in 20 s: ${stderr}`)), 20_000)
    child.stdout!.on('data', (d) => {
      out += d
      const m = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[0])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`capwatch serve exited (${code}): ${stderr}`))
    })
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: /token=([^&]+)/.exec(parsed.hash)![1],
    dataDir,
    stderr: () => stderr,
    stop: () => stopChild(child)
  }
}

/** SIGTERM (the host flushes and releases its lock), then SIGKILL after 5 s. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
