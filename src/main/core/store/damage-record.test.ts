/**
 * Damage found at start stays reported, at every start, until the analyst deals with it (restores
 * a backup, or chooses to keep working without): a file set aside and announced once must not be
 * silently missing from the next start on.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Store } from './store'
import { DAMAGE_FILE } from './damage-record'
import { META_FILE, shardFile, shardOf } from './schema'
import { company, event, note, tempDirs } from './test-support/fixtures'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

const open = (dataDir: string, log: (line: string) => void = () => {}) => Store.open({ dataDir, adapter: 'test', log })

/** Two events in different shards, with notes, and 17 companies. */
async function workspace() {
  const dir = await dirs.make()
  const s = await open(dir)
  for (let i = 0; i < 17; i++) s.companies.put(company(`co-${i}`))
  s.events.put(event('ev-a', { title: 'Ant IPO halted' }))
  s.events.put(event('ev-b', { title: 'Didi review' }))
  s.events.putNote(note('nt-a', 'ev-a', 'Suspended two days before listing'))
  await s.commit()
  await s.close()
  expect(shardOf('ev-a')).not.toBe(shardOf('ev-b'))
  return dir
}

async function reopen(dir: string) {
  const lines: string[] = []
  const s = await open(dir, (l) => lines.push(l))
  return { s, lines }
}

describe('damage found at start', () => {
  it('a truncated shard is reported at the first start, and the second, and every one after', async () => {
    const dir = await workspace()
    const bad = shardFile(shardOf('ev-a'))
    await writeFile(join(dir, bad), '')

    const first = await reopen(dir)
    expect(first.s.problems.map((p) => p.file)).toEqual([bad])
    const { movedTo, foundAt } = first.s.problems[0]
    expect(first.lines.join('\n')).toContain(`${bad}: not valid JSON (the file is empty)`)
    await first.s.close()

    for (let start = 2; start <= 4; start++) {
      const again = await reopen(dir)
      // Same file, same place in corrupt/, same time of finding: one damage, not a new one each start.
      expect(again.s.problems).toEqual([expect.objectContaining({ file: bad, movedTo, foundAt })])
      expect(again.s.problems[0].message).toBe(
        `${bad} was found damaged at an earlier start: not valid JSON (the file is empty); it is still missing from the workspace and kept as ${movedTo}`
      )
      expect(again.lines.some((l) => l.startsWith('store/open:') && l.includes(bad))).toBe(true)
      expect(again.s.events.get('ev-a')).toBeUndefined()
      expect(again.s.events.get('ev-b')?.title).toBe('Didi review')
      await again.s.close()
    }
    expect(await readdir(join(dir, 'corrupt'))).toHaveLength(1)
  })

  it('a damaged capwatch.json stays reported after something writes a new one', async () => {
    const dir = await workspace()
    await writeFile(join(dir, META_FILE), '{"format":"capwatch","schemaVersion":2,"settings":')
    const first = await reopen(dir)
    expect(first.s.companies.list()).toEqual([])
    // The analyst adds a company: the meta file is written anew, without the 17 others.
    first.s.companies.put(company('new-co'))
    await first.s.commit()
    await first.s.close()

    const second = await reopen(dir)
    expect(second.s.problems.map((p) => p.file)).toEqual([META_FILE])
    expect(second.s.companies.list().map((c) => c.id)).toEqual(['new-co'])
    await second.s.close()
  })

  it('once dismissed it is no longer reported, and the set-aside file is kept as it was', async () => {
    const dir = await workspace()
    const bad = shardFile(shardOf('ev-b'))
    const broken = '{"events":[{"id":"ev-b","title":'
    await writeFile(join(dir, bad), broken)
    const first = await reopen(dir)
    await first.s.close()
    const second = await reopen(dir)
    const [p] = second.s.problems
    expect(await second.s.dismissProblems()).toBe(1)
    expect(second.s.problems).toEqual([])
    await second.s.close()

    const third = await reopen(dir)
    expect(third.s.problems).toEqual([])
    expect(third.lines.filter((l) => l.includes(bad))).toEqual([])
    await third.s.close()
    expect(await readFile(p.movedTo, 'utf8')).toBe(broken)
  })

  it('damage found later is reported although earlier damage was dismissed', async () => {
    const dir = await workspace()
    await writeFile(join(dir, shardFile(shardOf('ev-a'))), 'x')
    const first = await reopen(dir)
    await first.s.dismissProblems()
    await first.s.close()
    await writeFile(join(dir, shardFile(shardOf('ev-b'))), 'y')
    const second = await reopen(dir)
    await second.s.close()
    const third = await reopen(dir)
    expect(third.s.problems.map((p) => p.file)).toEqual([shardFile(shardOf('ev-b'))])
    await third.s.close()
  })

  it('a file in corrupt/ that no record explains (a start that crashed before writing it) is reported', async () => {
    const dir = await workspace()
    await mkdir(join(dir, 'corrupt'))
    await writeFile(join(dir, 'corrupt', '2026-02-03T04-05-06-789Z-a1b2c3-events__1f0.json'), '{"events":[')
    const { s } = await reopen(dir)
    expect(s.problems).toEqual([
      expect.objectContaining({ file: 'events/1f0.json', foundAt: '2026-02-03T04:05:06.789Z', movedTo: join(dir, 'corrupt', '2026-02-03T04-05-06-789Z-a1b2c3-events__1f0.json') })
    ])
    await s.close()
  })

  it('a damaged record is set aside too, and then everything in corrupt/ counts as unresolved', async () => {
    const dir = await workspace()
    await writeFile(join(dir, shardFile(shardOf('ev-a'))), '')
    const first = await reopen(dir)
    await first.s.dismissProblems()
    await first.s.close()
    await writeFile(join(dir, DAMAGE_FILE), '{"format":"capwatch-recovery","entries":[{')

    const { s } = await reopen(dir)
    expect(s.problems.map((p) => p.file).sort()).toEqual([DAMAGE_FILE, shardFile(shardOf('ev-a'))].sort())
    await s.close()
    expect(await readdir(join(dir, 'corrupt'))).toHaveLength(2)
  })

  it('a healthy workspace writes no record and reports nothing', async () => {
    const dir = await workspace()
    const { s } = await reopen(dir)
    expect(s.problems).toEqual([])
    expect(await s.dismissProblems()).toBe(0)
    await s.close()
    expect(await readdir(dir)).not.toContain(DAMAGE_FILE)
  })
})
