/**
 * The kill test: a child process edits the workspace as fast as it can and acknowledges each edit
 * once its save resolved; it is SIGKILLed at a random moment, 200 times over the same folder.
 * After every kill the store opens without problems, every file passes schema validation, and
 * every acknowledged edit is there with its acknowledged value (an edit in flight at the kill may
 * or may not have landed; nothing else may appear).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { Store } from './store'
import { META_FILE, SHARD_NAME } from './schema'
import { company, event, note } from './test-support/fixtures'
import type { Edit } from './test-support/kill-driver'

// About 40 s on a quiet 2-core machine (each kill: a process that loaded ahead opens the store,
// edits until killed, and the test reopens and checks); the timeout leaves room for a busy one.
// CAPWATCH_KILL_SEED replays a failing run; CAPWATCH_KILLS shortens a local one.
const KILLS = Number(process.env.CAPWATCH_KILLS ?? 200)
const SEED = Number(process.env.CAPWATCH_KILL_SEED ?? Date.now() % 1e9)

let work: string
let driver: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'capwatch-kill-'))
  driver = join(work, 'driver.mjs')
  // One bundled file starts in a fraction of the time vitest's or tsx's loaders would need.
  await build({
    entryPoints: [fileURLToPath(new URL('./test-support/kill-driver.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: driver,
    logLevel: 'silent',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }
  })
})
afterAll(() => rm(work, { recursive: true, force: true }))

/** What the acknowledgements promise is on disk. */
interface Model {
  events: Map<string, string>
  notes: Map<string, { eventId: string; text: string }>
  companies: Map<string, string>
}

function apply(m: Model, e: Edit, id: string): void {
  switch (e.k) {
    case 'ev-new':
      return void m.events.set(id, e.title)
    case 'ev-title':
      return void m.events.set(e.id, e.title)
    case 'note-add':
      return void m.notes.set(id, { eventId: e.eventId, text: e.text })
    case 'note-edit':
      return void (m.notes.get(e.id)!.text = e.text)
    case 'note-del':
      return void m.notes.delete(e.id)
    case 'co-name':
      return void m.companies.set(e.id, e.name)
  }
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 4294967296
  }
}

/**
 * One driver process. It is spawned ahead of its turn and loads while the previous one runs;
 * `run` lets it open the store and SIGKILLs it `after.acked` ms after its first acknowledgement
 * (a busy writer), or `after.go` ms after it was let go (recovery, open, first edits). Resolves
 * with its complete stdout lines.
 */
class Driver {
  private readonly child: ChildProcessWithoutNullStreams
  private out = ''
  /** ms from `go` to the store being open (0 if killed before). */
  readyAfter = 0
  /** Whether the process had finished loading when its turn came. */
  loadedBeforeGo = false
  private err = ''
  private readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>

  constructor(dataDir: string, seed: number) {
    this.child = spawn(process.execPath, [driver, dataDir, String(seed)], { stdio: ['pipe', 'pipe', 'pipe'] })
    this.child.stdout.setEncoding('utf8').on('data', (d: string) => (this.out += d))
    this.child.stderr.setEncoding('utf8').on('data', (d: string) => (this.err += d))
    // 'close' comes after the process exited (and was reaped) and its pipes are drained.
    this.closed = new Promise((resolve) => this.child.on('close', (code, signal) => resolve({ code, signal })))
  }

  async run(after: { acked: number } | { go: number }): Promise<string[]> {
    const kill = () => this.child.kill('SIGKILL')
    let timer: NodeJS.Timeout | undefined
    if ('go' in after) timer = setTimeout(kill, after.go)
    else {
      const onData = () => {
        if (!this.out.includes('\nA ')) return
        this.child.stdout.off('data', onData)
        timer = setTimeout(kill, after.acked)
      }
      this.child.stdout.on('data', onData)
    }
    const t0 = Date.now()
    this.loadedBeforeGo = this.out.startsWith('L\n')
    this.child.stdout.on('data', () => {
      if (!this.readyAfter && this.out.startsWith('L\nR\n')) this.readyAfter = Date.now() - t0
    })
    this.child.stdin.write('go\n')
    const { code, signal } = await this.closed
    clearTimeout(timer)
    if (signal !== 'SIGKILL') throw new Error(`driver exited by itself (code ${code}): ${this.err}`)
    return this.out.split('\n').slice(0, -1) // the last piece is '' or a line cut by the kill
  }

  async dismiss(): Promise<void> {
    this.child.stdin.end()
    await this.closed
  }
}

/** Compare the reopened store with the model; adopt in-flight edits that landed. */
async function verify(dataDir: string, m: Model, pending: Edit[], where: string): Promise<{ rolledForward: boolean }> {
  const s = await Store.open({ dataDir, adapter: 'test', log: () => {} })
  try {
    // Open parses every file against its schema (metaSchema, shardSchema) and reports any
    // that fails: no problems means every file on disk passed.
    expect(s.problems, `${where}: problems at open`).toEqual([])
    expect(await readdir(dataDir), `${where}: files in the data directory`).toEqual(expect.arrayContaining([META_FILE, 'events']))
    expect((await readdir(join(dataDir, 'events'))).every((n) => SHARD_NAME.test(n)), `${where}: stray files in events/`).toBe(true)
    const landed = <K extends Edit['k']>(k: K, ok: (e: Extract<Edit, { k: K }>) => boolean) =>
      pending.some((e) => e.k === k && ok(e as Extract<Edit, { k: K }>))

    for (const [id, title] of m.events) {
      const disk = s.events.get(id)?.title
      if (disk === title) continue
      expect(disk !== undefined && landed('ev-title', (e) => e.id === id && e.title === disk), `${where}: event ${id} acknowledged "${title}", found "${disk}"`).toBe(true)
      m.events.set(id, disk!)
    }
    for (const e of s.events.all()) {
      if (m.events.has(e.id)) continue
      expect(landed('ev-new', (p) => p.title === e.title), `${where}: event ${e.id} "${e.title}" was never made`).toBe(true)
      m.events.set(e.id, e.title)
    }
    for (const [id, n] of [...m.notes]) {
      const disk = s.events.getNote(id)
      if (!disk) {
        expect(landed('note-del', (e) => e.id === id), `${where}: acknowledged note ${id} "${n.text}" is lost`).toBe(true)
        m.notes.delete(id)
      } else if (disk.text !== n.text) {
        expect(landed('note-edit', (e) => e.id === id && e.text === disk.text), `${where}: note ${id} acknowledged "${n.text}", found "${disk.text}"`).toBe(true)
        n.text = disk.text
      }
    }
    for (const n of s.events.allNotes()) {
      if (m.notes.has(n.id)) continue
      expect(landed('note-add', (e) => e.eventId === n.eventId && e.text === n.text), `${where}: note ${n.id} "${n.text}" was never made (or was deleted)`).toBe(true)
      m.notes.set(n.id, { eventId: n.eventId, text: n.text })
    }
    for (const [id, name] of m.companies) {
      const disk = s.companies.get(id)?.name
      if (disk === name) continue
      expect(disk !== undefined && landed('co-name', (e) => e.id === id && e.name === disk), `${where}: company ${id} acknowledged "${name}", found "${disk}"`).toBe(true)
      m.companies.set(id, disk!)
    }
    return { rolledForward: s.rolledForward }
  } finally {
    await s.close()
  }
}

describe('kill test', () => {
  it(`keeps every acknowledged edit through ${KILLS} SIGKILLs (seed ${SEED})`, { timeout: 240_000 }, async () => {
    const dataDir = join(work, 'data')
    const m: Model = { events: new Map(), notes: new Map(), companies: new Map() }
    const s = await Store.open({ dataDir, adapter: 'test', log: () => {} })
    for (const [id, name] of [['alibaba', 'Alibaba'], ['tencent', 'Tencent'], ['didi', 'Didi']]) {
      s.companies.put(company(id, { name }))
      m.companies.set(id, name)
    }
    for (let i = 0; i < 8; i++) {
      s.events.put(event(`ev-start-${i}`, { title: `Start ${i}` }))
      s.events.putNote(note(`nt-start-${i}`, `ev-start-${i}`, `First note ${i}`))
      m.events.set(`ev-start-${i}`, `Start ${i}`)
      m.notes.set(`nt-start-${i}`, { eventId: `ev-start-${i}`, text: `First note ${i}` })
    }
    await s.commit()
    await s.close()

    const random = rng(SEED)
    let acked = 0
    let cyclesWithAcks = 0
    let cyclesInFlight = 0
    let rollForwards = 0
    const started = Date.now()
    const timing = { run: 0, open: 0, verify: 0, warm: 0 }
    // Two processes load ahead of their turn, so a kill is followed by an open almost at once.
    const queue = [0, 1].map(() => new Driver(dataDir, Math.floor(random() * 2 ** 31)))
    for (let cycle = 1; cycle <= KILLS; cycle++) {
      const current = queue.shift()!
      queue.push(new Driver(dataDir, Math.floor(random() * 2 ** 31)))
      // One kill in four lands anywhere in recovery, open and the first edits.
      const after = random() < 0.25 ? { go: Math.floor(random() * 150) } : { acked: Math.floor(random() * 80) }
      const t0 = Date.now()
      const lines = await current.run(after)
      const t1 = Date.now()
      timing.run += t1 - t0
      timing.open += current.readyAfter
      if (current.loadedBeforeGo) timing.warm++
      const intents = new Map<string, Edit>()
      let acks = 0
      for (const line of lines) {
        const [kind, seq, rest] = line.split(' ', 3)
        if (kind === 'I') intents.set(seq, JSON.parse(line.slice(kind.length + seq.length + 2)) as Edit)
        else if (kind === 'A') {
          apply(m, intents.get(seq)!, rest ?? '')
          intents.delete(seq)
          acks++
        }
      }
      acked += acks
      if (acks > 0) cyclesWithAcks++
      if (intents.size > 0) cyclesInFlight++
      const { rolledForward } = await verify(dataDir, m, [...intents.values()], `kill ${cycle} (seed ${SEED}, ${JSON.stringify(after)} ms)`)
      if (rolledForward) rollForwards++
      timing.verify += Date.now() - t1
    }
    await Promise.all(queue.map((d) => d.dismiss()))
    const seconds = (Date.now() - started) / 1000
    const avg = (ms: number) => `${(ms / KILLS).toFixed(0)} ms`
    console.info(
      `kill test: ${KILLS} kills in ${seconds.toFixed(1)} s, ${acked} acknowledged edits, ${cyclesInFlight} kills with edits in flight, ${rollForwards} saves rolled forward at open;` +
        ` per kill: run ${avg(timing.run)} (open ${avg(timing.open)}; ${timing.warm} loaded ahead), verify ${avg(timing.verify)}`
    )
    // The kills must have hit a busy writer, not just process start-up.
    expect(cyclesWithAcks).toBeGreaterThan(KILLS / 2)
    expect(cyclesInFlight).toBeGreaterThan(KILLS / 2)
    expect(acked).toBeGreaterThan(KILLS * 2)
    expect(m.notes.size).toBeGreaterThan(8)
  })
})
