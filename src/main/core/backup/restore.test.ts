/**
 * Restoring a backup: the workspace becomes exactly what the backup holds (files it does not hold
 * are removed), the state before is kept as a safety backup, the running app sees the restored
 * data at once, and a damaged backup is refused with nothing changed.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync, gzipSync } from 'node:zlib'
import { call } from '../dispatch'
import { backupService } from './service'
import { Clock, liveBytes, openCore } from './test-support'
import { tempDirs } from '../store/test-support/fixtures'
import type { ApiError } from '../../../shared/errors'
import { runCli } from '../../cli/main'

const dirs = tempDirs('capwatch-restore-')
afterEach(() => dirs.cleanup())

/** The starter workspace plus one event with a note: the state the backup captures. */
async function backedUpWorkspace() {
  const dir = await dirs.make()
  const clock = new Clock()
  const { core, api } = await openCore(dir, clock, { starter: true })
  const ev = await call(api, 'events:create', { fields: { date: '2021-07-24', title: 'Tutoring rules published', category: 'education', authority: 'State Council' } })
  const kept = await call(api, 'notes:add', { eventId: ev.id, text: 'Profits barred — 不得盈利' })
  clock.advance(1)
  const backup = await call(api, 'backup:create', {})
  clock.advance(1)
  return { dir, clock, core, api, ev, kept, backup }
}

async function refused(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p
  } catch (e) {
    return e as ApiError
  }
  throw new Error('expected the restore to be refused')
}

/** Unpack a backup into its header and body, to forge damaged variants of it. */
function unpack(bytes: Buffer) {
  const raw = gunzipSync(bytes)
  const nl = raw.indexOf(10)
  return { header: JSON.parse(raw.subarray(0, nl).toString('utf8')), body: raw.subarray(nl + 1) }
}
function pack(header: object, body: Buffer): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]))
}

describe('backup:restore', () => {
  it('brings back exactly the backed-up workspace, and keeps the state before as a safety backup', async () => {
    const { dir, core, api, ev, kept, backup } = await backedUpWorkspace()
    const snapshot = await liveBytes(dir)
    // Work done after the backup: all of it is undone by the restore.
    const later = await call(api, 'events:create', { fields: { date: '2021-08-17', title: 'Zzyzx meeting after the backup' } })
    await call(api, 'notes:update', { id: kept.id, text: 'Rewritten after the backup' })
    await call(api, 'companies:create', { fields: { name: 'Zhihu', nameZh: '知乎' } })
    core.store.series.put({ ticker: 'ZH', companyId: null, currency: 'USD', benchmark: false, counts: { close: 1 }, first: '2021-08-02', last: '2021-08-02', source: 'test', importedAt: '2026-01-01T00:00:00.000Z' }, { ticker: 'ZH', close: { days: [18841], values: [7.1] } })
    await core.store.commit()

    const store = core.store
    const metaVersion = store.metaVersion
    let told = 0
    core.onReload(() => told++)
    const result = await call(api, 'backup:restore', { id: backup.id })
    expect(result.restored).toBe(true)
    // Reloaded in place: the same store object, with versions that moved on (caches rebuild).
    expect(core.store).toBe(store)
    expect(store.metaVersion).toBeGreaterThan(metaVersion)
    expect(told).toBe(1)
    expect(result.backup).toEqual(backup)
    expect(result.safetyBackup?.reason).toBe('before-restore')
    // The very handler object made before the restore answers from the restored data.
    expect((await call(api, 'events:get', { id: ev.id })).notes.map((n) => n.text)).toEqual(['Profits barred — 不得盈利'])
    expect((await call(api, 'events:query', { search: 'zzyzx' })).matched).toBe(0)
    expect((await call(api, 'events:query', { search: '不得盈利' })).matched).toBe(1)
    expect((await call(api, 'companies:list', {})).some((c) => c.name === 'Zhihu')).toBe(false)
    await expect(call(api, 'events:get', { id: later.id })).rejects.toMatchObject({ code: 'not_found' })
    // On disk: the same files with the same bytes; the later series file is gone.
    expect(await liveBytes(dir)).toEqual(snapshot)
    expect(await readdir(join(dir, 'series'))).toEqual([])
    // Edits after a restore are saved as usual.
    await call(api, 'notes:add', { eventId: ev.id, text: 'after the restore' })
    await core.close()

    // The safety backup holds the work that the restore replaced.
    const { core: again, api: api2 } = await openCore(dir, new Clock())
    expect((await call(api2, 'events:get', { id: ev.id })).notes).toHaveLength(2)
    await call(api2, 'backup:restore', { id: result.safetyBackup!.id })
    expect((await call(api2, 'events:get', { id: later.id })).event.title).toBe('Zzyzx meeting after the backup')
    expect((await call(api2, 'events:get', { id: ev.id })).notes.map((n) => n.text)).toEqual(['Rewritten after the backup'])
    expect((await again.store.series.load('ZH'))?.close?.values).toEqual([7.1])
    await again.close()
  })

  it('refuses a backup that is not in backups/ by name', async () => {
    const { core, api } = await backedUpWorkspace()
    expect((await refused(call(api, 'backup:restore', { id: '../capwatch.json' }))).code).toBe('not_found')
    expect((await refused(call(api, 'backup:restore', { id: '2020-01-01T00-00-00-000Z-manual.capwatch-backup.gz' }))).code).toBe('not_found')
    await core.close()
  })

  describe('refuses a damaged backup, and changes nothing', () => {
    const forgeries: [string, (b: Buffer) => Buffer, RegExp][] = [
      ['truncated', (b) => b.subarray(0, Math.floor(b.length * 0.6)), /does not unpack .*damaged or truncated/],
      ['one byte flipped', (b) => Buffer.from(b.map((x, i) => (i === Math.floor(b.length / 2) ? x ^ 0xff : x))), /damaged or truncated|does not match its checksum|does not unpack/],
      ['not a backup at all', () => Buffer.from('hello'), /does not unpack/],
      [
        'a file changed after its checksum was taken',
        (b) => {
          const { header, body } = unpack(b)
          const i = body.indexOf('Profits barred')
          return pack(header, Buffer.concat([body.subarray(0, i), Buffer.from('Profits BARRED'), body.subarray(i + 14)]))
        },
        /events\/[0-9a-f]{3}\.json does not match its checksum/
      ],
      [
        'made by a newer Capwatch',
        (b) => {
          const { header, body } = unpack(b)
          return pack({ ...header, schemaVersion: 99 }, body)
        },
        /made by a newer Capwatch \(schema 99/
      ],
      [
        'a file outside the workspace',
        (b) => {
          const { header, body } = unpack(b)
          const data = Buffer.from('{}')
          const files = [...header.files, { path: '../outside.json', bytes: 2, sha256: createHash('sha256').update(data).digest('hex') }]
          return pack({ ...header, files }, Buffer.concat([body, data]))
        },
        /lists "..\/outside.json", which is not a Capwatch data file/
      ],
      [
        'a shard that is not a shard (with a matching checksum)',
        (b) => {
          const { header, body } = unpack(b)
          const data = Buffer.from(JSON.stringify({ events: [{ id: 7 }], notes: [] }))
          const files = [...header.files.filter((f: { path: string }) => f.path !== 'events/3ff.json'), { path: 'events/3ff.json', bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') }]
          const keep = header.files.filter((f: { path: string }) => f.path !== 'events/3ff.json')
          let at = 0
          const parts: Buffer[] = []
          for (const f of header.files) {
            if (f.path !== 'events/3ff.json') parts.push(body.subarray(at, at + f.bytes))
            at += f.bytes
          }
          expect(keep.length + 1).toBe(files.length)
          return pack({ ...header, files }, Buffer.concat([...parts, data]))
        },
        /events\/3ff\.json: field events\.0\.id/
      ]
    ]
    for (const [what, forge, message] of forgeries) {
      it(what, async () => {
        const { dir, core, api, backup } = await backedUpWorkspace()
        const path = join(dir, 'backups', backup.id)
        await writeFile(path, forge(await readFile(path)))
        const before = await liveBytes(dir)
        const listed = await call(api, 'backup:list', {})
        const e = await refused(call(api, 'backup:restore', { id: backup.id }))
        expect(e.code).toBe('corrupt')
        expect(e.message).toContain(path)
        expect(e.message).toMatch(message)
        expect(e.message).toMatch(/Nothing was changed/)
        expect(await liveBytes(dir)).toEqual(before)
        // Not even a safety backup was made: the refusal came before anything else.
        expect(await call(api, 'backup:list', {})).toEqual(listed)
        await core.close()
      })
    }
  })

  it('offers and restores the latest good backup after capwatch.json was damaged', async () => {
    const { dir, core, clock, backup } = await backedUpWorkspace()
    await core.close()
    const good = await readFile(join(dir, 'capwatch.json'))
    await writeFile(join(dir, 'capwatch.json'), good.subarray(0, 100))

    const { core: damaged, api } = await openCore(dir, clock)
    const info = await call(api, 'app:info', {})
    expect(info.problems).toHaveLength(1)
    expect(info.problems[0].file).toBe('capwatch.json')
    expect(info.backups[0].id).toBe(backup.id)
    expect((await call(api, 'companies:list', {})).length).toBe(0)

    await call(api, 'backup:restore', { id: info.backups[0].id })
    const after = await call(api, 'app:info', {})
    expect(after.problems).toEqual([])
    expect((await call(api, 'companies:list', {})).some((c) => c.nameZh === '阿里巴巴集团' || c.name.startsWith('Alibaba'))).toBe(true)
    expect(await readFile(join(dir, 'capwatch.json'))).toEqual(good)
    // The damaged file is still kept in corrupt/.
    expect((await readFile(info.problems[0].movedTo)).length).toBe(100)
    await damaged.close()
    const { core: next } = await openCore(dir, clock)
    expect(next.store.problems).toEqual([])
    await next.close()
  })

  it('restores a backup of a version 1 workspace and migrates it', async () => {
    const dir = await dirs.make()
    const { core, api } = await openCore(dir, new Clock(), { starter: true })
    const v1 = await readFile(fileURLToPath(new URL('../store/fixtures/v1/capwatch.json', import.meta.url)))
    const header = { format: 'capwatch-backup', formatVersion: 1, schemaVersion: 1, createdAt: '2021-09-03T00:00:00.000Z', reason: 'manual', app: '0.0.1', files: [{ path: 'capwatch.json', bytes: v1.length, sha256: createHash('sha256').update(v1).digest('hex') }] }
    const file = join(await dirs.make(), 'old.capwatch-backup.gz')
    await writeFile(file, pack(header, v1))
    const result = await backupService(core).restoreFile(file)
    expect(result.backup).toMatchObject({ id: 'old.capwatch-backup.gz', createdAt: '2021-09-03T00:00:00.000Z', reason: 'manual' })
    expect(core.store.schemaVersion).toBe(2)
    expect((await call(api, 'events:query', {})).total).toBe(4)
    expect((await call(api, 'events:get', { id: 'ev-v1-ant-ipo' })).notes).toHaveLength(2)
    await core.close()
  })
})

describe('capwatch restore', () => {
  it('restores from a file and says what it restored', async () => {
    const { dir, core, api, ev, backup } = await backedUpWorkspace()
    await call(api, 'events:delete', { ids: [ev.id] })
    await core.close()
    const copy = join(await dirs.make(), 'copy.capwatch-backup.gz')
    await copyFile(join(dir, 'backups', backup.id), copy)
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(['--data-dir', dir, 'restore', copy], { out: (l) => out.push(l), err: (l) => err.push(l) })
    expect(code).toBe(0)
    expect(out.at(-1)).toMatch(/^Restored copy\.capwatch-backup\.gz \(made .+\): \d+ events, \d+ notes, \d+ companies$/)
    expect(err.join('\n')).toMatch(/the previous state is kept as .*-before-restore\.capwatch-backup\.gz/)
    const { core: again, api: api2 } = await openCore(dir, new Clock())
    expect((await call(api2, 'events:get', { id: ev.id })).event.title).toBe('Tutoring rules published')
    await again.close()
  })

  it('refuses a damaged file with one clear line and exit code 1', async () => {
    const { dir, core, backup } = await backedUpWorkspace()
    await core.close()
    const path = join(dir, 'backups', backup.id)
    await writeFile(path, (await readFile(path)).subarray(0, 200))
    const before = await liveBytes(dir)
    const err: string[] = []
    const code = await runCli(['--data-dir', dir, 'restore', path], { out: () => {}, err: (l) => err.push(l) })
    expect(code).toBe(1)
    expect(err.filter((l) => l.startsWith('capwatch:'))).toEqual([expect.stringMatching(/^capwatch: .* is not a usable Capwatch backup: .*Nothing was changed\.$/)])
    expect(await liveBytes(dir)).toEqual(before)
  })
})
