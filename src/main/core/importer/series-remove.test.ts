/**
 * An analyst removes a series imported by mistake (or no longer followed): its prices are gone
 * from charts and reports, the company stays, the file is deleted only with the commit, and a
 * series that converts a currency cannot be removed from under it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { PRICES_DIR, failure, openWorkspace, type Workspace } from './test-kit'

let ws: Workspace
afterEach(async () => ws?.close())

async function importFile(file: string, ticker: string) {
  const dry = await ws.call('import:preview', { source: { kind: 'path', path: join(PRICES_DIR, file) }, mapping: { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', ticker } })
  await ws.call('import:commit', { previewId: dry.previewId })
}

describe('removing an imported series', () => {
  it('drops its prices and file, keeps its company, and sends the companies benchmarked on it back to the default', async () => {
    ws = await openWorkspace({ starter: true })
    await importFile('BABA.csv', 'BABA')
    await importFile('SPY.csv', 'SPY')
    const baba = ws.core.companies.find('BABA')!
    await ws.call('companies:update', { id: baba.id, patch: { benchmark: 'SPY' } })
    expect(await readdir(join(ws.dir, 'series'))).toHaveLength(2)

    const removed = await ws.call('series:remove', { ticker: 'spy' })
    expect(removed).toEqual({ ticker: 'SPY', points: expect.any(Number), benchmarkOf: [baba.name] })
    expect(removed.points).toBeGreaterThan(1000)
    expect((await ws.call('series:list', {})).map((s) => s.ticker)).toEqual(['BABA'])
    expect(ws.core.companies.find('BABA')!.benchmark).toBe('')
    expect(ws.core.companies.find('SPY')).toBeDefined() // the company a first import created stays
    expect(await readdir(join(ws.dir, 'series'))).toHaveLength(1)

    // Charts have nothing left to draw for it.
    const spy = ws.core.companies.find('SPY')!
    const chart = await ws.call('chart:marketcap', { companyIds: [spy.id], mode: 'absolute', maxPoints: 100 })
    expect(chart.series).toEqual([])
    expect(chart.missing).toEqual([{ companyId: spy.id, reason: expect.stringMatching(/no prices/i) }])

    // Gone after a restart too; importing again brings it back.
    await importFile('SPY.csv', 'SPY')
    expect((await ws.call('series:list', {})).map((s) => s.ticker)).toEqual(['BABA', 'SPY'])
  })

  it('is refused while a currency is converted with it, and for a ticker never imported', async () => {
    ws = await openWorkspace()
    await importFile('0700.HK.csv', 'HKDX')
    await ws.call('settings:update', { patch: { fxSeries: { HKD: 'HKDX' } } })
    const e = await failure(ws.call('series:remove', { ticker: 'HKDX' }))
    expect(e.message).toBe('HKDX is the daily FX series of HKD: choose a constant rate for it first (Market data, Currency and impact windows)')
    expect((await ws.call('series:list', {})).map((s) => s.ticker)).toEqual(['HKDX'])
    expect((await failure(ws.call('series:remove', { ticker: 'NOPE' }))).message).toBe('No imported series for NOPE. Imported: HKDX')
  })
})
