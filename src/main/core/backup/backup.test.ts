/**
 * Making backups: one archive file with every live file of the workspace, listed newest first,
 * once a day in the background (keeping the last 7), and on demand from the app and the CLI.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { call } from '../dispatch'
import { decodeBackup } from './archive'
import { backupService } from './service'
import { Clock, liveBytes, openCore } from './test-support'
import { tempDirs } from '../store/test-support/fixtures'
import { listLiveFiles } from '../store/layout'
import { SCHEMA_VERSION } from '../store/schema'
import { runCli } from '../../cli/main'

const dirs = tempDirs('capwatch-backup-')
afterEach(() => dirs.cleanup())

const SERIES_META = { ticker: 'BABA', companyId: null, currency: 'USD', benchmark: false, counts: { close: 2 }, first: '2021-04-09', last: '2021-04-12', source: 'test', importedAt: '2026-01-01T00:00:00.000Z' }

describe('backup:create', () => {
  it('captures every live file (meta, shards, series) with sizes and checksums, and nothing else', async () => {
    const dir = await dirs.make()
    const { core, api } = await openCore(dir, new Clock())
    core.store.series.put(SERIES_META, { ticker: 'BABA', close: { days: [18726, 18729], values: [230.4, 239.2] } })
    await core.store.commit()
    await mkdir(join(dir, 'corrupt'), { recursive: true })
    await writeFile(join(dir, 'corrupt', 'old-events__00.json'), 'junk')

    const info = await call(api, 'backup:create', {})
    expect(info.reason).toBe('manual')
    expect(info.createdAt).toBe('2026-03-01T09:00:00.000Z')
    const bytes = await readFile(join(dir, 'backups', info.id))
    expect(info.bytes).toBe(bytes.length)
    const { header, files } = await decodeBackup(bytes, info.id)
    expect(header).toMatchObject({ format: 'capwatch-backup', formatVersion: 1, schemaVersion: SCHEMA_VERSION, reason: 'manual' })
    const live = await liveBytes(dir)
    expect(files.map((f) => f.file).sort()).toEqual(Object.keys(live).sort())
    expect(files.some((f) => f.file.startsWith('series/BABA-'))).toBe(true)
    for (const f of files) expect(f.data.toString('base64'), f.file).toBe(live[f.file])
    // The lock, corrupt/ and backups/ are housekeeping, not workspace.
    const raw = gunzipSync(bytes).toString('utf8')
    expect(raw).not.toContain('capwatch.lock')
    expect(raw).not.toContain('junk')
    await core.close()
  })

  it('lists backups newest first with their size and reason', async () => {
    const dir = await dirs.make()
    const clock = new Clock()
    const { core, api } = await openCore(dir, clock)
    const first = await call(api, 'backup:create', {})
    clock.advance(2)
    const second = await call(api, 'backup:create', {})
    const list = await call(api, 'backup:list', {})
    expect(list.map((b) => b.id)).toEqual([second.id, first.id])
    expect(list[0]).toEqual(second)
    // app:info carries the same list, so the app can offer the latest one.
    const info = await call(api, 'app:info', {})
    expect(info.backups.map((b) => b.id)).toEqual([second.id, first.id])
    await core.close()
  })

  it('never overwrites a backup made in the same millisecond', async () => {
    const dir = await dirs.make()
    const { core, api } = await openCore(dir, new Clock())
    const a = await call(api, 'backup:create', {})
    const b = await call(api, 'backup:create', {})
    expect(a.id).not.toBe(b.id)
    expect(await readdir(join(dir, 'backups'))).toHaveLength(2)
    expect((await call(api, 'backup:list', {})).map((x) => x.id)).toEqual([b.id, a.id])
    await core.close()
  })
})

describe('daily backups', () => {
  it('makes one in the background after open, without holding up the open', async () => {
    const dir = await dirs.make()
    const clock = new Clock()
    await (await openCore(dir, clock)).core.close() // first run: the starter needs no backup
    expect(existsSync(join(dir, 'backups'))).toBe(false)

    const { core } = await openCore(dir, clock, { dailyBackup: true })
    // Open has returned; the backup has not even started.
    expect(existsSync(join(dir, 'backups'))).toBe(false)
    await core.close() // waits for it
    const list = await backupService(core).list()
    expect(list.map((b) => b.reason)).toEqual(['daily'])
  })

  it('in the app, waits until the analyst pauses, so archiving never competes with their work', async () => {
    const dir = await dirs.make()
    const clock = new Clock()
    await (await openCore(dir, clock)).core.close()

    const { core, api } = await openCore(dir, clock, { dailyBackup: true, backupQuietMs: 400 })
    // The analyst keeps the app busy (a call every 100 ms) for a second: no backup yet.
    for (let i = 0; i < 10; i++) {
      await call(api, 'events:query', { limit: 10 })
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(existsSync(join(dir, 'backups'))).toBe(false)
    // They pause: it is made.
    await expect.poll(async () => (await backupService(core).list()).map((b) => b.reason), { timeout: 5000 }).toEqual(['daily'])
    await core.close()
  })

  it('in the app, closing before a pause skips it (the next start makes it) and does not wait', async () => {
    const dir = await dirs.make()
    const clock = new Clock()
    await (await openCore(dir, clock)).core.close()

    const { core } = await openCore(dir, clock, { dailyBackup: true, backupQuietMs: 60_000 })
    const t0 = performance.now()
    await core.close()
    expect(performance.now() - t0).toBeLessThan(5000)
    expect(existsSync(join(dir, 'backups'))).toBe(false)

    await (await openCore(dir, clock, { dailyBackup: true })).core.close()
    expect((await backupService(core).list()).map((b) => b.reason)).toEqual(['daily'])
  })

  it('makes the next one only when the last is a day old, and keeps the 7 newest', async () => {
    const dir = await dirs.make()
    const clock = new Clock()
    await (await openCore(dir, clock)).core.close()
    const { core: m, api } = await openCore(dir, clock)
    const manual = await call(api, 'backup:create', {})
    await m.close()

    const dailies = async () => (await backupService(m).list()).filter((b) => b.reason === 'daily')
    for (let day = 0; day < 10; day++) {
      await (await openCore(dir, clock, { dailyBackup: true })).core.close()
      clock.advance(6) // a second start the same day makes no new one
      await (await openCore(dir, clock, { dailyBackup: true })).core.close()
      expect((await dailies()).length).toBe(Math.min(day + 1, 7))
      clock.advance(18)
    }
    const kept = await dailies()
    expect(kept[0].createdAt).toBe(new Date(clock.now().getTime() - 24 * 3600_000).toISOString())
    // Manual backups are never rotated away.
    expect((await backupService(m).list()).map((b) => b.id)).toContain(manual.id)
  })
  // While damage found at start is unresolved: damage.test.ts.
})

describe('capwatch backup', () => {
  it('writes the backup to --out FILE and prints its path', async () => {
    const dir = await dirs.make()
    await (await openCore(dir, new Clock())).core.close()
    const out = join(await dirs.make(), 'my backup.capwatch-backup.gz')
    const lines: string[] = []
    const code = await runCli(['--data-dir', dir, 'backup', '--out', out], { out: (l) => lines.push(l), err: () => {} })
    expect(code).toBe(0)
    expect(lines.at(-1)).toBe(out)
    const { files } = await decodeBackup(await readFile(out), out)
    expect(files.map((f) => f.file).sort()).toEqual((await listLiveFiles(dir)).sort())
  })

  it('lists the backups in the data directory', async () => {
    const dir = await dirs.make()
    await (await openCore(dir, new Clock())).core.close()
    const io = { out: (_: string) => {}, err: (_: string) => {} }
    expect(await runCli(['--data-dir', dir, 'backup'], io)).toBe(0)
    const lines: string[] = []
    expect(await runCli(['--data-dir', dir, 'backup', 'list'], { ...io, out: (l) => lines.push(l) })).toBe(0)
    // The CLI's own open made the daily backup too (the workspace existed, none was a day old).
    expect(lines).toHaveLength(2)
    expect(lines.some((l) => /manual .*-manual\.capwatch-backup\.gz$/.test(l))).toBe(true)
    expect(lines.some((l) => /daily .*-daily\.capwatch-backup\.gz$/.test(l))).toBe(true)
  })
})
