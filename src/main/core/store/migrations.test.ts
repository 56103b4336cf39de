/**
 * An analyst who used the first Capwatch (everything in one capwatch.json, schema 1) upgrades: every
 * event, note, company and setting comes along, and the old file is kept.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Store } from './store'
import { META_FILE, SCHEMA_VERSION, metaV1Schema } from './schema'
import { MIGRATIONS_DIR } from './migrations'
import { tempDirs } from './test-support/fixtures'
import { loadStarter } from '../starter'

const FIXTURE = fileURLToPath(new URL('./fixtures/v1/capwatch.json', import.meta.url))
const dirs = tempDirs()
afterEach(() => dirs.cleanup())

async function v1Workspace(): Promise<string> {
  const dir = await dirs.make()
  await copyFile(FIXTURE, join(dir, META_FILE))
  return dir
}

// The starter is offered as seed: a migrated workspace must never be seeded over.
const open = (dataDir: string) => Store.open({ dataDir, adapter: 'test', log: () => {}, seed: () => loadStarter(new Date()) })

describe('schema migration 1 -> current', () => {
  it('carries every event, note, company and setting of a version 1 workspace', async () => {
    const v1 = metaV1Schema.parse(JSON.parse(await readFile(FIXTURE, 'utf8')))
    const dir = await v1Workspace()
    const s = await open(dir)
    expect(s.schemaVersion).toBe(SCHEMA_VERSION)
    expect(s.created).toBe(false)
    expect(s.problems).toEqual([])
    expect(s.createdAt).toBe(v1.createdAt)
    expect(s.events.count).toBe(v1.events.length)
    for (const e of v1.events) expect(s.events.get(e.id)).toEqual(e)
    expect(s.events.noteCount).toBe(v1.notes.length)
    for (const n of v1.notes) expect(s.events.getNote(n.id)).toEqual(n)
    expect(s.events.getNote('nt-v1-2')?.text).toContain('外滩演讲')
    expect(s.companies.list()).toEqual(v1.companies)
    expect(s.settings.get().fxRates).toEqual({ HKD: 0.1285 })
    expect(s.settings.get().ui).toEqual({ 'events.columns': ['date', 'title', 'category'] })
    await s.close()
  })

  it('keeps the old file, byte for byte, in migrations/ and writes the new layout', async () => {
    const dir = await v1Workspace()
    await (await open(dir)).close()
    const kept = await readdir(join(dir, MIGRATIONS_DIR))
    expect(kept).toHaveLength(1)
    expect(kept[0]).toMatch(/^capwatch\.v1\..+\.json$/)
    expect(await readFile(join(dir, MIGRATIONS_DIR, kept[0]), 'utf8')).toBe(await readFile(FIXTURE, 'utf8'))
    const meta = JSON.parse(await readFile(join(dir, META_FILE), 'utf8'))
    expect(meta.schemaVersion).toBe(SCHEMA_VERSION)
    expect(meta.events).toBeUndefined()
    expect((await readdir(join(dir, 'events'))).length).toBeGreaterThan(0)
  })

  it('migrates once: the second open reads the new layout and finds everything', async () => {
    const dir = await v1Workspace()
    await (await open(dir)).close()
    const s = await open(dir)
    expect(s.events.count).toBe(4)
    expect(s.events.noteCount).toBe(4)
    await s.close()
    expect(await readdir(join(dir, MIGRATIONS_DIR))).toHaveLength(1)
  })

  it('sets aside a version 1 file that does not hold what version 1 held, and says so', async () => {
    const dir = await dirs.make()
    const broken = JSON.stringify({ schemaVersion: 1, createdAt: '2021-09-01T08:30:00.000Z', events: 'not a list' })
    await writeFile(join(dir, META_FILE), broken)
    const s = await open(dir)
    expect(s.problems).toHaveLength(1)
    expect(s.problems[0].file).toBe(META_FILE)
    expect(s.problems[0].message).toMatch(/capwatch\.json: field/)
    expect(await readFile(s.problems[0].movedTo, 'utf8')).toBe(broken)
    expect(s.events.count).toBe(0) // and no starter seeded over it
    await s.close()
  })
})
