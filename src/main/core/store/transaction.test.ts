/**
 * Multi-file saves are all or nothing across a crash: a committed manifest (txn.json) is rolled
 * forward at the next open, an uncommitted one is discarded with its temp files.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Store } from './store'
import { MANIFEST, commitFiles } from './transaction'
import { META_FILE, shardFile, shardOf } from './schema'
import { serialize } from './json-document'
import { company, event, note, tempDirs } from './test-support/fixtures'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

const open = (dataDir: string) => Store.open({ dataDir, adapter: 'test', log: () => {} })

/** A saved workspace with one event in it; returns the paths a test will stage over. */
async function workspace() {
  const dir = await dirs.make()
  const s = await open(dir)
  s.companies.put(company('baidu', { name: 'Baidu' }))
  s.events.put(event('ev-old', { title: 'Old title' }))
  await s.commit()
  await s.close()
  const shard = shardFile(shardOf('ev-old'))
  const meta = JSON.parse(await readFile(join(dir, META_FILE), 'utf8'))
  return { dir, shard, meta }
}

/** What a process killed after staging (and maybe after committing) leaves behind. */
async function stage(dir: string, shard: string, meta: object) {
  const [folder, name] = shard.split('/')
  const tmpShard = `${folder}/.${name}.tmp-aaaa`
  const tmpMeta = `.${META_FILE}.tmp-bbbb`
  await writeFile(join(dir, tmpShard), serialize({ events: [event('ev-old', { title: 'New title' })], notes: [note('nt-new', 'ev-old', '新的笔记')] }))
  await writeFile(join(dir, tmpMeta), serialize({ ...meta, companies: [company('baidu', { name: 'Baidu Inc.' })] }))
  return { tmpShard, tmpMeta }
}

describe('transactions across a crash', () => {
  it('rolls a committed transaction forward at the next open', async () => {
    const { dir, shard, meta } = await workspace()
    const { tmpShard, tmpMeta } = await stage(dir, shard, meta)
    await writeFile(join(dir, MANIFEST), JSON.stringify({ renames: [[tmpShard, shard], [tmpMeta, META_FILE]], deletes: [] }))
    const s = await open(dir)
    expect(s.events.get('ev-old')?.title).toBe('New title')
    expect(s.events.getNote('nt-new')?.text).toBe('新的笔记')
    expect(s.companies.get('baidu')?.name).toBe('Baidu Inc.')
    expect(s.problems).toEqual([])
    expect(await readdir(dir)).not.toContain(MANIFEST)
    await s.close()
  })

  it('finishes a roll-forward that was itself interrupted halfway', async () => {
    const { dir, shard, meta } = await workspace()
    const { tmpShard, tmpMeta } = await stage(dir, shard, meta)
    await writeFile(join(dir, MANIFEST), JSON.stringify({ renames: [[tmpShard, shard], [tmpMeta, META_FILE]], deletes: [] }))
    // The shard was already renamed into place before the second crash.
    await rename(join(dir, tmpShard), join(dir, shard))
    const s = await open(dir)
    expect(s.events.get('ev-old')?.title).toBe('New title')
    expect(s.companies.get('baidu')?.name).toBe('Baidu Inc.')
    await s.close()
  })

  it('discards an uncommitted transaction: temp files go, the old state stands', async () => {
    const { dir, shard, meta } = await workspace()
    await stage(dir, shard, meta)
    const s = await open(dir)
    expect(s.events.get('ev-old')?.title).toBe('Old title')
    expect(s.events.getNote('nt-new')).toBeUndefined()
    expect(s.companies.get('baidu')?.name).toBe('Baidu')
    const leftovers = [...(await readdir(dir)), ...(await readdir(join(dir, 'events')))].filter((n) => n.includes('.tmp-'))
    expect(leftovers).toEqual([])
    await s.close()
  })

  it('discards a manifest that never parsed (it is written atomically, so it was never committed)', async () => {
    const { dir, shard, meta } = await workspace()
    await stage(dir, shard, meta)
    await writeFile(join(dir, MANIFEST), '{"renames":[["events/.')
    const s = await open(dir)
    expect(s.events.get('ev-old')?.title).toBe('Old title')
    expect(await readdir(dir)).not.toContain(MANIFEST)
    await s.close()
  })

  it('ignores a manifest that names files outside the data directory', async () => {
    const { dir, shard, meta } = await workspace()
    const outside = await dirs.make()
    await writeFile(join(outside, 'victim.txt'), 'keep me')
    await stage(dir, shard, meta)
    await writeFile(join(dir, MANIFEST), JSON.stringify({ renames: [], deletes: [join(outside, 'victim.txt')] }))
    await (await open(dir)).close()
    expect(await readFile(join(outside, 'victim.txt'), 'utf8')).toBe('keep me')
  })

  it('applies the deletes of a committed transaction', async () => {
    const { dir, shard } = await workspace()
    await commitFiles(dir, [{ file: 'events/00.json', data: serialize({ events: [], notes: [] }) }, { file: 'events/01.json', data: serialize({ events: [], notes: [] }) }], [shard])
    const s = await open(dir)
    expect(s.events.get('ev-old')).toBeUndefined()
    expect(await readdir(join(dir, 'events'))).not.toContain(shard.split('/')[1])
    await s.close()
  })

  it('moves aside a folder that blocks a committed rename, and reports it', async () => {
    const { dir, shard, meta } = await workspace()
    const { tmpShard, tmpMeta } = await stage(dir, shard, meta)
    await writeFile(join(dir, MANIFEST), JSON.stringify({ renames: [[tmpShard, shard], [tmpMeta, META_FILE]], deletes: [] }))
    await rm(join(dir, shard))
    await mkdir(join(dir, shard))
    await writeFile(join(dir, shard, 'inside.txt'), 'a stray file')
    const s = await open(dir)
    expect(s.events.get('ev-old')?.title).toBe('New title')
    expect(s.problems).toHaveLength(1)
    expect(s.problems[0].file).toBe(shard)
    expect(await readFile(join(s.problems[0].movedTo, 'inside.txt'), 'utf8')).toBe('a stray file')
    await s.close()
  })
})
