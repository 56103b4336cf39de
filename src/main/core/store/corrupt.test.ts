/**
 * A damaged file at start: the store still opens, says which file was bad and where it went,
 * keeps the bad bytes in corrupt/, loses nothing else, and never seeds the starter over it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Store } from './store'
import { META_FILE, shardFile, shardOf } from './schema'
import { company, event, note, tempDirs } from './test-support/fixtures'
import { loadStarter } from '../starter'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

const open = (dataDir: string) => Store.open({ dataDir, adapter: 'test', log: () => {}, seed: () => loadStarter(new Date()) })

/** Two events in different shards, notes, a company and an imported series. */
async function workspace() {
  const dir = await dirs.make()
  const s = await Store.open({ dataDir: dir, adapter: 'test', log: () => {} })
  s.companies.put(company('meituan', { name: 'Meituan', nameZh: '美团' }))
  s.events.put(event('ev-a', { title: 'Meituan probe', companies: ['meituan'] }))
  s.events.put(event('ev-b', { title: 'Meituan fine' }))
  s.events.putNote(note('nt-a', 'ev-a', '美团 probe opened'))
  s.events.putNote(note('nt-b', 'ev-b', '3.44 billion yuan'))
  const series = s.series.put(
    { ticker: '3690.HK', companyId: 'meituan', currency: 'HKD', benchmark: false, counts: { close: 2 }, first: '2021-04-26', last: '2021-04-27', source: 'test', importedAt: '2026-01-01T00:00:00.000Z' },
    { ticker: '3690.HK', close: { days: [18743, 18744], values: [275.2, 268.4] } }
  )
  await s.commit()
  await s.close()
  expect(shardOf('ev-a')).not.toBe(shardOf('ev-b'))
  return { dir, seriesFile: series.file }
}

async function corruptFiles(dir: string): Promise<string[]> {
  return readdir(join(dir, 'corrupt')).catch(() => [])
}

describe('a damaged file at start', () => {
  it('sets a truncated capwatch.json aside, keeps every event and the series files, and says so', async () => {
    const { dir, seriesFile } = await workspace()
    const text = await readFile(join(dir, META_FILE), 'utf8')
    const truncated = text.slice(0, Math.floor(text.length / 2))
    await writeFile(join(dir, META_FILE), truncated)

    const s = await open(dir)
    expect(s.problems).toHaveLength(1)
    const [p] = s.problems
    expect(p.file).toBe(META_FILE)
    expect(p.message).toMatch(/^capwatch\.json: not valid JSON/)
    expect(p.message).toContain(p.movedTo)
    expect(p.movedTo).toContain(join(dir, 'corrupt'))
    expect(await readFile(p.movedTo, 'utf8')).toBe(truncated)
    // Nothing else is lost and nothing is seeded over the damage.
    expect(s.events.get('ev-a')?.title).toBe('Meituan probe')
    expect(s.events.getNote('nt-b')?.text).toBe('3.44 billion yuan')
    expect(s.events.count).toBe(2)
    expect(s.companies.list()).toEqual([])
    await s.close()
    expect(await readFile(join(dir, seriesFile), 'utf8')).toContain('3690.HK')

    // The next start still reports it (until a backup is restored) and still keeps the series.
    const again = await open(dir)
    expect(again.problems).toHaveLength(1)
    expect(again.problems[0].movedTo).toBe(p.movedTo)
    expect(again.problems[0].message).toMatch(/damaged at an earlier start/)
    expect(again.events.count).toBe(2)
    await again.close()
    expect(await corruptFiles(dir)).toHaveLength(1)
    expect(await readFile(join(dir, seriesFile), 'utf8')).toContain('3690.HK')
  })

  it('sets an empty capwatch.json aside and names the problem', async () => {
    const { dir } = await workspace()
    await writeFile(join(dir, META_FILE), '')
    const s = await open(dir)
    expect(s.problems.map((p) => p.file)).toEqual([META_FILE])
    expect(s.problems[0].message).toMatch(/the file is empty/)
    expect(await readFile(s.problems[0].movedTo, 'utf8')).toBe('')
    expect(s.events.count).toBe(2)
    await s.close()
  })

  it('sets a garbage shard aside with the line and column, and keeps the other shards and the meta', async () => {
    const { dir } = await workspace()
    const bad = shardFile(shardOf('ev-a'))
    const garbage = Buffer.from([0x7b, 0x0a, 0x22, 0x65, 0xff, 0x00, 0x13, 0x37, 0x0a, 0x7d])
    await writeFile(join(dir, bad), garbage)
    const s = await open(dir)
    expect(s.problems).toHaveLength(1)
    expect(s.problems[0].file).toBe(bad)
    expect(s.problems[0].message).toMatch(new RegExp(`^${bad}: not valid JSON \\(line \\d+, column \\d+`))
    expect(await readFile(s.problems[0].movedTo)).toEqual(garbage)
    expect(s.events.get('ev-a')).toBeUndefined()
    expect(s.events.get('ev-b')?.title).toBe('Meituan fine')
    expect(s.companies.get('meituan')?.nameZh).toBe('美团')
    // A later save into the same shard writes a new file; the set-aside one stays as it was.
    s.events.put(event('ev-a', { title: 'Re-entered' }))
    await s.commit()
    await s.close()
    expect(await readFile(s.problems[0].movedTo)).toEqual(garbage)
  })

  it('sets aside a shard that is JSON but not a shard, naming the field', async () => {
    const { dir } = await workspace()
    const bad = shardFile(shardOf('ev-b'))
    await writeFile(join(dir, bad), JSON.stringify({ events: [{ id: 42, title: 'wrong' }], notes: [] }))
    const s = await open(dir)
    expect(s.problems).toHaveLength(1)
    expect(s.problems[0].file).toBe(bad)
    expect(s.problems[0].message).toMatch(/field events\.0\.id/)
    expect(s.events.get('ev-a')?.title).toBe('Meituan probe')
    await s.close()
  })

  it('reports every damaged file, not just the first', async () => {
    const { dir } = await workspace()
    await writeFile(join(dir, META_FILE), '{"format":"capwatch"')
    await writeFile(join(dir, shardFile(shardOf('ev-a'))), '')
    const s = await open(dir)
    expect(s.problems.map((p) => p.file).sort()).toEqual([META_FILE, shardFile(shardOf('ev-a'))].sort())
    expect(await corruptFiles(dir)).toHaveLength(2)
    await s.close()
  })

  it('never seeds the starter over a workspace whose only file was damaged', async () => {
    const dir = await dirs.make()
    await writeFile(join(dir, META_FILE), '{"format":"capwatch","schemaVersion":2,"createdAt":"2026-')
    const s = await open(dir)
    expect(s.created).toBe(false)
    expect(s.events.count).toBe(0)
    expect(s.problems).toHaveLength(1)
    await s.close()
    // Nor at the next start, though the folder now looks empty apart from corrupt/.
    const again = await open(dir)
    expect(again.created).toBe(false)
    expect(again.events.count).toBe(0)
    expect(again.problems).toHaveLength(1)
    await again.close()
  })

  it('seeds the starter into a truly new folder (the control case)', async () => {
    const dir = await dirs.make()
    const s = await open(dir)
    expect(s.created).toBe(true)
    expect(s.events.count).toBeGreaterThanOrEqual(25)
    await s.close()
  })
})
