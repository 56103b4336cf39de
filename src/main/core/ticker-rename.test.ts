/**
 * An analyst corrects a listing's ticker on the Companies screen (PDD typed as PDDX, or back):
 * the imported prices, the share schedule, the benchmark choices naming it and the FX setting
 * follow the new ticker, so charts and impact figures carry on; a ticker that already has prices
 * of its own is refused and nothing changes.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { Core } from './core'
import { PRICES_DIR, failure, openWorkspace, snapshot, type Workspace } from './importer/test-kit'

let ws: Workspace
afterEach(async () => ws?.close())

async function importFile(file: string, ticker: string) {
  const dry = await ws.call('import:preview', { source: { kind: 'path', path: join(PRICES_DIR, file) }, mapping: { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', ticker } })
  await ws.call('import:commit', { previewId: dry.previewId })
}

const renameTo = async (from: string, to: string) => {
  const c = ws.core.companies.find(from)!
  return ws.call('companies:update', { id: c.id, patch: { listings: c.listings.map((l) => (l.ticker === from ? { ...l, ticker: to } : l)) } })
}

describe('renaming a listing ticker', () => {
  it('carries its prices, shares, benchmark choices and FX setting to the new ticker', async () => {
    ws = await openWorkspace({ starter: true })
    await importFile('PDD.csv', 'PDD')
    await importFile('SPY.csv', 'SPY')
    await importFile('0700.HK.csv', 'HKDX') // stands in for an FX series: only its ticker matters here
    await ws.call('shares:set', { ticker: 'PDD', rows: [{ date: '2018-07-26', shares: 1_200_000_000, source: 'typed by the test' }] })
    const baba = ws.core.companies.find('BABA')!
    await ws.call('companies:update', { id: baba.id, patch: { benchmark: 'SPY' } })
    await ws.call('settings:update', { patch: { fxSeries: { HKD: 'HKDX' } } })
    const points = (await ws.call('series:list', {})).find((s) => s.ticker === 'PDD')!.counts

    const pdd = await renameTo('PDD', 'PDDX')
    expect(pdd.listings[0]).toMatchObject({ ticker: 'PDDX', shares: [{ date: '2018-07-26', shares: 1_200_000_000 }] })
    const series = await ws.call('series:list', {})
    expect(series.map((s) => s.ticker)).toEqual(['HKDX', 'PDDX', 'SPY'])
    expect(series.find((s) => s.ticker === 'PDDX')).toMatchObject({ companyId: pdd.id, counts: points })
    const chart = await ws.call('chart:marketcap', { companyIds: [pdd.id], mode: 'absolute', maxPoints: 100 })
    expect(chart.missing).toEqual([])
    expect(chart.series).toHaveLength(1)

    await renameTo('SPY', 'SPX')
    expect(ws.core.companies.find('BABA')!.benchmark).toBe('SPX')
    await renameTo('HKDX', 'HKDUSD=X')
    expect((await ws.call('settings:get', {})).fxSeries).toEqual({ HKD: 'HKDUSD=X' })

    // Saved, not only held in memory: a restart finds the same.
    const dir = ws.dir
    await ws.core.close()
    const again = await Core.open({ dataDir: dir, adapter: 'test', starter: false, log: () => {} })
    try {
      expect(again.store.series.list().map((s) => s.ticker).sort()).toEqual(['HKDUSD=X', 'PDDX', 'SPX'])
      expect((await again.store.series.load('PDDX'))?.close?.days.length).toBe(points.close)
    } finally {
      await again.close()
      ws.core = await Core.open({ dataDir: dir, adapter: 'test', starter: false, log: () => {} })
    }
  })

  it('is refused when the new ticker already has prices of its own, and changes nothing', async () => {
    ws = await openWorkspace({ starter: true })
    await importFile('PDD.csv', 'PDD')
    await importFile('JD.csv', 'STRAY')
    // The company an import creates is deleted: its prices stay, filed under STRAY, owned by no one.
    await ws.call('companies:delete', { id: ws.core.companies.find('STRAY')!.id })
    const before = await snapshot(ws.dir)
    const e = await failure(renameTo('PDD', 'STRAY'))
    expect(e.message).toBe('Cannot rename PDD to STRAY: prices are already imported under STRAY. Remove the STRAY series first (Market data), or keep PDD')
    expect(await snapshot(ws.dir)).toEqual(before)
    expect(ws.core.companies.find('PDD')).toBeDefined()
  })
})
