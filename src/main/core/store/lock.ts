/**
 * One writer per data directory. Two processes saving the same files would silently overwrite
 * each other's edits, so the second one is refused with a message naming the holder. A lock left
 * by a process that died (same host, pid gone or reused by another program) is stale and taken
 * over.
 */
import { link, open, readFile, rename, rm, stat, unlink } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { ApiError } from '../../../shared/errors'
import { isCode, listDir } from './files'

export const LOCK_FILE = 'capwatch.lock'

interface LockInfo {
  pid: number
  host: string
  adapter: string
  startedAt: string
  token: string
  /** Linux: the process's start time in clock ticks since boot, to tell a reused pid apart. */
  procStart?: number
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
    token: randomBytes(8).toString('hex'),
    procStart: procStartOf(process.pid)
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createLockFile(path, mine)) {
      await sweepLeftovers(dataDir)
      return { release: () => releaseLock(path, mine.token) }
    }
    const holder = await readHolder(path)
    if (holder.kind === 'gone') continue
    const stale = holder.kind === 'unreadable' ? await olderThan(path, 10_000) : isStale(holder.info)
    if (stale) {
      await takeAway(path, holder.text)
      continue
    }
    const who =
      holder.kind === 'unreadable'
        ? 'another process (its lock file is being written)'
        : `${describeAdapter(holder.info.adapter)} (pid ${holder.info.pid} on ${holder.info.host}, since ${holder.info.startedAt})`
    throw new ApiError(
      'locked',
      `The data directory ${dataDir} is in use by ${who}. Close it first, or use another --data-dir.` +
        ` If no such process is running, delete ${path}.`
    )
  }
  throw new ApiError('locked', `Could not lock the data directory ${dataDir}: ${path} keeps changing.`)
}

/**
 * Create the lock with its content in one step: the content goes to a private file first and is
 * hard-linked into place (link fails if the lock exists), so no other process ever reads a lock
 * file that is still empty, even if this one is killed halfway.
 */
async function createLockFile(path: string, info: LockInfo): Promise<boolean> {
  const text = JSON.stringify(info)
  const draft = `${path}.${info.token}.new`
  await writeFileSynced(draft, text, 'w')
  try {
    await link(draft, path)
    return true
  } catch (e) {
    if (isCode(e, 'EEXIST')) return false
    // Filesystems without hard links (some network or FAT volumes): exclusive create instead.
    if (!isCode(e, 'EPERM') && !isCode(e, 'ENOTSUP') && !isCode(e, 'EOPNOTSUPP') && !isCode(e, 'ENOSYS')) throw e
    try {
      await writeFileSynced(path, text, 'wx')
      return true
    } catch (e2) {
      if (isCode(e2, 'EEXIST')) return false
      throw e2
    }
  } finally {
    await unlink(draft).catch(() => {})
  }
}

async function writeFileSynced(path: string, text: string, flags: 'w' | 'wx'): Promise<void> {
  const fh = await open(path, flags, 0o600)
  try {
    await fh.writeFile(text)
    await fh.sync()
  } finally {
    await fh.close()
  }
}

type Holder = { kind: 'gone' } | { kind: 'unreadable'; text: string } | { kind: 'held'; info: LockInfo; text: string }

async function readHolder(path: string): Promise<Holder> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    if (isCode(e, 'ENOENT')) return { kind: 'gone' }
    throw e
  }
  try {
    const info = JSON.parse(text) as LockInfo
    if (typeof info.pid === 'number' && typeof info.host === 'string') return { kind: 'held', info, text }
  } catch {
    // fall through: a lock from an old version or a damaged one
  }
  return { kind: 'unreadable', text }
}

/**
 * Move (not delete) the stale lock: if two processes race here, the second one may move the
 * fresh lock the first just made; it sees that by the content and puts it back.
 */
async function takeAway(path: string, judged: string): Promise<void> {
  const aside = `${path}.stale-${randomBytes(3).toString('hex')}`
  try {
    await rename(path, aside)
  } catch (e) {
    if (isCode(e, 'ENOENT')) return
    throw e
  }
  const moved = await readFile(aside, 'utf8').catch(() => judged)
  if (moved !== judged) await link(aside, path).catch(() => {})
  await rm(aside, { force: true })
}

function isStale(holder: LockInfo): boolean {
  if (holder.host !== hostname()) return false
  if (holder.pid === process.pid) return false
  try {
    process.kill(holder.pid, 0)
  } catch (e) {
    return isCode(e, 'ESRCH')
  }
  // The pid is alive, but after a crash and reboot (or in a container) it may be another program.
  const now = procStartOf(holder.pid)
  return holder.procStart !== undefined && now !== undefined && now !== holder.procStart
}

/** Field 22 of /proc/PID/stat (start time since boot); undefined off Linux. */
function procStartOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[19])
    return Number.isFinite(ticks) ? ticks : undefined
  } catch {
    return undefined
  }
}

async function olderThan(path: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs > ms
  } catch {
    return true
  }
}

/** Drafts and moved-away locks of processes killed mid-way; left alone while they may be in use. */
async function sweepLeftovers(dataDir: string): Promise<void> {
  const names = (await listDir(dataDir)).filter((n) => n.startsWith(`${LOCK_FILE}.`))
  for (const n of names) if (await olderThan(join(dataDir, n), 60_000)) await rm(join(dataDir, n), { force: true }).catch(() => {})
}

async function releaseLock(path: string, token: string): Promise<void> {
  const holder = await readHolder(path)
  if (holder.kind === 'held' && holder.info.token === token) await rm(path, { force: true })
}

function describeAdapter(adapter: string): string {
  switch (adapter) {
    case 'electron':
      return 'the Capwatch desktop app'
    case 'browser':
      return 'a Capwatch browser host (capwatch serve)'
    case 'test':
      return 'a Capwatch test run'
    default:
      return 'the capwatch CLI'
  }
}
