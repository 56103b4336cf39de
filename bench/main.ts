/**
 * `npm run bench`: every measurement of issue 4 against a baseline taken in the same run, on a
 * deterministic large workspace. Prints a table; `--json FILE` writes the results.
 */
import { cp, mkdir, rm, writeFile, readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Core } from '../src/main/core/core'
import { generateLargeWorkspace, GENERATOR_VERSION } from './generate'
import { printTable, type BenchResult } from './measure'
import { storeOpen, noteSave } from './cases/store'
import { eventsSearch, eventsSort } from './cases/query'
import { extraCases } from './cases/index'

const ROOT = process.cwd()
const WORK = join(ROOT, '.bench')

async function largeWorkspace(): Promise<string> {
  const dir = join(WORK, 'large')
  const stampFile = join(WORK, 'large.version')
  if (existsSync(stampFile) && (await readFile(stampFile, 'utf8')) === String(GENERATOR_VERSION)) return dir
  await rm(dir, { recursive: true, force: true })
  await mkdir(WORK, { recursive: true })
  const t0 = performance.now()
  await generateLargeWorkspace(dir)
  await writeFile(stampFile, String(GENERATOR_VERSION))
  console.error(`bench: generated the large workspace in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  return dir
}

async function main(): Promise<void> {
  const jsonAt = process.argv.indexOf('--json')
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : null
  const want = (id: string) => !only || only.some((o) => id.startsWith(o))
  const source = await largeWorkspace()
  // Cases that write get their own copy, so every run starts from the same workspace.
  const scratch = join(WORK, 'scratch')
  await rm(scratch, { recursive: true, force: true })
  await cp(source, scratch, { recursive: true })
  const results: BenchResult[] = []
  const run = async (id: string, f: () => Promise<BenchResult | BenchResult[]>) => {
    if (!want(id)) return
    console.error(`bench: ${id}…`)
    const r = await f()
    results.push(...(Array.isArray(r) ? r : [r]))
  }
  await run('store.open', () => storeOpen(scratch))
  const core = await Core.open({ dataDir: scratch, adapter: 'test', starter: false })
  await run('note.save', () => noteSave(scratch, core))
  await run('events.search', () => eventsSearch(core))
  await run('events.sort', () => eventsSort(core))
  for (const c of extraCases) await run(c.id, () => c.run({ core, scratch, source, root: ROOT, work: WORK }))
  await core.close()
  console.log(printTable(results))
  if (jsonAt > 0) await writeFile(process.argv[jsonAt + 1], JSON.stringify(results, null, 2))
  const missed = results.filter((r) => !r.met)
  if (missed.length) console.log(`\nMissed: ${missed.map((r) => r.id).join(', ')}`)
}

await main()
