/**
 * From dry run to stored series: data can come before company details, a commit applies exactly
 * what the dry run showed or nothing, a big multi-ticker file reports its progress while it runs,
 * and any imported series can be marked a benchmark.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { JobProgress } from '../../../shared/market'
import { dayFromIso, isoFromDay } from '../../../shared/dates'
import { PRICES_DIR, failure, openWorkspace, readPrices, snapshot, textSource, writeInput, type Workspace } from './test-kit'

let ws: Workspace
afterEach(async () => ws?.close())

const close = (ticker: string) => ({ dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', ticker })
const babaSource = { kind: 'path', path: join(PRICES_DIR, 'BABA.csv') }

describe('unknown and known tickers', () => {
  it('unknown tickers get a company named after them, in the currency of their exchange', async () => {
    ws = await openWorkspace()
    const text = ['Date,Ticker,Close', ...['AAA.HK', 'BBB.SS', 'CCC.SZ', 'DDD'].map((t, i) => `2021-01-04,${t},${10 + i}`)].join('\n')
    const source = textSource('mixed.csv', text)
    const mapping = { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', tickerColumn: 'Ticker' }
    const dry = await ws.call('import:preview', { source, mapping })
    expect(dry.tickers.map((t) => [t.ticker, t.createsCompany, t.new])).toEqual([
      ['AAA.HK', true, 1],
      ['BBB.SS', true, 1],
      ['CCC.SZ', true, 1],
      ['DDD', true, 1]
    ])
    const result = await ws.call('import:commit', { previewId: dry.previewId })
    expect(result.createdCompanies).toEqual(['AAA.HK', 'BBB.SS', 'CCC.SZ', 'DDD'])
    const companies = await ws.call('companies:list', {})
    expect(companies.map((c) => [c.name, c.listings[0].ticker, c.listings[0].currency])).toEqual([
      ['AAA.HK', 'AAA.HK', 'HKD'],
      ['BBB.SS', 'BBB.SS', 'CNY'],
      ['CCC.SZ', 'CCC.SZ', 'CNY'],
      ['DDD', 'DDD', 'USD']
    ])
    const series = await ws.call('series:list', {})
    expect(series.map((s) => [s.ticker, s.companyId, s.currency])).toEqual(companies.map((c) => [c.listings[0].ticker, c.id, c.listings[0].currency]))
  })

  it('the mapping currency is used for a new listing when given', async () => {
    ws = await openWorkspace()
    const dry = await ws.call('import:preview', { source: textSource('x.csv', 'Date,Close\n2021-01-04,5\n'), mapping: { ...close('9999.HK'), currency: 'USD' } })
    await ws.call('import:commit', { previewId: dry.previewId })
    expect(ws.core.companies.find('9999.HK')!.listings[0].currency).toBe('USD')
  })

  it('a known ticker (any case) joins its company and creates none', async () => {
    ws = await openWorkspace({ starter: true })
    const alibaba = ws.core.companies.find('BABA')!
    const dry = await ws.call('import:preview', { source: babaSource, mapping: close('baba') })
    expect(dry.tickers[0]).toMatchObject({ ticker: 'BABA', createsCompany: false })
    const result = await ws.call('import:commit', { previewId: dry.previewId })
    expect(result.createdCompanies).toEqual([])
    const [info] = await ws.call('series:list', {})
    expect(info).toMatchObject({ ticker: 'BABA', companyId: alibaba.id, currency: alibaba.listings.find((l) => l.ticker === 'BABA')!.currency })
  })
})

describe('market caps', () => {
  it('a Market Cap column is imported as market cap, beside the close of the same ticker', async () => {
    ws = await openWorkspace()
    const text = 'Date,Market Cap (USD)\n2021-01-04,612000000000\n2021-01-05,605500000000.5\n2021-01-06,0\n'
    const source = textSource('baba-mcap.csv', text)
    const ins = await ws.call('import:inspect', { source })
    expect(ins.suggested).toMatchObject({ valueColumn: 'Market Cap (USD)', valueKind: 'market_cap' })
    const dry = await ws.call('import:preview', { source, mapping: { dateColumn: 'Date', valueColumn: 'Market Cap (USD)', valueKind: 'market_cap', ticker: 'BABA' } })
    expect(dry.rejected).toEqual([{ line: 4, field: 'Market Cap (USD)', reason: 'negative or zero market cap: 0' }])
    await ws.call('import:commit', { previewId: dry.previewId, skipRejected: true })
    await ws.call('import:commit', { previewId: (await ws.call('import:preview', { source: babaSource, mapping: close('BABA') })).previewId })
    const stored = (await ws.core.store.series.load('BABA'))!
    expect(stored.marketCap).toEqual({ days: [dayFromIso('2021-01-04'), dayFromIso('2021-01-05')], values: [612e9, 605500000000.5] })
    expect(stored.close!.days).toHaveLength(2383)
    expect((await ws.call('series:list', {}))[0]).toMatchObject({ counts: { close: 2383, market_cap: 2 }, first: '2014-09-19', last: '2024-03-08' })
  })
})

describe('commit', () => {
  it('a later file replaces the values it changes, adds its new dates and keeps the rest', async () => {
    ws = await openWorkspace()
    await ws.call('import:commit', { previewId: (await ws.call('import:preview', { source: babaSource, mapping: close('BABA') })).previewId })
    const lines = (await readPrices('BABA.csv')).split('\n')
    const last = lines[lines.length - 1].split(',')
    // A correction of the last day, the same day before it, and a new day after.
    const fix = ['Date,Close', `${last[0]},99.5`, `${lines[lines.length - 2].split(',')[0]},${lines[lines.length - 2].split(',')[4]}`, '2024-03-11,70.25'].join('\n')
    const dry = await ws.call('import:preview', { source: textSource('fix.csv', fix), mapping: close('BABA') })
    expect(dry.totals).toMatchObject({ new: 1, replaced: 1, unchanged: 1 })
    const result = await ws.call('import:commit', { previewId: dry.previewId })
    expect(result.written).toEqual(['BABA'])
    const stored = (await ws.core.store.series.load('BABA'))!.close!
    expect(stored.days).toHaveLength(2384)
    expect(stored.values[stored.days.indexOf(dayFromIso(last[0]))]).toBe(99.5)
    expect(isoFromDay(stored.days[stored.days.length - 1])).toBe('2024-03-11')
    expect(stored.values[0]).toBe(Number(lines[1].split(',')[4]))
  })

  it('is refused when the stored series changed after the dry run, and writes nothing', async () => {
    ws = await openWorkspace()
    const first = await ws.call('import:preview', { source: babaSource, mapping: close('BABA') })
    // Meanwhile another window imports a few BABA prices.
    const other = await ws.call('import:preview', { source: textSource('other.csv', 'Date,Close\n2024-03-11,70\n'), mapping: close('BABA') })
    await ws.call('import:commit', { previewId: other.previewId })
    const before = await snapshot(ws.dir)
    const e = await failure(ws.call('import:commit', { previewId: first.previewId }))
    expect(e.code).toBe('conflict')
    expect(e.message).toBe('BABA.csv: the stored series of BABA changed since the dry run; run the dry run again')
    expect(await snapshot(ws.dir)).toEqual(before)
    // Run again, it applies.
    const again = await ws.call('import:preview', { source: babaSource, mapping: close('BABA') })
    expect(again.totals).toMatchObject({ new: 2383, unchanged: 0 })
    await ws.call('import:commit', { previewId: again.previewId })
    expect((await ws.core.store.series.load('BABA'))!.close!.days).toHaveLength(2384)
  })

  it('applies a dry run once; only the latest three dry runs are kept', async () => {
    ws = await openWorkspace()
    const ids: string[] = []
    for (let i = 0; i < 4; i++) ids.push((await ws.call('import:preview', { source: textSource(`d${i}.csv`, `Date,Close\n2021-01-0${i + 4},${i + 1}\n`), mapping: close('X') })).previewId)
    expect((await failure(ws.call('import:commit', { previewId: ids[0] }))).code).toBe('not_found')
    await ws.call('import:commit', { previewId: ids[3] })
    const e = await failure(ws.call('import:commit', { previewId: ids[3] }))
    expect(e.message).toContain('already applied or has expired')
  })
})

describe('a 200,000-row multi-ticker file', () => {
  it('imports with its progress reported while it runs', async () => {
    ws = await openWorkspace()
    // Synthetic prices (a deterministic random walk), 80 tickers x 2,500 days, rows by date then ticker.
    const tickers = Array.from({ length: 80 }, (_, i) => `T${String(i).padStart(3, '0')}.HK`)
    const price = tickers.map((_, i) => 20 + i)
    let seed = 7
    const lines = ['Date,Symbol,Open,Close,Volume']
    for (let d = 0; d < 2500; d++) {
      const date = isoFromDay(dayFromIso('2010-01-04') + d)
      for (let t = 0; t < tickers.length; t++) {
        seed = (seed * 48271) % 2147483647
        price[t] = Math.max(0.01, price[t] * (1 + (seed / 2147483647 - 0.5) * 0.04))
        lines.push(`${date},${tickers[t]},${price[t].toFixed(4)},${price[t].toFixed(4)},${seed % 100000}`)
      }
    }
    const path = await writeInput(ws, 'universe.csv', lines.join('\n'))
    const source = { kind: 'path', path }

    const ins = await ws.call('import:inspect', { source })
    expect(ins.suggested).toMatchObject({ dateColumn: 'Date', tickerColumn: 'Symbol', valueColumn: 'Close' })
    expect(ins.approxRows).toBeGreaterThan(150_000)

    const seen: JobProgress[] = []
    const watch = async (job: Promise<unknown>, jobId: string): Promise<void> => {
      let running = true
      void job.finally(() => (running = false))
      while (running) {
        const p = await ws.call('jobs:progress', { jobId })
        if (p) seen.push(p)
        await new Promise((r) => setImmediate(r))
      }
    }
    const { suggested } = ins
    const preview = ws.call('import:preview', { source, mapping: { ...suggested, ticker: undefined, currency: undefined }, jobId: 'job-preview' })
    await watch(preview, 'job-preview')
    const dry = await preview
    expect(dry.totals).toEqual({ rows: 200_000, new: 200_000, replaced: 0, unchanged: 0, rejected: 0 })
    expect(dry.tickers).toHaveLength(80)
    expect(dry.tickers.every((t) => t.createsCompany && t.new === 2500)).toBe(true)
    const parsing = seen.filter((p) => p.phase === 'parsing' && p.done > 0 && p.done < p.total)
    expect(parsing.length).toBeGreaterThan(0)
    expect(await ws.call('jobs:progress', { jobId: 'job-preview' })).toMatchObject({ phase: 'done' })

    const commit = ws.call('import:commit', { previewId: dry.previewId, jobId: 'job-commit' })
    await watch(commit, 'job-commit')
    const result = await commit
    expect(result.written).toHaveLength(80)
    expect(seen.some((p) => p.jobId === 'job-commit' && p.phase === 'merging')).toBe(true)
    expect(await ws.call('jobs:progress', { jobId: 'job-commit' })).toMatchObject({ phase: 'done' })
    const stored = (await ws.core.store.series.load('T079.HK'))!.close!
    expect(stored.days).toHaveLength(2500)
    expect(stored.values[2499]).toBe(Number(price[79].toFixed(4)))
    expect(await ws.call('jobs:progress', { jobId: 'unknown' })).toBeNull()
  })
})

describe('benchmarks', () => {
  it('any imported series can be marked a benchmark and unmarked', async () => {
    ws = await openWorkspace()
    const spy = { kind: 'path', path: join(PRICES_DIR, 'SPY.csv') }
    await ws.call('import:commit', { previewId: (await ws.call('import:preview', { source: spy, mapping: close('SPY') })).previewId })
    expect(await ws.call('series:setBenchmark', { ticker: 'spy', benchmark: true })).toMatchObject({ ticker: 'SPY', benchmark: true })
    expect((await ws.call('series:list', {}))[0].benchmark).toBe(true)
    // A later import keeps the flag.
    await ws.call('import:commit', { previewId: (await ws.call('import:preview', { source: textSource('s.csv', 'Date,Close\n2022-09-19,390.5\n'), mapping: close('SPY') })).previewId })
    expect((await ws.call('series:list', {}))[0]).toMatchObject({ benchmark: true, counts: { close: 6473 } })
    expect(await ws.call('series:setBenchmark', { ticker: 'SPY', benchmark: false })).toMatchObject({ benchmark: false })
    const e = await failure(ws.call('series:setBenchmark', { ticker: '^HSI', benchmark: true }))
    expect(e).toMatchObject({ code: 'not_found', message: 'No imported series for ^HSI. Imported: SPY' })
  })
})
