/**
 * Restoring from something that is not a backup file the size of a workspace: a named pipe (which
 * would block forever), a device like /dev/zero (which never ends), a file too large to be one,
 * and a "gzip bomb" (a small file that unpacks to gigabytes). Each is refused with one clear line,
 * promptly, with the workspace unchanged. The unpacking limit is lowered in these tests so a bomb
 * a few hundred KB small proves the point.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { open, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { backupService } from './service'
import { Clock, liveBytes, openCore } from './test-support'
import { tempDirs } from '../store/test-support/fixtures'
import { runCli } from '../../cli/main'
import { failure } from '../importer/test-kit'

const dirs = tempDirs('capwatch-hostile-')
afterEach(() => dirs.cleanup())

const MB = 1024 * 1024


async function workspace() {
  const dir = await dirs.make()
  const { core } = await openCore(dir, new Clock(), { starter: true })
  const scratch = await dirs.make()
  return { dir, core, scratch, before: await liveBytes(dir) }
}

/** A header line (or none) and `zeros` zero bytes, gzipped: zeros shrink about 1000 to 1. */
function gzipOf(header: object | null, zeros: number): Buffer {
  const head = header ? Buffer.from(`${JSON.stringify(header)}\n`) : Buffer.alloc(0)
  return gzipSync(Buffer.concat([head, Buffer.alloc(zeros)]), { level: 9 })
}

const headerFor = (files: { path: string; bytes: number }[]) => ({
  format: 'capwatch-backup',
  formatVersion: 1,
  schemaVersion: 2,
  createdAt: '2026-03-01T09:00:00.000Z',
  reason: 'manual',
  app: 'test',
  files: files.map((f) => ({ ...f, sha256: createHash('sha256').update(Buffer.alloc(f.bytes)).digest('hex') }))
})

describe('capwatch restore refuses what is not a backup file', () => {
  it('a named pipe: refused at once instead of waiting forever for someone to write to it', async () => {
    const { dir, core, scratch, before } = await workspace()
    await core.close()
    const fifo = join(scratch, 'backup.capwatch-backup.gz')
    execFileSync('mkfifo', [fifo])
    const err: string[] = []
    const code = await runCli(['--data-dir', dir, 'restore', fifo], { out: () => {}, err: (l) => err.push(l) })
    expect(code).toBe(1)
    expect(err.at(-1)).toBe(`capwatch: ${fifo} is a named pipe, not a backup file: Capwatch reads only regular files`)
    expect(await liveBytes(dir)).toEqual(before)
  })

  it.skipIf(!existsSync('/dev/zero'))('a device such as /dev/zero, which never ends', async () => {
    const { dir, core, before } = await workspace()
    const e = await failure(backupService(core).restoreFile('/dev/zero'))
    expect(e.code).toBe('invalid_input')
    expect(e.message).toBe('/dev/zero is a device, not a backup file: Capwatch reads only regular files')
    expect(await liveBytes(dir)).toEqual(before)
    await core.close()
  })

  it('a symbolic link to a named pipe (the check is made on what was opened)', async () => {
    const { core, scratch } = await workspace()
    const fifo = join(scratch, 'pipe')
    execFileSync('mkfifo', [fifo])
    execFileSync('ln', ['-s', fifo, join(scratch, 'link.gz')])
    expect((await failure(backupService(core).restoreFile(join(scratch, 'link.gz')))).message).toMatch(/link\.gz is a named pipe/)
    await core.close()
  })

  it('a file larger than any workspace, refused before it is read', async () => {
    const { core, scratch } = await workspace()
    backupService(core).limits = { maxUnpackedBytes: 1 * MB }
    const big = join(scratch, 'big.capwatch-backup.gz')
    const fh = await open(big, 'w')
    await fh.truncate(3 * MB) // sparse: costs no disk
    await fh.close()
    const e = await failure(backupService(core).restoreFile(big))
    expect(e.message).toBe(`${big} is 3.0 MB; the largest backup file Capwatch reads is 1.0 MB`)
    await core.close()
  })
})

describe('capwatch restore stops unpacking a gzip bomb at the limit', () => {
  const bombs: [string, () => Buffer, RegExp][] = [
    ['zeros with no header at all', () => gzipOf(null, 64 * MB), /it unpacks to more than 1\.0 MB, more than a Capwatch workspace may be/],
    [
      'a header that declares more than a workspace may be',
      () => gzipOf(headerFor([{ path: 'events/000.json', bytes: 64 * MB }]), 64 * MB),
      /its header lists 64 MB of files, more than the 1\.0 MB a Capwatch workspace may be/
    ],
    [
      'a small header followed by far more bytes than it lists',
      () => gzipOf(headerFor([{ path: 'events/000.json', bytes: 100 }]), 64 * MB),
      /it unpacks to more than the \d+ bytes its header lists/
    ]
  ]
  for (const [what, bomb, message] of bombs) {
    it(what, async () => {
      const { dir, core, scratch, before } = await workspace()
      const file = join(scratch, 'bomb.capwatch-backup.gz')
      const bytes = bomb()
      expect(bytes.length).toBeLessThan(MB / 4) // a few hundred KB that unpack to 64 MB
      await writeFile(file, bytes)
      backupService(core).limits = { maxUnpackedBytes: 1 * MB }
      const e = await failure(backupService(core).restoreFile(file))
      expect(e.code).toBe('corrupt')
      expect(e.message).toMatch(message)
      expect(e.message).toMatch(/Nothing was changed\.$/)
      expect(await liveBytes(dir)).toEqual(before)
      expect((await backupService(core).list()).filter((b) => b.reason === 'before-restore')).toEqual([])
      await core.close()
    })
  }

  it('the real limit leaves room for a workspace several times the large bench one (~150 MB)', async () => {
    const { core } = await workspace()
    expect(backupService(core).limits.maxUnpackedBytes).toBeGreaterThanOrEqual(1024 * MB)
    await core.close()
  })
})
