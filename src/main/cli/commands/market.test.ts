/**
 * The analyst's scripted session: dry-run a real price file, import it, see the new company, set
 * its shares, mark SPY as the benchmark. Errors are one line on stderr with exit code 1.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../main'
import { PRICES_DIR, snapshot } from '../../core/importer/test-kit'

let root: string
let dataDir: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'capwatch-cli-market-'))
  dataDir = join(root, 'data')
})
afterEach(async () => rm(root, { recursive: true, force: true }))

async function capwatch(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--data-dir', dataDir, ...args], { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n').split('\n'), err }
}
const baba = join(PRICES_DIR, 'BABA.csv')

/** Runs an import that must be refused: exit 1, and the data directory byte for byte as before. */
async function refusedImport(name: string, content: string, ...args: string[]): Promise<{ out: string[]; err: string[] }> {
  const file = join(root, name)
  await writeFile(file, content)
  await capwatch('companies', 'list') // creates the starter workspace
  const before = await snapshot(dataDir)
  const r = await capwatch('import', 'prices', file, ...args)
  expect(r.code).toBe(1)
  expect(await snapshot(dataDir)).toEqual(before)
  return r
}

describe('capwatch import prices', () => {
  it('a dry run shows the counts and writes nothing; the import then writes them once', async () => {
    await capwatch('companies', 'list') // creates the starter workspace
    const before = await snapshot(dataDir)
    const dry = await capwatch('import', 'prices', baba, '--ticker', 'BABA', '--dry-run')
    expect(dry.code).toBe(0)
    expect(dry.out[0]).toBe('BABA.csv: 2,383 rows, "Close" as close; 2383 new, 0 replaced, 0 unchanged, 0 rejected')
    expect(dry.out[2]).toMatch(/^BABA\s+2383\s+0\s+0\s+2014-09-19\s+2024-03-08$/)
    expect(dry.out.at(-1)).toBe('Dry run: nothing written.')
    expect(await snapshot(dataDir)).toEqual(before)

    const done = await capwatch('import', 'prices', baba, '--ticker', 'BABA')
    expect(done.out.at(-1)).toBe('Imported BABA.csv: wrote BABA (2383 new, 0 replaced).')
    const again = await capwatch('import', 'prices', baba, '--ticker', 'BABA')
    expect(again.out[0]).toContain('0 new, 0 replaced, 2383 unchanged')
    expect(again.out.at(-1)).toBe('Nothing written: every accepted row of BABA.csv is already stored.')
  })

  it('a dry run before the first run compares with the starter workspace and creates nothing', async () => {
    const dry = await capwatch('import', 'prices', baba, '--ticker', 'BABA', '--dry-run')
    expect(dry.code).toBe(0)
    expect(dry.out[0]).toBe('BABA.csv: 2,383 rows, "Close" as close; 2383 new, 0 replaced, 0 unchanged, 0 rejected')
    expect(dry.out.at(-1)).toBe('Dry run: nothing written.')
    expect(existsSync(dataDir), 'no workspace created').toBe(false)
    // The first real run then creates the workspace as usual.
    expect((await capwatch('import', 'prices', baba, '--ticker', 'BABA')).code).toBe(0)
    expect(existsSync(join(dataDir, 'capwatch.json'))).toBe(true)
  })

  it('a dry run makes no daily backup either', async () => {
    await capwatch('companies', 'list') // creates the starter workspace and its first daily backup
    await rm(join(dataDir, 'backups'), { recursive: true, force: true })
    const before = await snapshot(dataDir)
    expect((await capwatch('import', 'prices', baba, '--ticker', 'BABA', '--dry-run')).code).toBe(0)
    expect(await snapshot(dataDir)).toEqual(before)
    // Any other command makes the day's backup that is due.
    await capwatch('companies', 'list')
    expect(existsSync(join(dataDir, 'backups'))).toBe(true)
  })

  it('--column adj_close takes the Adj Close column by name; an unknown ticker gets a company', async () => {
    const r = await capwatch('import', 'prices', join(PRICES_DIR, 'SPY.csv'), '--ticker', 'SPY', '--column', 'adj_close')
    expect(r.code).toBe(0)
    expect(r.out[0]).toContain('"Adj Close" as adj_close')
    expect(r.out[2]).toContain('(new company)')
    expect(r.out.at(-1)).toBe('Imported SPY.csv: wrote SPY (6472 new, 0 replaced); created 1 company SPY.')
    const list = await capwatch('series', 'list')
    expect(list.out).toEqual(['SPY  USD  1996-12-31 .. 2022-09-16  adj_close 6472'])
  })

  it('lists rejected rows as `line N: field: reason`, 20 at most', async () => {
    const rows = ['Date,Close', '2021-01-04,10', ...Array.from({ length: 25 }, (_, i) => `2021-02-${String(i + 1).padStart(2, '0')},null`), '2021-02-30,5']
    const file = join(root, 'nulls.csv')
    await writeFile(file, rows.join('\n'))
    const r = await capwatch('import', 'prices', file, '--ticker', 'X', '--dry-run')
    expect(r.out).toContain('Rejected 26 rows:')
    expect(r.out).toContain('line 3: Close: null cell: "null"')
    expect(r.out.filter((l) => /^line \d+: /.test(l))).toHaveLength(20)
    expect(r.out).toContain('... and 6 more rejected rows')
  })

  it('a file with a bad row is refused whole unless the analyst asks to skip the rejected rows', async () => {
    const refused = await refusedImport('one-bad.csv', 'Date,Close\n2021-01-04,10\n2021-02-30,11\n2021-01-05,10.5\n', '--ticker', 'TST')
    expect(refused.out).toContain('line 3: Date: impossible date: "2021-02-30"')
    expect(refused.err).toEqual(['capwatch: one-bad.csv: 1 row was rejected (listed above); nothing written. Fix the file, or run again with --skip-rejected to import the other 2 rows'])
    const file = join(root, 'one-bad.csv')

    const done = await capwatch('import', 'prices', file, '--ticker', 'TST', '--skip-rejected')
    expect(done.code).toBe(0)
    expect(done.out.at(-1)).toBe('Imported one-bad.csv: wrote TST (2 new, 0 replaced); created 1 company TST.')
  })

  it('says when every date reads both day-first and month-first, and takes the order the analyst gives', async () => {
    const file = join(root, 'slashes.csv')
    await writeFile(file, 'Date,Close\n01/02/2021,10\n03/04/2021,11\n')
    const guessed = await capwatch('import', 'prices', file, '--ticker', 'TST', '--dry-run')
    expect(guessed.out).toContain('Dates read as DD/MM/YYYY; every date would also read as MM/DD/YYYY: if that is the file\'s order, run again with --date-format MM/DD/YYYY')
    expect(guessed.out.find((l) => l.startsWith('TST'))).toMatch(/2021-02-01\s+2021-04-03/)
    const told = await capwatch('import', 'prices', file, '--ticker', 'TST', '--date-format', 'MM/DD/YYYY', '--dry-run')
    expect(told.out.find((l) => l.startsWith('TST'))).toMatch(/2021-01-02\s+2021-03-04/)
    // Told the order, it does not suggest the other one.
    expect(told.out.some((l) => l.includes('would also read'))).toBe(false)
    const bad = await capwatch('import', 'prices', file, '--ticker', 'TST', '--date-format', 'D/M/Y')
    expect(bad.err).toEqual(['capwatch: --date-format must be one of YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY, YYYY/MM/DD, DD.MM.YYYY, not "D/M/Y"'])
  })

  it('a file without a ticker column needs --ticker; errors are one line on stderr', async () => {
    const r = await capwatch('import', 'prices', baba)
    expect(r.code).toBe(1)
    expect(r.err).toEqual(['capwatch: BABA.csv has no Ticker or Symbol column: give the ticker with --ticker T'])
    const bad = await capwatch('import', 'prices', baba, '--ticker', 'BABA', '--value-column', 'Price')
    expect(bad.err).toHaveLength(1)
    // The message names its line and column once.
    expect(bad.err[0]).toMatch(/^capwatch: BABA\.csv: no value column named "Price" on line 1; the columns are [^()]*$/)
    // A file-wide problem and a bad option are named as the analyst knows them.
    const empty = join(root, 'header-only.csv')
    await writeFile(empty, 'Date,Close\n')
    expect((await capwatch('import', 'prices', empty, '--ticker', 'TST')).err).toEqual(['capwatch: header-only.csv: no data rows after the header on line 1'])
    expect((await capwatch('import', 'prices', baba, '--ticker', 'A B')).err).toEqual(['capwatch: --ticker: must be letters, digits, . ^ = _ or -'])
    const kind = await capwatch('import', 'prices', baba, '--ticker', 'BABA', '--column', 'open')
    expect(kind.err).toEqual(['capwatch: --column must be one of close, adj_close, market_cap, not "open"'])
  })

  it('a multi-ticker file needs no --ticker', async () => {
    const file = join(root, 'two.csv')
    await writeFile(file, 'Symbol,Date,Close\nAAA,2021-01-04,1.5\nBBB.HK,2021-01-04,2.5\nAAA,2021-01-05,1.6\n')
    const r = await capwatch('import', 'prices', file, '--currency', 'eur')
    expect(r.out.at(-1)).toBe('Imported two.csv: wrote AAA (2 new, 0 replaced), BBB.HK (1 new, 0 replaced); created 2 companies AAA, BBB.HK.')
    const json: { name: string; listings: { ticker: string; currency: string }[] }[] = JSON.parse((await capwatch('companies', 'list', '--json')).out.join('\n'))
    const created = json.filter((c) => ['AAA', 'BBB.HK'].includes(c.name))
    expect(created.map((c) => c.listings[0])).toMatchObject([
      { ticker: 'AAA', currency: 'EUR' },
      { ticker: 'BBB.HK', currency: 'EUR' }
    ])
  })

  it('refuses --ticker on a multi-ticker file rather than filing every row under that ticker', async () => {
    const r = await refusedImport('two.csv', 'Date,Ticker,Close\n2020-01-02,AAA,1\n2020-01-02,BBB,2\n', '--ticker', 'BBB')
    expect(r.err).toEqual([`capwatch: two.csv has a "Ticker" column naming each row's ticker (AAA, BBB): --ticker is for single-ticker files; drop it to import every ticker in the file`])
  })
})

describe('capwatch shares, companies and benchmark', () => {
  it('shares set adds a row, then replaces the row of the same date', async () => {
    const add = await capwatch('shares', 'set', 'baba', '--date', '2021-06-30', '--shares', '2,712,000,000', '--source', '20-F')
    expect(add.code).toBe(0)
    expect(add.out[0]).toMatch(/^BABA \(.+\): added 2,712,000,000 shares from 2021-06-30; the schedule has \d+ rows?$/)
    const rows = (json: string) => JSON.parse(json).flatMap((c: { listings: { ticker: string; shares: unknown[] }[] }) => c.listings).find((l: { ticker: string }) => l.ticker === 'BABA').shares
    const first = rows((await capwatch('companies', 'list', '--json')).out.join('\n'))
    expect(first).toContainEqual({ date: '2021-06-30', shares: 2712000000, source: '20-F' })
    const replace = await capwatch('shares', 'set', 'BABA', '--date', '2021-06-30', '--shares', '2.7e9')
    expect(replace.out[0]).toContain('replaced 2,700,000,000 shares from 2021-06-30')
    const second = rows((await capwatch('companies', 'list', '--json')).out.join('\n'))
    expect(second).toHaveLength(first.length)
    expect(second).toContainEqual({ date: '2021-06-30', shares: 2.7e9, source: '' })

    expect((await capwatch('shares', 'set', 'NOPE', '--date', '2021-06-30', '--shares', '5')).err[0]).toBe(
      'capwatch: No listing with ticker NOPE; see capwatch companies list'
    )
    const impossible = await capwatch('shares', 'set', 'BABA', '--date', '2021-02-30', '--shares', '5')
    expect(impossible.code).toBe(1)
    expect(impossible.err[0]).toBe('capwatch: --date: "2021-02-30" is not a real calendar date as YYYY-MM-DD')
    expect((await capwatch('shares', 'set', 'BABA', '--date', '2021-06-30', '--shares=-5')).err[0]).toBe('capwatch: --shares must be a number above zero, not "-5"')
    // Written as a person writes a count: 0x10 is not sixteen, and a figure past 2^53 would be rounded.
    expect((await capwatch('shares', 'set', 'BABA', '--date', '2021-06-30', '--shares', '0x10')).err[0]).toBe('capwatch: --shares must be a number above zero, not "0x10"')
    expect((await capwatch('shares', 'set', 'BABA', '--date', '2021-06-30', '--shares', '9007199254740993')).err[0]).toBe(
      'capwatch: --shares 9007199254740993 is more than Capwatch can store exactly (at most 9,007,199,254,740,991)'
    )
  })

  it('companies list shows each company with its listings', async () => {
    const r = await capwatch('companies', 'list')
    expect(r.out.some((l) => /^alibaba\b.*BABA USD/.test(l))).toBe(true)
  })

  it('benchmark set marks an imported series, --unset clears it', async () => {
    await capwatch('import', 'prices', join(PRICES_DIR, 'SPY.csv'), '--ticker', 'SPY')
    expect((await capwatch('benchmark', 'set', 'SPY')).out).toEqual(['SPY is a benchmark.'])
    expect((await capwatch('series', 'list')).out[0]).toMatch(/benchmark$/)
    expect((await capwatch('benchmark', 'set', 'SPY', '--unset')).out).toEqual(['SPY is no longer a benchmark.'])
    const missing = await capwatch('benchmark', 'set', '^HSI')
    expect(missing).toMatchObject({ code: 1, err: ['capwatch: No imported series for ^HSI. Imported: SPY'] })
    // A series no longer wanted goes; its company stays.
    expect((await capwatch('series', 'remove', 'SPY')).out).toEqual([expect.stringMatching(/^Removed SPY \([\d,]+ prices\)\.$/)])
    expect((await capwatch('series', 'list')).out.some((l) => l.startsWith('SPY'))).toBe(false)
  })

  it('--help works for every command', async () => {
    for (const words of [['import', 'prices'], ['companies', 'list'], ['series', 'list'], ['series', 'remove'], ['shares', 'set'], ['benchmark', 'set']]) {
      const r = await capwatch(...words, '--help')
      expect(r.code).toBe(0)
      expect(r.out[0]).toMatch(new RegExp(`^Usage: capwatch \\[--data-dir DIR\\] ${words.join(' ')}`))
    }
  })
})
