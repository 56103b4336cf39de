/**
 * An imported price series damaged on disk (cut short by a full disk, altered by another program,
 * deleted): found at start, not mid-report; set aside and reported like a damaged shard; the rest
 * of the workspace keeps working, backups made meanwhile still restore, and the prices come back
 * from the latest good backup or from importing the file again.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tempDirs } from '../store/test-support/fixtures'
import { PRICES_DIR } from '../importer/test-kit'
import { Store } from '../store/store'
import { backupService } from './service'
import { Clock, openCore } from './test-support'
import { runCli } from '../../cli/main'

const dirs = tempDirs('capwatch-damaged-series-')
afterEach(() => dirs.cleanup())

const BABA = join(PRICES_DIR, 'BABA.csv')
const PDD = join(PRICES_DIR, 'PDD.csv')

async function cli(dir: string, ...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--data-dir', dir, ...args], { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out, err }
}

/** The market-cap report's rows per ticker. */
async function marketcapRows(dir: string): Promise<Record<string, number>> {
  const out = join(await dirs.make(), 'marketcap.csv')
  const run = await cli(dir, 'export', 'marketcap', '--out', out)
  expect(run.code, run.err.join('\n')).toBe(0)
  const counts: Record<string, number> = {}
  for (const line of (await readFile(out, 'utf8')).trim().split('\r\n').slice(1)) {
    const ticker = line.split(',')[1]
    counts[ticker] = (counts[ticker] ?? 0) + 1
  }
  return counts
}

async function seriesFile(dir: string, ticker: string): Promise<string> {
  const meta = JSON.parse(await readFile(join(dir, 'capwatch.json'), 'utf8')) as { series: { ticker: string; file: string }[] }
  return meta.series.find((s) => s.ticker === ticker)!.file
}

/** A workspace with BABA and PDD imported (its daily backup, made as the second run opened, holds BABA). */
async function workspace() {
  const dir = await dirs.make()
  expect((await cli(dir, 'import', 'prices', BABA, '--ticker', 'BABA')).code).toBe(0)
  expect((await cli(dir, 'import', 'prices', PDD, '--ticker', 'PDD')).code).toBe(0)
  const rows = await marketcapRows(dir)
  expect(rows.BABA).toBeGreaterThan(1000)
  expect(rows.PDD).toBeGreaterThan(1000)
  return { dir, rows, baba: await seriesFile(dir, 'BABA') }
}

describe('a damaged price series', () => {
  it('cut short: set aside at start and reported; reports and backups work without it; the good backup brings it back', async () => {
    const { dir, rows, baba } = await workspace()
    const whole = await readFile(join(dir, baba))
    await writeFile(join(dir, baba), whole.subarray(0, 1000))

    for (const run of [1, 2]) {
      const list = await cli(dir, 'series', 'list', '--json')
      expect(list.code, `run ${run}`).toBe(0)
      expect((JSON.parse(list.out.join('\n')) as { ticker: string }[]).map((s) => s.ticker), `run ${run}`).toEqual(['PDD'])
      if (run === 1) expect(list.err.find((l) => l.startsWith(`store/open: ${baba} (the imported prices of BABA) ends early (truncated): 1000 bytes where ${whole.length} were written`))).toBeDefined()
      // Reported at every start, with the way back, until restored or dismissed.
      expect(list.err.find((l) => l.startsWith('store/recovery:')), `run ${run}`).toContain(baba)
    }
    // The bad bytes are kept, never deleted.
    const aside = await readdir(join(dir, 'corrupt'))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(dir, 'corrupt', aside[0]))).toEqual(whole.subarray(0, 1000))

    // Reports run on what is whole.
    expect(await marketcapRows(dir)).toEqual({ PDD: rows.PDD })
    const impact = join(await dirs.make(), 'impact.csv')
    expect((await cli(dir, 'export', 'impact', '--out', impact)).code).toBe(0)

    // A backup made now restores (it holds no damaged file).
    const made = join(await dirs.make(), 'now.capwatch-backup.gz')
    expect((await cli(dir, 'backup', '--out', made)).code).toBe(0)
    const elsewhere = await dirs.make()
    expect((await cli(elsewhere, 'restore', made)).code).toBe(0)
    expect(await marketcapRows(elsewhere)).toEqual({ PDD: rows.PDD })

    // The advice's restore (the daily backup from before the damage) brings BABA's prices back.
    const advice = (await cli(dir, 'events', 'list')).err.find((l) => l.startsWith('store/recovery:'))!
    const [, restoreArgs] = /: capwatch --data-dir \S+ (restore \S+) /.exec(advice)!
    expect((await cli(dir, ...restoreArgs.split(' '))).code).toBe(0)
    expect((await marketcapRows(dir)).BABA).toBe(rows.BABA)
    expect((await cli(dir, 'events', 'list')).err.filter((l) => l.startsWith('store/'))).toEqual([])
  })

  it('altered in place (same size) is caught by its checksum; importing the file again brings the prices back', async () => {
    const { dir, rows, baba } = await workspace()
    const text = await readFile(join(dir, baba), 'utf8')
    const i = text.search(/[1-8]/)
    await writeFile(join(dir, baba), `${text.slice(0, i)}${Number(text[i]) + 1}${text.slice(i + 1)}`)

    const run = await cli(dir, 'import', 'prices', BABA, '--ticker', 'BABA')
    expect(run.code, run.err.join('\n')).toBe(0)
    expect(run.err.find((l) => l.startsWith(`store/open: ${baba} (the imported prices of BABA) does not match the checksum written with it`))).toBeDefined()
    expect(await marketcapRows(dir)).toEqual(rows)
  })

  it('deleted: reported as missing, its index entry kept in corrupt/, and the rest of the workspace works', async () => {
    const { dir, rows, baba } = await workspace()
    await rm(join(dir, baba))
    const run = await cli(dir, 'series', 'list', '--json')
    expect(run.code).toBe(0)
    expect(run.err.find((l) => l.startsWith(`store/open: ${baba} (the imported prices of BABA) is missing`))).toContain('its index entry was moved to')
    const [kept] = await readdir(join(dir, 'corrupt'))
    expect(JSON.parse(await readFile(join(dir, 'corrupt', kept), 'utf8'))).toMatchObject({ missingFile: baba, indexEntry: { ticker: 'BABA', file: baba } })
    expect(await marketcapRows(dir)).toEqual({ PDD: rows.PDD })
  })

  it('written by an older Capwatch (no checksum): checked by parsing once, then its checksum is recorded', async () => {
    const { dir, rows } = await workspace()
    const metaPath = join(dir, 'capwatch.json')
    const meta = JSON.parse(await readFile(metaPath, 'utf8')) as { series: Record<string, unknown>[] }
    for (const s of meta.series) {
      delete s.bytes
      delete s.sha256
    }
    await writeFile(metaPath, JSON.stringify(meta))
    const s = await Store.open({ dataDir: dir, adapter: 'test', log: () => {} })
    expect(s.problems).toEqual([])
    expect(s.series.list().map((m) => m.sha256)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), expect.stringMatching(/^[0-9a-f]{64}$/)])
    await s.close()
    const again = JSON.parse(await readFile(metaPath, 'utf8')) as { series: { sha256?: string }[] }
    expect(again.series.every((m) => m.sha256)).toBe(true)
    expect(await marketcapRows(dir)).toEqual(rows)
  })

  it('changed while Capwatch runs: reading it says so, and no backup is made that could not restore', async () => {
    const { dir, baba } = await workspace()
    const { core } = await openCore(dir, new Clock())
    try {
      const text = await readFile(join(dir, baba), 'utf8')
      await writeFile(join(dir, baba), text.replace(/\d/, (d) => String((Number(d) + 1) % 10)))
      await expect(core.store.series.load('BABA')).rejects.toThrow(`${baba}: the imported prices of BABA were changed on disk since Capwatch checked them at start`)
      const out = join(await dirs.make(), 'b.capwatch-backup.gz')
      await expect(backupService(core).create('manual', out)).rejects.toThrow(`${baba} was changed on disk since Capwatch checked it at start`)
      await expect(readFile(out)).rejects.toThrow(/ENOENT/)
    } finally {
      await core.close()
    }
  })
})
