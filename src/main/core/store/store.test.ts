/**
 * The store as an analyst relies on it: what was saved is what comes back, a crash mid-save never
 * leaves a half-written file, a burst of edits is saved together, and a disk that refuses a write
 * is reported without memory drifting away from the disk.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { chmod, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Store } from './store'
import { META_FILE, SCHEMA_VERSION, shardFile, shardOf } from './schema'
import { company, event, isRoot, note, tempDirs } from './test-support/fixtures'
import { ApiError } from '../../../shared/errors'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

const open = (dataDir: string) => Store.open({ dataDir, adapter: 'test', log: () => {} })

/** An event id whose shard file does not exist yet (so a test can put something in its way). */
function idInFreshShard(taken: Set<number>, prefix = 'ev-fresh'): string {
  for (let i = 0; ; i++) if (!taken.has(shardOf(`${prefix}${i}`))) return `${prefix}${i}`
}

async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p
  } catch (e) {
    return e as ApiError
  }
  throw new Error('expected the promise to reject')
}

describe('store: save and reload', () => {
  it('returns exactly what was saved after a restart, Chinese text included', async () => {
    const dir = await dirs.make()
    const s = await open(dir)
    const ant = company('ant-group', { name: 'Ant Group', nameZh: '蚂蚁集团' })
    const ipo = event('ev-ipo', { title: 'Ant Group IPO suspended', summary: '上海证券交易所暂缓蚂蚁集团上市', companies: ['ant-group'], tags: ['IPO'] })
    const probe = event('ev-probe', { title: 'SAMR opens Alibaba probe', date: '2020-12-24' })
    s.companies.put(ant)
    s.events.put(ipo)
    s.events.put(probe)
    s.events.putNote(note('nt-1', 'ev-ipo', '**$37 billion** listing halted — 暂缓上市'))
    s.events.putNote(note('nt-2', 'ev-ipo', 'Second thought\nwith a newline'))
    s.settings.set({ ...s.settings.get(), reportingCurrency: 'HKD', fxRates: { USD: 7.8 } })
    await s.commit()
    await s.close()

    const again = await open(dir)
    expect(again.companies.list()).toEqual([ant])
    expect(again.events.get('ev-ipo')).toEqual(ipo)
    expect(again.events.get('ev-probe')).toEqual(probe)
    expect(again.events.notesOf('ev-ipo')).toEqual([note('nt-1', 'ev-ipo', '**$37 billion** listing halted — 暂缓上市'), note('nt-2', 'ev-ipo', 'Second thought\nwith a newline')])
    expect(again.settings.get().reportingCurrency).toBe('HKD')
    expect(again.settings.get().fxRates).toEqual({ USD: 7.8 })
    expect(again.problems).toEqual([])
    await again.close()
  })

  it('forgets a deleted event and its notes on disk too', async () => {
    const dir = await dirs.make()
    const s = await open(dir)
    s.events.put(event('ev-a'))
    s.events.putNote(note('nt-a', 'ev-a', 'gone soon'))
    await s.commit()
    s.events.remove('ev-a')
    await s.commit()
    await s.close()
    const again = await open(dir)
    expect(again.events.get('ev-a')).toBeUndefined()
    expect(again.events.getNote('nt-a')).toBeUndefined()
    await again.close()
  })

  it('keeps an event found in the wrong shard file (moved there by hand, or by a restore of old files), moving it to its own', async () => {
    const dir = await dirs.make()
    const s = await open(dir)
    s.events.put(event('ev-moved'))
    s.events.putNote(note('n-moved', 'ev-moved', 'kept'))
    await s.commit()
    await s.close()
    const own = shardOf('ev-moved')
    const other = (own + 1) % 1024
    await writeFile(join(dir, shardFile(other)), await readFile(join(dir, shardFile(own))))
    await rm(join(dir, shardFile(own)))

    // Two opens: the first moves it, the second reads where it was moved.
    for (const start of ['first', 'second']) {
      const again = await open(dir)
      expect(again.events.get('ev-moved'), `${start} open`).toBeDefined()
      expect(again.events.notesOf('ev-moved').map((n) => n.text), `${start} open`).toEqual(['kept'])
      await again.close()
    }
    expect(JSON.parse(await readFile(join(dir, shardFile(own)), 'utf8')).events.map((e: { id: string }) => e.id)).toEqual(['ev-moved'])
  })

  it('writes the schema version into capwatch.json', async () => {
    const dir = await dirs.make()
    await (await open(dir)).close()
    const meta = JSON.parse(await readFile(join(dir, META_FILE), 'utf8'))
    expect(meta).toMatchObject({ format: 'capwatch', schemaVersion: SCHEMA_VERSION })
  })

  it('refuses a data directory written by a newer Capwatch, and leaves it untouched', async () => {
    const dir = await dirs.make()
    await (await open(dir)).close()
    const meta = JSON.parse(await readFile(join(dir, META_FILE), 'utf8'))
    const newer = JSON.stringify({ ...meta, schemaVersion: SCHEMA_VERSION + 1 })
    await writeFile(join(dir, META_FILE), newer)
    const e = await caught(open(dir))
    expect(e.message).toMatch(new RegExp(`newer Capwatch \\(schema ${SCHEMA_VERSION + 1}; this one reads up to ${SCHEMA_VERSION}\\)`))
    expect(await readFile(join(dir, META_FILE), 'utf8')).toBe(newer)
    expect(await readdir(dir)).not.toContain('corrupt')
    // The refused open let go of the lock: a newer Capwatch could open the folder now.
    expect(await readdir(dir)).not.toContain('capwatch.lock')
  })
})

describe('store: a crash in the middle of a save', () => {
  it('keeps the old file when the crash came between the temp write and the rename', async () => {
    const dir = await dirs.make()
    const s = await open(dir)
    s.events.put(event('ev-a', { title: 'Saved title' }))
    await s.commit()
    await s.close()
    const shard = shardFile(shardOf('ev-a'))
    const before = await readFile(join(dir, shard), 'utf8')
    // What a killed process leaves: a complete and a half-written temp file beside the shard,
    // and the temp file of a manifest that never got renamed into place.
    const [folder, name] = shard.split('/')
    await writeFile(join(dir, folder, `.${name}.tmp-0001`), before.replace('Saved title', 'Unsaved title'))
    await writeFile(join(dir, folder, `.${name}.tmp-0002`), before.slice(0, 20))
    await writeFile(join(dir, '.txn.json.tmp-0003'), '{"renames":[["events/.x.tmp-1"')

    const again = await open(dir)
    expect(again.events.get('ev-a')?.title).toBe('Saved title')
    expect(again.problems).toEqual([])
    expect(await readFile(join(dir, shard), 'utf8')).toBe(before)
    expect((await readdir(join(dir, folder))).filter((n) => n.startsWith('.'))).toEqual([])
    expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([])
    await again.close()
  })
})

describe('store: group commit', () => {
  it('saves a burst of concurrent edits durably, in one write per batch', async () => {
    const dir = await dirs.make()
    const s = await open(dir)
    for (let i = 0; i < 50; i++) s.events.put(event(`ev-${i}`))
    await s.commit()
    const before = s.batchesWritten
    // 200 edits arrive at once, as from a busy renderer: each awaits its own durable save.
    const edits = Array.from({ length: 200 }, (_, i) => {
      s.events.putNote(note(`nt-${i}`, `ev-${i % 50}`, `note ${i} 笔记`))
      return s.commit()
    })
    await Promise.all(edits)
    expect(s.batchesWritten - before).toBe(1)
    await s.close()
    const again = await open(dir)
    expect(again.events.noteCount).toBe(200)
    for (let i = 0; i < 200; i++) expect(again.events.getNote(`nt-${i}`)?.text).toBe(`note ${i} 笔记`)
    await again.close()
  })

  it('puts edits made while a batch is on its way to disk into the next batch', async () => {
    const dir = await dirs.make()
    const s = await open(dir)
    s.events.put(event('ev-1'))
    const first = s.commit()
    await Promise.resolve() // the first batch has started writing
    await Promise.resolve()
    s.events.put(event('ev-2'))
    const second = s.commit()
    await Promise.all([first, second])
    await s.close()
    const again = await open(dir)
    expect(again.events.get('ev-1')).toBeDefined()
    expect(again.events.get('ev-2')).toBeDefined()
    await again.close()
  })
})

describe('store: the disk refuses a write', () => {
  it("rejects with 'io' and drops the edit from memory when a shard's path is taken by a folder", async () => {
    const dir = await dirs.make()
    const s = await open(dir)
    s.events.put(event('ev-kept', { title: 'Kept' }))
    await s.commit()
    const id = idInFreshShard(new Set([shardOf('ev-kept')]))
    await mkdir(join(dir, shardFile(shardOf(id))))
    s.events.put(event(id, { title: 'Blocked' }))
    const e = await caught(s.commit())
    expect(e).toBeInstanceOf(ApiError)
    expect(e.code).toBe('io')
    expect(e.message).toMatch(/Could not save/)
    // Memory matches the disk again: the refused event is gone, the saved one is still there.
    expect(s.events.get(id)).toBeUndefined()
    expect(s.events.get('ev-kept')?.title).toBe('Kept')
    // Once the obstacle is gone, saving works again.
    await rm(join(dir, shardFile(shardOf(id))), { recursive: true })
    s.events.put(event(id, { title: 'Unblocked' }))
    await s.commit()
    await s.close()
    const again = await open(dir)
    expect(again.events.get(id)?.title).toBe('Unblocked')
    await again.close()
  })

  it('leaves every file of a refused multi-file save as it was (company and event together)', async () => {
    const dir = await dirs.make()
    const s = await open(dir)
    s.companies.put(company('tencent', { name: 'Tencent' }))
    await s.commit()
    const metaBefore = await readFile(join(dir, META_FILE), 'utf8')
    const id = idInFreshShard(new Set())
    await mkdir(join(dir, shardFile(shardOf(id))), { recursive: true })
    s.companies.put(company('tencent', { name: 'Tencent Holdings' }))
    s.events.put(event(id, { companies: ['tencent'] }))
    expect((await caught(s.commit())).code).toBe('io')
    expect(await readFile(join(dir, META_FILE), 'utf8')).toBe(metaBefore)
    expect(s.companies.get('tencent')?.name).toBe('Tencent')
    expect(s.events.get(id)).toBeUndefined()
    expect(await readdir(dir)).not.toContain('txn.json')
    await s.close()
  })

  it('fails the edits queued behind a refused batch too, rather than acknowledging a dropped edit', async () => {
    const dir = await dirs.make()
    const s = await open(dir)
    const id = idInFreshShard(new Set())
    await mkdir(join(dir, shardFile(shardOf(id))), { recursive: true })
    s.events.put(event(id))
    const first = caught(s.commit())
    await Promise.resolve()
    await Promise.resolve()
    // Same shard, queued while the first batch is failing: its edit is dropped with it.
    s.events.putNote(note('nt-q', id, 'queued'))
    const second = caught(s.commit())
    expect((await first).code).toBe('io')
    expect((await second).code).toBe('io')
    expect(s.events.getNote('nt-q')).toBeUndefined()
    await s.close()
  })

  it.skipIf(isRoot)("rejects with 'io' when the events folder is read-only, and keeps memory as on disk", async () => {
    const dir = await dirs.make()
    const s = await open(dir)
    s.events.put(event('ev-a', { title: 'Before' }))
    await s.commit()
    await chmod(join(dir, 'events'), 0o500)
    try {
      s.events.put(event('ev-a', { title: 'After' }))
      expect((await caught(s.commit())).code).toBe('io')
      expect(s.events.get('ev-a')?.title).toBe('Before')
    } finally {
      await chmod(join(dir, 'events'), 0o700)
    }
    await s.close()
  })

  it('refuses edits after close', async () => {
    const dir = await dirs.make()
    const s = await open(dir)
    await s.close()
    expect(() => s.events.put(event('ev-late'))).toThrow(/closed/)
    expect(s.events.get('ev-late')).toBeUndefined()
  })
})
