/**
 * What a backup holds: an analyst deciding whether to restore sees how many events, notes,
 * companies and price series the backup has, counted from the very files it captured, kept in the
 * archive itself (a copy elsewhere still says it), and never invented for an older backup.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { WorkspaceCounts } from '../../../shared/api'
import { call } from '../dispatch'
import { decodeBackup } from './archive'
import { readHolds } from './archive-head'
import { backupService } from './service'
import { Clock, openCore } from './test-support'
import { event, tempDirs } from '../store/test-support/fixtures'
import { runCli } from '../../cli/main'

const dirs = tempDirs('capwatch-holds-')
afterEach(() => dirs.cleanup())

const seriesMeta = (ticker: string) => ({ ticker, companyId: null, currency: 'USD', benchmark: false, counts: { close: 1 }, first: '2021-04-09', last: '2021-04-09', source: 'test', importedAt: '2026-01-01T00:00:00.000Z' })

/** An empty workspace filled by hand: 3 companies, 5 events (2020-01-03 to 2021-07-24), 4 notes, 2 price series. */
async function knownWorkspace() {
  const dir = await dirs.make()
  const clock = new Clock()
  const { core, api } = await openCore(dir, clock, { starter: false })
  for (const name of ['Alibaba', 'Tencent', 'Meituan']) await call(api, 'companies:create', { fields: { name } })
  const dates = ['2021-07-24', '2020-01-03', '2021-04-10', '2020-11-03', '2021-06-30']
  const events = []
  for (const [i, date] of dates.entries()) events.push(await call(api, 'events:create', { fields: { date, title: `Event ${i}` } }))
  for (const text of ['one', 'two', 'three']) await call(api, 'notes:add', { eventId: events[0].id, text })
  await call(api, 'notes:add', { eventId: events[3].id, text: 'four' })
  for (const t of ['BABA', 'TCEHY']) core.store.series.put(seriesMeta(t), { ticker: t, close: { days: [18726], values: [230.4] } })
  await core.store.commit()
  return { dir, clock, core, api, events }
}

const KNOWN: WorkspaceCounts = { events: 5, notes: 4, companies: 3, priceSeries: 2, firstEvent: '2020-01-03', lastEvent: '2021-07-24' }

/** Counted again from the archive's files themselves, not from the header's claim. */
async function countFiles(path: string): Promise<WorkspaceCounts> {
  const { files } = await decodeBackup(await readFile(path), path)
  const counts: WorkspaceCounts = { events: 0, notes: 0, companies: 0, priceSeries: 0 }
  const dates: string[] = []
  for (const f of files) {
    const doc = JSON.parse(f.data.toString('utf8'))
    if (f.file === 'capwatch.json') {
      counts.companies = doc.companies.length
      counts.priceSeries = doc.series.length
    } else if (f.file.startsWith('events/')) {
      counts.events += doc.events.length
      counts.notes += doc.notes.length
      dates.push(...doc.events.map((e: { date: string }) => e.date))
    }
  }
  dates.sort()
  return dates.length ? { ...counts, firstEvent: dates[0], lastEvent: dates.at(-1) } : counts
}

describe('what a backup holds', () => {
  it('a backup of a known workspace says exactly what it holds, and the list reads it back from the archive', async () => {
    const { dir, core, api } = await knownWorkspace()
    const made = await call(api, 'backup:create', {})
    expect(made.holds).toEqual(KNOWN)
    expect(await countFiles(join(dir, 'backups', made.id))).toEqual(KNOWN)
    expect((await call(api, 'backup:list', {}))[0]).toEqual(made)
    // Beside it, what the workspace holds now: the same, as nothing changed since.
    expect((await call(api, 'app:info', {})).holds).toEqual(KNOWN)
    await core.close()
  })

  it('an edit saved after the snapshot, while the archive is still being written, is neither in the backup nor in its counts', async () => {
    const { dir, core, api, events } = await knownWorkspace()
    const store = core.store
    const snapshot = store.snapshot.bind(store)
    // The analyst keeps working once the snapshot is taken: an event and a note are saved before
    // the archive is written.
    store.snapshot = async (target) => {
      const taken = await snapshot(target)
      await call(api, 'events:create', { fields: { date: '2022-01-01', title: 'Added during the backup' } })
      await call(api, 'notes:add', { eventId: events[1].id, text: 'Written during the backup' })
      return taken
    }
    const made = await call(api, 'backup:create', {})
    store.snapshot = snapshot
    expect(made.holds).toEqual(KNOWN)
    expect(await countFiles(join(dir, 'backups', made.id))).toEqual(KNOWN)

    // Later edits change the workspace, not what the backup says.
    await call(api, 'companies:create', { fields: { name: 'Pinduoduo' } })
    const [listed] = await call(api, 'backup:list', {})
    expect(listed.holds).toEqual(KNOWN)
    expect((await call(api, 'app:info', {})).holds).toEqual({ ...KNOWN, events: 6, notes: 5, companies: 4, lastEvent: '2022-01-01' })
    await core.close()
  })

  it('an edit in memory but not yet saved when the snapshot is taken is not counted, as it is not in the files', async () => {
    const { dir, core, api } = await knownWorkspace()
    // Made, not yet committed: what a batch of edits waiting for the write queue looks like.
    core.store.events.put(event('unsaved-1', { date: '2019-05-05' }))
    const made = await call(api, 'backup:create', {})
    expect(made.holds).toEqual(KNOWN)
    expect(await countFiles(join(dir, 'backups', made.id))).toEqual(KNOWN)
    await core.store.commit()
    expect((await call(api, 'app:info', {})).holds).toEqual({ ...KNOWN, events: 6, firstEvent: '2019-05-05' })
    await core.close()
  })

  it('a backup copied elsewhere still says what it holds, and restoring it says so too', async () => {
    const { dir, core, api, events } = await knownWorkspace()
    const made = await call(api, 'backup:create', {})
    const copy = join(await dirs.make(), 'on a usb stick.capwatch-backup.gz')
    await copyFile(join(dir, 'backups', made.id), copy)
    expect(await readHolds(copy)).toEqual(KNOWN)
    await call(api, 'events:delete', { ids: [events[1].id] }) // the earliest, 2020-01-03
    const restored = await backupService(core).restoreFile(copy)
    expect(restored.backup.holds).toEqual(KNOWN)
    // The state before the restore is kept, with what it held.
    expect(restored.safetyBackup?.holds).toEqual({ ...KNOWN, events: 4, firstEvent: '2020-11-03' })
    expect((await call(api, 'app:info', {})).holds).toEqual(KNOWN)
    await core.close()
  })
})

/** The same backup as an older Capwatch wrote it: the same header, without the counts. */
async function asOldFormat(path: string, to: string): Promise<void> {
  const raw = gunzipSync(await readFile(path))
  const nl = raw.indexOf(10)
  const { holds: _holds, ...header } = JSON.parse(raw.subarray(0, nl).toString('utf8')) as Record<string, unknown>
  await writeFile(to, gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), raw.subarray(nl + 1)])))
}

describe('a backup made before Capwatch recorded what it holds', () => {
  async function oldBackup() {
    const ws = await knownWorkspace()
    const made = await call(ws.api, 'backup:create', {})
    const path = join(ws.dir, 'backups', made.id)
    await asOldFormat(path, path)
    return { ...ws, made }
  }

  it('still lists, with no counts rather than invented ones, and restores', async () => {
    const { core, api, made, events } = await oldBackup()
    const [listed] = await call(api, 'backup:list', {})
    expect(listed.id).toBe(made.id)
    expect(listed).not.toHaveProperty('holds')
    await call(api, 'events:delete', { ids: [events[0].id] })

    const result = await call(api, 'backup:restore', { id: made.id })
    expect(result.backup).not.toHaveProperty('holds')
    expect((await call(api, 'events:query', {})).total).toBe(5)
    expect((await call(api, 'events:get', { id: events[0].id })).notes).toHaveLength(3)
    await core.close()
  })

  it('is listed by the CLI as not recorded, beside the counts of a newer one', async () => {
    const { dir, core, clock, api } = await oldBackup()
    clock.advance(1)
    await call(api, 'backup:create', {})
    await core.close()
    const lines: string[] = []
    expect(await runCli(['--data-dir', dir, 'backup', 'list'], { out: (l) => lines.push(l), err: () => {} })).toBe(0)
    const manual = lines.filter((l) => l.includes('-manual.capwatch-backup.gz'))
    expect(manual).toHaveLength(2)
    expect(manual[0]).toMatch(/ 5 events, 4 notes, 3 companies, 2 price series {2,}\S+-manual\.capwatch-backup\.gz$/)
    expect(manual[1]).toMatch(/ contents not recorded {2,}\S+-manual\.capwatch-backup\.gz$/)
  })
})
