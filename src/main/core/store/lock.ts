/**
 * One writer per data directory. Two processes saving the same files would silently overwrite
 * each other's edits, so the second one is refused with a message naming the holder. A lock left
 * by a process that died (same host, pid gone) is stale and taken over.
 */
import { open, readFile, rename, rm, stat } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { ApiError } from '../../../shared/errors'
import { isCode } from './files'

export const LOCK_FILE = 'capwatch.lock'

interface LockInfo {
  pid: number
  host: string
  adapter: string
  startedAt: string
  token: string
}

export interface DataDirLock {
  release(): Promise<void>
}

export async function acquireLock(dataDir: string, adapter: string): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_FILE)
  const mine: LockInfo = {
    pid: process.pid,
    host: hostname(),
    adapter,
    startedAt: new Date().toISOString(),
    token: randomBytes(8).toString('hex')
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(path, 'wx', 0o600)
      try {
        await fh.writeFile(JSON.stringify(mine))
        await fh.sync()
      } finally {
        await fh.close()
      }
      return { release: () => releaseLock(path, mine.token) }
    } catch (e) {
      if (!isCode(e, 'EEXIST')) throw e
    }
    const holder = await readHolder(path)
    if (holder === 'gone') continue
    if (holder === 'unreadable' ? await olderThan(path, 10_000) : isStale(holder)) {
      // Move (not delete) the stale lock: if two processes race here, only one rename succeeds.
      await rename(path, `${path}.stale-${randomBytes(3).toString('hex')}`).catch(() => {})
      await rm(`${path}.stale`, { force: true }).catch(() => {})
      continue
    }
    const who = holder === 'unreadable' ? 'another process' : `${describeAdapter(holder.adapter)} (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt})`
    throw new ApiError(
      'locked',
      `The data directory ${dataDir} is in use by ${who}. Close it first, or use another --data-dir.` +
        ` If no such process is running, delete ${path}.`
    )
  }
  throw new ApiError('locked', `Could not lock the data directory ${dataDir}: ${path} keeps changing.`)
}

async function readHolder(path: string): Promise<LockInfo | 'gone' | 'unreadable'> {
  try {
    const info = JSON.parse(await readFile(path, 'utf8')) as LockInfo
    return typeof info.pid === 'number' && typeof info.host === 'string' ? info : 'unreadable'
  } catch (e) {
    return isCode(e, 'ENOENT') ? 'gone' : 'unreadable'
  }
}

function isStale(holder: LockInfo): boolean {
  if (holder.host !== hostname()) return false
  if (holder.pid === process.pid) return false
  try {
    process.kill(holder.pid, 0)
    return false
  } catch (e) {
    return isCode(e, 'ESRCH')
  }
}

async function olderThan(path: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs > ms
  } catch {
    return true
  }
}

async function releaseLock(path: string, token: string): Promise<void> {
  const holder = await readHolder(path)
  if (typeof holder === 'object' && holder.token === token) await rm(path, { force: true })
}

function describeAdapter(adapter: string): string {
  return adapter === 'electron' ? 'the Capwatch desktop app' : adapter === 'browser' ? 'a Capwatch browser host (capwatch serve)' : `the capwatch CLI`
}
