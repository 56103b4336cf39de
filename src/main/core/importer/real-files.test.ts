/**
 * An analyst imports the real price exports in ../shared/data/prices/: every row lands, columns
 * are found by name (SPY reorders them), prices keep every digit, and importing again changes
 * nothing.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { dayFromIso, isoFromDay } from '../../../shared/dates'
import { Core } from '../core'
import { PRICES_DIR, openWorkspace, readPrices, readmeRowCounts, snapshot, type Workspace } from './test-kit'

const FILES = readdirSync(PRICES_DIR).filter((f) => f.endsWith('.csv'))

/** The file's own Date and `column` cells, found by header name with a plain split (no quoting in these files). */
async function expected(file: string, column: string): Promise<Map<number, number>> {
  const lines = (await readPrices(file)).split('\n').filter((l) => l.trim() !== '')
  const header = lines[0].split(',')
  const d = header.indexOf('Date')
  const v = header.indexOf(column)
  return new Map(lines.slice(1).map((l) => [dayFromIso(l.split(',')[d]), Number(l.split(',')[v])]))
}

let ws: Workspace
afterEach(async () => ws?.close())

describe('importing the real price files', () => {
  it('finds every file the README lists', async () => {
    const counts = await readmeRowCounts()
    expect([...counts.keys()].sort()).toEqual([...FILES].sort())
  })

  for (const file of FILES) {
    it(`${file}: every row is imported, Close by header name, values exact`, async () => {
      ws = await openWorkspace()
      const ticker = file.replace(/\.csv$/, '')
      const source = { kind: 'path', path: join(PRICES_DIR, file) }
      const ins = await ws.call('import:inspect', { source })
      expect(ins.suggested).toMatchObject({ dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', ticker })
      expect(ins.candidates).toContainEqual({ column: 'Adj Close', kind: 'adj_close' })
      expect(ins.dateFormat).toBe('YYYY-MM-DD')

      const rows = (await readmeRowCounts()).get(file)!
      const dry = await ws.call('import:preview', { source, mapping: { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', ticker } })
      expect(dry.totals).toEqual({ rows, new: rows, replaced: 0, unchanged: 0, rejected: 0 })
      expect(dry.tickers).toEqual([expect.objectContaining({ ticker, createsCompany: true, new: rows })])

      const result = await ws.call('import:commit', { previewId: dry.previewId })
      expect(result.written).toEqual([ticker])
      const [info] = await ws.call('series:list', {})
      expect(info).toMatchObject({ ticker, counts: { close: rows }, benchmark: false, source: file })

      const stored = (await ws.core.store.series.load(ticker))!.close!
      const want = await expected(file, 'Close')
      expect(stored.days.length).toBe(want.size)
      for (let i = 0; i < stored.days.length; i++) expect(stored.values[i]).toBe(want.get(stored.days[i]))
      expect(info.first).toBe(isoFromDay(Math.min(...want.keys())))
      expect(info.last).toBe(isoFromDay(Math.max(...want.keys())))
    })
  }

  it('SPY.csv (columns reordered) takes Close and Adj Close from their own columns', async () => {
    ws = await openWorkspace()
    const source = { kind: 'path', path: join(PRICES_DIR, 'SPY.csv') }
    for (const [valueColumn, valueKind] of [['Close', 'close'], ['Adj Close', 'adj_close']] as const) {
      const dry = await ws.call('import:preview', { source, mapping: { dateColumn: 'Date', valueColumn, valueKind, ticker: 'SPY' } })
      await ws.call('import:commit', { previewId: dry.previewId })
    }
    const spy = (await ws.core.store.series.load('SPY'))!
    const first = dayFromIso('1996-12-31')
    // Header: Date,High,Low,Open,Close,Volume,Adj Close
    expect(spy.close!.values[spy.close!.days.indexOf(first)]).toBe(73.84375)
    expect(spy.adjClose!.values[spy.adjClose!.days.indexOf(first)]).toBe(46.75767135620117)
    const [info] = await ws.call('series:list', {})
    expect(info.counts).toEqual({ close: 6472, adj_close: 6472 })
  })

  it('0700.HK keeps full float precision, also after the store is reopened from disk', async () => {
    ws = await openWorkspace()
    const source = { kind: 'path', path: join(PRICES_DIR, '0700.HK.csv') }
    let created: string[] = []
    for (const [valueColumn, valueKind] of [['Close', 'close'], ['Adj Close', 'adj_close']] as const) {
      const dry = await ws.call('import:preview', { source, mapping: { dateColumn: 'Date', valueColumn, valueKind, ticker: '0700.HK' } })
      created = [...created, ...(await ws.call('import:commit', { previewId: dry.previewId })).createdCompanies]
    }
    expect(created).toEqual(['0700.HK'])
    const company = ws.core.companies.find('0700.HK')!
    expect(company.name).toBe('0700.HK')
    expect(company.listings[0]).toMatchObject({ ticker: '0700.HK', currency: 'HKD' })

    await ws.core.close()
    const reopened = await Core.open({ dataDir: ws.dir, adapter: 'test', starter: false, log: () => {} })
    try {
      const stored = (await reopened.store.series.load('0700.HK'))!
      for (const [part, column] of [[stored.close!, 'Close'], [stored.adjClose!, 'Adj Close']] as const) {
        const want = await expected('0700.HK.csv', column)
        expect(part.days.length).toBe(want.size)
        for (let i = 0; i < part.days.length; i++) expect(Object.is(part.values[i], want.get(part.days[i]))).toBe(true)
      }
      expect(stored.adjClose!.values[stored.adjClose!.days.indexOf(dayFromIso('2020-07-02'))]).toBe(511.0346374511719)
      expect(stored.close!.values[0]).toBe(0.8299999833106995)
      // Hong Kong calendar: 2020-07-01 is a holiday, so no point is invented for it.
      expect(stored.close!.days).not.toContain(dayFromIso('2020-07-01'))
    } finally {
      await reopened.close()
    }
  })

  it('importing the same file again reports everything unchanged and writes nothing', async () => {
    ws = await openWorkspace()
    const source = { kind: 'path', path: join(PRICES_DIR, 'BABA.csv') }
    const mapping = { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', ticker: 'BABA' }
    await ws.call('import:commit', { previewId: (await ws.call('import:preview', { source, mapping })).previewId })
    const before = await snapshot(ws.dir)

    const again = await ws.call('import:preview', { source, mapping })
    expect(again.totals).toEqual({ rows: 2383, new: 0, replaced: 0, unchanged: 2383, rejected: 0 })
    expect(again.tickers[0].createsCompany).toBe(false)
    const result = await ws.call('import:commit', { previewId: again.previewId })
    expect(result.written).toEqual([])
    expect(result.createdCompanies).toEqual([])
    expect(await snapshot(ws.dir)).toEqual(before)
  })
})
