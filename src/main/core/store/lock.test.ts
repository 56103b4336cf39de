/**
 * One writer per data directory: a second opener is told who holds it, a lock left by a process
 * that died is taken over, and closing lets go.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readFile, readdir, utimes, writeFile } from 'node:fs/promises'
import { spawnSync } from 'node:child_process'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { Store } from './store'
import { LOCK_FILE } from './lock'
import { tempDirs } from './test-support/fixtures'
import type { ApiError } from '../../../shared/errors'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

const open = (dataDir: string, adapter: 'test' | 'electron' = 'test') => Store.open({ dataDir, adapter, log: () => {} })

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  return Number(child.stdout)
}

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p
  } catch (e) {
    return e as ApiError
  }
  throw new Error('expected the open to be refused')
}

const lockOf = async (dir: string) => JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as { pid: number; token: string }

describe('data directory lock', () => {
  it('refuses a second open and names the holder', async () => {
    const dir = await dirs.make()
    const first = await open(dir, 'electron')
    const e = await refusal(open(dir))
    expect(e.code).toBe('locked')
    expect(e.message).toContain(`in use by the Capwatch desktop app (pid ${process.pid} on ${hostname()}`)
    expect(e.message).toContain(dir)
    await first.close()
    // Closing lets go: the next open succeeds.
    await (await open(dir)).close()
  })

  it('takes over a lock left by a process that is gone', async () => {
    const dir = await dirs.make()
    await (await open(dir)).close()
    const pid = deadPid()
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid, host: hostname(), adapter: 'cli', startedAt: '2026-01-01T00:00:00Z', token: 'dead' }))
    const s = await open(dir)
    expect((await lockOf(dir)).pid).toBe(process.pid)
    await s.close()
    expect(await readdir(dir)).not.toContain(LOCK_FILE)
    // The stale lock was moved away and cleaned up, not left lying around.
    expect((await readdir(dir)).filter((n) => n.startsWith(LOCK_FILE))).toEqual([])
  })

  it.runIf(process.platform === 'linux')('takes over a lock whose pid now belongs to another program', async () => {
    const dir = await dirs.make()
    // process.ppid is alive, but it started at another time than the lock records.
    await writeFile(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: process.ppid, host: hostname(), adapter: 'cli', startedAt: '2026-01-01T00:00:00Z', token: 'old', procStart: 1 })
    )
    const s = await open(dir)
    expect((await lockOf(dir)).pid).toBe(process.pid)
    await s.close()
  })

  it('does not take over a live lock of another process', async () => {
    const dir = await dirs.make()
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: hostname(), adapter: 'browser', startedAt: '2026-01-01T00:00:00Z', token: 'live' }))
    const e = await refusal(open(dir))
    expect(e.code).toBe('locked')
    expect(e.message).toContain(`a Capwatch browser host (capwatch serve) (pid ${process.ppid}`)
    expect((await lockOf(dir)).token).toBe('live')
  })

  it('treats an unreadable lock as held for a while, then as stale', async () => {
    const dir = await dirs.make()
    await writeFile(join(dir, LOCK_FILE), '')
    expect((await refusal(open(dir))).message).toMatch(/in use by another process/)
    const old = new Date(Date.now() - 60_000)
    await utimes(join(dir, LOCK_FILE), old, old)
    const s = await open(dir)
    expect((await lockOf(dir)).pid).toBe(process.pid)
    await s.close()
  })
})
