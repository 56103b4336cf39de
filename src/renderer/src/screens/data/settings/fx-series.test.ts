import { describe, expect, it } from 'vitest'
import type { SeriesInfo } from '../../../../../shared/market'
import { fxSeriesChoices, quotesRate } from './fx-series'

const info = (ticker: string): SeriesInfo => ({
  ticker,
  companyId: `c-${ticker}`,
  currency: 'USD',
  benchmark: false,
  counts: { close: 10 },
  first: '2020-01-02',
  last: '2020-01-15',
  source: `${ticker}.csv`,
  importedAt: '2026-01-01T00:00:00Z'
})

describe('FX series offered for a currency', () => {
  it('accepts only a pair quoting the reporting currency per unit of the currency', () => {
    expect(quotesRate('HKDUSD=X', 'HKD', 'USD')).toBe(true)
    expect(quotesRate('hkd/usd', 'HKD', 'USD')).toBe(true)
    expect(quotesRate('HKD=X', 'HKD', 'USD')).toBe(false) // Yahoo's USD/HKD: HKD per USD, the inverse
    expect(quotesRate('USDHKD=X', 'HKD', 'USD')).toBe(false)
    expect(quotesRate('0700.HK', 'HKD', 'USD')).toBe(false)
    expect(quotesRate('EURUSD=X', 'HKD', 'USD')).toBe(false)
  })

  it('leaves stocks out and says why when no series qualifies', () => {
    const c = fxSeriesChoices('HKD', 'USD', [info('0700.HK'), info('BABA'), info('SPY')], '')
    expect(c.options).toEqual([])
    expect(c.absent).toContain('HKDUSD=X')
  })

  it('keeps a saved choice listed, marked as not fitting, next to the ones that do', () => {
    const c = fxSeriesChoices('HKD', 'USD', [info('BABA'), info('HKDUSD=X')], 'BABA')
    expect(c.options).toEqual([
      { ticker: 'BABA', fits: false },
      { ticker: 'HKDUSD=X', fits: true }
    ])
    expect(c.absent).toBe('')
  })
})
