/** store.open and note.save: the store layout under the large workspace. */
import { open, readdir, readFile, writeFile, rm, mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import { Core } from '../../src/main/core/core'
import { call } from '../../src/main/core/dispatch'
import { cliHooks, createHandlers } from '../../src/main/core/handlers'
import { atomicWrite } from '../../src/main/core/store/files'
import { best, gc, percentile, result, time, type BenchResult } from '../measure'
import { rng } from '../random'

/** The files a store open reads: the meta document and the event shards (series load on first use). */
async function openFiles(dataDir: string): Promise<string[]> {
  const shards = (await readdir(join(dataDir, 'events'))).filter((n) => n.endsWith('.json')).map((n) => join(dataDir, 'events', n))
  return [join(dataDir, 'capwatch.json'), ...shards]
}

export async function storeOpen(dataDir: string): Promise<BenchResult> {
  const files = await openFiles(dataDir)
  let bytes = 0
  const baseline = await best(3, async () => {
    bytes = 0
    for (const f of files) {
      const text = await readFile(f, 'utf8')
      bytes += text.length
      JSON.parse(text)
    }
    gc()
  })
  const value = await best(3, async () => {
    const core = await Core.open({ dataDir, adapter: 'test', starter: false })
    // Ready to serve: the first page of the events table can be answered.
    await call(createHandlers(core, cliHooks), 'events:query', { limit: 100 })
    await core.close()
    gc()
  })
  return result({
    id: 'store.open',
    what: 'open the large workspace, first events page answered',
    value,
    unit: 'ms',
    baseline: 'read + JSON.parse of the same files',
    baseline_value: baseline,
    target: '<= 2 x baseline',
    met: value <= 2 * baseline,
    note: `${files.length} files, ${(bytes / 1e6).toFixed(0)} MB; price series load on first use`
  })
}

export async function noteSave(dataDir: string, core: Core): Promise<BenchResult> {
  const handlers = createHandlers(core, cliHooks)
  const notes = [...core.store.events.allNotes()]
  const r = rng(7)
  // Baseline: a bare, fsync'd write of a 1 KB file in the same directory.
  const probe = join(dataDir, 'fsync-probe.bin')
  const kb = Buffer.alloc(1024, 97)
  const bare: number[] = []
  for (let i = 0; i < 200; i++) {
    const [ms] = await time(async () => {
      const fh = await open(probe, 'w')
      await fh.writeFile(kb)
      await fh.sync()
      await fh.close()
    })
    bare.push(ms)
  }
  await rm(probe, { force: true })
  const edits: number[] = []
  for (let i = 0; i < 200; i++) {
    const n = notes[Math.floor(r() * notes.length)]
    const [ms] = await time(() => call(handlers, 'notes:update', { id: n.id, text: `${n.text} (edited ${i})` }))
    edits.push(ms)
  }
  const p95 = percentile(edits, 95)
  const base = percentile(bare, 95)
  const naive = await naiveLayoutSave(core)
  return result({
    id: 'note.save',
    what: 'p95 of saving one note edit (durable), large workspace loaded',
    value: p95,
    unit: 'ms',
    baseline: 'p95 bare fsync write of 1 KB',
    baseline_value: base,
    target: '<= 25 ms and <= 10 x baseline',
    met: p95 <= 25 && p95 <= 10 * base,
    note: `naive layout (everything in one lowdb file): ${(naive / 1000).toFixed(2)} s per edit`
  })
}

/** What the same edit costs when everything lives in one JSON file (schema v1, plain lowdb). */
async function naiveLayoutSave(core: Core): Promise<number> {
  const dir = await mkdtemp(join(core.dataDir, '..', 'naive-'))
  const everything = {
    schemaVersion: 1,
    settings: core.store.settings.get(),
    companies: core.store.companies.list(),
    events: [...core.store.events.all()],
    notes: [...core.store.events.allNotes()]
  }
  await writeFile(join(dir, 'capwatch.json'), '{}')
  const ms = await best(3, () => atomicWrite(join(dir, 'capwatch.json'), JSON.stringify(everything)))
  await rm(dir, { recursive: true, force: true })
  return ms
}
