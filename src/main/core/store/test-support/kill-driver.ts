/**
 * The child process of the kill test (kill.test.ts bundles it with esbuild). It loads, waits for
 * a line on stdin (so the test can start the next process while the current one runs), then opens
 * the core on the data directory given as argv[2] and applies random edits through the services
 * forever, until the test SIGKILLs it. Protocol on stdout, one line each, written synchronously
 * (stdout is a pipe):
 *
 *   L                loaded, waiting for the line on stdin
 *   R                the store is open
 *   I <seq> <json>   about to apply this edit (it may or may not reach the disk)
 *   A <seq> [id]     the edit's commit resolved: it must survive any crash from now on
 *
 * Several workers run at once (so edits share group-commit batches), but each record is edited by
 * one worker at a time, so the last acknowledged value of a record is well defined.
 */
import { Core } from '../../core'

export type Edit =
  | { k: 'ev-new'; title: string }
  | { k: 'ev-title'; id: string; title: string }
  | { k: 'note-add'; eventId: string; text: string }
  | { k: 'note-edit'; id: string; text: string }
  | { k: 'note-del'; id: string }
  | { k: 'co-name'; id: string; name: string }

const WORKERS = 4

async function main(): Promise<void> {
  const [dataDir, seedText] = process.argv.slice(2)
  let seed = Number(seedText) >>> 0 || 1
  const random = (): number => {
    // mulberry32: reproducible from the seed the test prints on failure
    seed = (seed + 0x6d2b79f5) >>> 0
    let t = seed
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]
  const write = (line: string) => process.stdout.write(`${line}\n`)

  write('L')
  const go = await new Promise<boolean>((resolve) => {
    process.stdin.once('data', () => resolve(true))
    process.stdin.once('end', () => resolve(false))
  })
  if (!go) process.exit(0) // the test is over
  const core = await Core.open({ dataDir, adapter: 'test', starter: false, dailyBackup: true, log: () => {} })
  const owner = (id: string): number => {
    let h = 0
    for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0
    return h % WORKERS
  }
  const events: string[][] = Array.from({ length: WORKERS }, () => [])
  for (const e of core.store.events.all()) events[owner(e.id)].push(e.id)
  const companies = core.store.companies.list().map((c) => c.id)
  write('R')
  let seq = 0

  async function step(w: number): Promise<void> {
    const mine = events[w]
    const notes = mine.flatMap((id) => core.store.events.notesOf(id).map((n) => n.id))
    const roll = random()
    const tag = `${seq}-${Math.floor(random() * 1e9).toString(36)}`
    let edit: Edit
    if (roll < 0.15 || mine.length === 0) edit = { k: 'ev-new', title: `Event ${tag}` }
    else if (roll < 0.35) edit = { k: 'ev-title', id: pick(mine), title: `Title ${tag}` }
    else if (roll < 0.6 || notes.length === 0) edit = { k: 'note-add', eventId: pick(mine), text: `Note ${tag} 笔记` }
    else if (roll < 0.8) edit = { k: 'note-edit', id: pick(notes), text: `Edited ${tag} 修改` }
    else if (roll < 0.9 || w !== 0 || companies.length === 0) edit = { k: 'note-del', id: pick(notes) }
    else edit = { k: 'co-name', id: pick(companies), name: `Company ${tag}` }
    const n = ++seq
    write(`I ${n} ${JSON.stringify(edit)}`)
    let made = ''
    switch (edit.k) {
      case 'ev-new':
        made = (await core.events.create({ date: '2021-07-02', title: edit.title, category: 'data_security', authority: 'CAC' })).id
        events[owner(made)].push(made)
        break
      case 'ev-title':
        await core.events.update(edit.id, { title: edit.title })
        break
      case 'note-add':
        made = (await core.notes.add(edit.eventId, edit.text)).id
        break
      case 'note-edit':
        await core.notes.update(edit.id, edit.text)
        break
      case 'note-del':
        await core.notes.remove(edit.id)
        break
      case 'co-name':
        await core.companies.update(edit.id, { name: edit.name })
        break
    }
    write(`A ${n}${made ? ` ${made}` : ''}`)
  }

  await Promise.all(
    Array.from({ length: WORKERS }, async (_, w) => {
      for (;;) await step(w)
    })
  )
}

// Never outlive a test that died.
setTimeout(() => process.exit(3), 60_000).unref()
main().catch((e: unknown) => {
  process.stderr.write(`kill-driver: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(2)
})
