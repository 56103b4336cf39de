/**
 * `capwatch export`: a report written atomically to the named file, readable by a strict CSV
 * reader, in the asked dialect; and a clear one-line error for every mistake, with no file left.
 */
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync } from 'node:fs'
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import { tempDir } from '../core/test-workspace'
import { capwatch, type CliRun } from './test-cli'

const EVENT_COLUMNS = 'id,date,title,category,authority,companies,tags,summary,sources,note_count,notes'.split(',')

function expectOneLineError(run: CliRun, ...mentions: string[]): void {
  expect(run.code).toBe(1)
  expect(run.err).toHaveLength(1)
  for (const m of mentions) expect(run.err[0]).toContain(m)
}

/** A data directory and, beside it (never inside the workspace), a folder for the reports. */
async function workspace(): Promise<{ dir: string; reports: string }> {
  const root = await tempDir()
  const reports = join(root, 'reports')
  await mkdir(reports)
  return { dir: join(root, 'data'), reports }
}

function parseFile(bytes: Buffer, delimiter: ',' | ';' = ','): string[][] {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
  const res = Papa.parse<string[]>(text, { delimiter, newline: '\r\n' })
  expect(res.errors).toEqual([])
  expect(res.data.pop()).toEqual([''])
  return res.data
}

describe('capwatch export events|notes', () => {
  it('writes the events report with a BOM and ; delimiter, and says how many rows', async () => {
    const { dir, reports } = await workspace()
    const id = (await capwatch(dir, 'events', 'add', '--date', '2021-07-24', '--title', '=1+1 "quoted" 腾讯', '--companies', 'TAL')).last
    await capwatch(dir, 'notes', 'add', id, '--text', 'older')
    await capwatch(dir, 'notes', 'add', id, '--text', '@newer')
    const total = JSON.parse((await capwatch(dir, 'events', 'list', '--json')).out.join('\n')).length
    const file = join(reports, 'events.csv')
    const run = await capwatch(dir, 'export', 'events', '--out', file, '--bom', '--delimiter', ';')
    expect(run.err).toEqual([])
    expect(run.out).toEqual([`wrote ${total} rows to ${file}`])
    const bytes = await readFile(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const [header, ...rows] = parseFile(bytes, ';')
    expect(header).toEqual(EVENT_COLUMNS)
    expect(rows).toHaveLength(total)
    const mine = rows.find((r) => r[0] === id)!
    expect(mine[2]).toBe(`'=1+1 "quoted" 腾讯`)
    expect(mine[5]).toBe('TAL')
    expect(mine.slice(9)).toEqual(['2', 'older\n\n@newer'])
    // Only the report is left in the folder: the temp file was renamed over it.
    expect(readdirSync(reports)).toEqual(['events.csv'])
  })

  it('keeps the asked columns and the events a search finds', async () => {
    const { dir, reports } = await workspace()
    const file = join(reports, 'didi.csv')
    const run = await capwatch(dir, 'export', 'events', '--out', file, '--columns', 'date,title', '--search', 'didi')
    expect(run.code).toBe(0)
    const [header, ...rows] = parseFile(await readFile(file))
    expect(header).toEqual(['date', 'title'])
    expect(rows.length).toBeGreaterThan(0)
    expect(run.out).toEqual([`wrote ${rows.length} rows to ${file}`])
    for (const r of rows) expect(r).toHaveLength(2)
  })

  it('writes the notes report', async () => {
    const { dir, reports } = await workspace()
    const id = (await capwatch(dir, 'events', 'add', '--date', '2021-07-24', '--title', 'T')).last
    await capwatch(dir, 'notes', 'add', id, '--text', 'why it matters')
    const file = join(reports, 'notes.csv')
    expect((await capwatch(dir, 'export', 'notes', '--out', file)).out).toEqual([`wrote 1 row to ${file}`])
    const [header, row] = parseFile(await readFile(file))
    expect(header).toEqual(['note_id', 'event_id', 'event_date', 'event_title', 'created_at', 'updated_at', 'text'])
    expect(row.slice(1, 4)).toEqual([id, '2021-07-24', 'T'])
    expect(row[6]).toBe('why it matters')
  })

  it('replaces an existing file whole', async () => {
    const { dir, reports } = await workspace()
    const file = join(reports, 'events.csv')
    await writeFile(file, 'old contents that are longer than nothing\n'.repeat(1000))
    expect((await capwatch(dir, 'export', 'events', '--out', file, '--columns', 'id')).code).toBe(0)
    const text = await readFile(file, 'utf8')
    expect(text.startsWith('id\r\n')).toBe(true)
    expect(text).not.toContain('old contents')
  })
})

/** A synthetic daily price file (weekdays, a gentle trend), made for the test: no real market data. */
async function priceFile(dir: string, name: string, start = 100): Promise<string> {
  const lines = ['Date,Close']
  for (let t = Date.UTC(2020, 5, 1), i = 0; t <= Date.UTC(2021, 11, 31); t += 86_400_000) {
    const day = new Date(t).getUTCDay()
    if (day === 0 || day === 6) continue
    lines.push(`${new Date(t).toISOString().slice(0, 10)},${(start + i++ * 0.1).toFixed(2)}`)
  }
  const file = join(dir, name)
  await writeFile(file, lines.join('\n'))
  return file
}

async function withPrices(): Promise<{ dir: string; reports: string }> {
  const { dir, reports } = await workspace()
  for (const [ticker, start] of [['BABA', 200], ['0700.HK', 500], ['SPY', 300]] as const) {
    const run = await capwatch(dir, 'import', 'prices', await priceFile(reports, `${ticker}.csv`, start), '--ticker', ticker)
    expect(run.err).toEqual([])
  }
  expect((await capwatch(dir, 'shares', 'set', 'BABA', '--date', '2020-01-01', '--shares', '2700000000')).code).toBe(0)
  return { dir, reports }
}

describe('capwatch export impact|marketcap', () => {
  it('passes windows and benchmark to the impact report', async () => {
    const { dir, reports } = await withPrices()
    const file = join(reports, 'impact.csv')
    const run = await capwatch(dir, 'export', 'impact', '--out', file, '--windows=-1:1,0:5', '--benchmark', 'SPY')
    expect(run.err).toEqual([])
    const [header, ...rows] = parseFile(await readFile(file))
    expect(run.out).toEqual([`wrote ${rows.length} rows to ${file}`])
    expect(header.slice(0, 7)).toEqual(['event_id', 'event_date', 'event_title', 'ticker', 'company', 'window_start', 'window_end'])
    expect(rows.length).toBeGreaterThan(0)
    const col = (name: string) => header.indexOf(name)
    expect(new Set(rows.map((r) => `${r[col('window_start')]}:${r[col('window_end')]}`))).toEqual(new Set(['-1:1', '0:5']))
    expect(new Set(rows.map((r) => r[col('benchmark')]))).toEqual(new Set(['SPY']))
  })

  it('passes dates and tickers to the marketcap report', async () => {
    const { dir, reports } = await withPrices()
    const file = join(reports, 'mcap.csv')
    const run = await capwatch(dir, 'export', 'marketcap', '--out', file, '--from', '2021-03-01', '--to', '2021-03-31', '--tickers', 'BABA')
    expect(run.err).toEqual([])
    const [header, ...rows] = parseFile(await readFile(file))
    expect(header).toEqual(['date', 'ticker', 'close', 'shares', 'market_cap', 'currency', 'market_cap_reporting'])
    expect(rows).toHaveLength(23) // the weekdays of March 2021
    for (const r of rows) {
      expect(r[0] >= '2021-03-01' && r[0] <= '2021-03-31').toBe(true)
      expect(r[1]).toBe('BABA')
    }
  })
})

describe('capwatch export: mistakes', () => {
  it.each<[string[], ...string[]]>([
    [['export', 'trades', '--out', 'x.csv'], 'trades', 'events, notes, impact, marketcap'],
    [['export', 'events'], '--out'],
    [['export', 'events', '--out', 'x.csv', '--delimiter', '|'], '--delimiter'],
    [['export', 'events', '--out', 'x.csv', '--columns', 'id,ticker'], 'ticker'],
    [['export', 'impact', '--out', 'x.csv', '--windows=-1-1'], '--windows'],
    [['export', 'impact', '--out', 'x.csv', '--windows=5:1'], '--windows'],
    [['export', 'marketcap', '--out', 'x.csv', '--from', '2021-02-30'], '--from'],
    [['export', 'marketcap', '--out', 'x.csv', '--from', '2021-03-01', '--to', '2021-01-01'], '--from'],
    // An option the report does not read is refused rather than silently ignored.
    [['export', 'impact', '--out', 'x.csv', '--tickers', 'BABA'], '--tickers applies to the marketcap report, not impact'],
    [['export', 'marketcap', '--out', 'x.csv', '--windows=-1:1'], '--windows applies to the impact report, not marketcap'],
    [['export', 'impact', '--out', 'x.csv', '--windows='], '--windows: give at least one window'],
    [['export', 'impact', '--out', 'x.csv', '--windows=-1:1,0:5,-1:1'], '--windows: -1:1 is given twice'],
    [['export', 'impact', '--out', 'x.csv', `--windows=${Array.from({ length: 21 }, (_, i) => `0:${i}`).join(',')}`], '--windows: at most 20 windows (21 given)'],
    [['export', 'marketcap', '--out', 'x.csv', '--tickers', ',,'], '--tickers: give at least one ticker'],
    [['export', '--out', 'x.csv'], 'export events|notes|impact|marketcap']
  ])('%j fails with one line naming %s, and writes no file', async (args: string[], ...mentions: string[]) => {
    const dir = await tempDir()
    const cwd = join(dir, 'cwd')
    await mkdir(cwd)
    const fixed = args.map((a) => (a === 'x.csv' ? join(cwd, 'x.csv') : a))
    expectOneLineError(await capwatch(join(dir, 'data'), ...fixed), ...mentions)
    expect(existsSync(join(cwd, 'x.csv'))).toBe(false)
  })

  it('reports a file it cannot write as one line naming the path', async () => {
    const dir = await tempDir()
    const blocker = join(dir, 'not-a-folder')
    await writeFile(blocker, 'a file where a folder should be')
    const target = join(blocker, 'events.csv')
    expectOneLineError(await capwatch(join(dir, 'data'), 'export', 'events', '--out', target), blocker)
  })
})
