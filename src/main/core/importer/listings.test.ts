/**
 * Data may come before details: a ticker first seen in an import gets a company whose currency
 * comes from the ticker's exchange suffix, so a Tokyo or Toronto file is not silently read as
 * dollars; where the suffix could mislead (quotes in pence or cents) it stays the default.
 */
import { describe, expect, it } from 'vitest'
import { guessCurrency } from './listings'

describe('the currency of a ticker first seen in an import', () => {
  it('comes from its Yahoo exchange suffix, in any case', () => {
    expect(['9988.HK', '600519.SS', '000002.SZ', '7203.T', '005930.KS', '2330.TW', '6488.TWO', 'RY.TO', 'SAP.DE', 'NESN.SW', 'BHP.AX', 'VALE3.SA', 'air.pa'].map(guessCurrency)).toEqual([
      'HKD', 'CNY', 'CNY', 'JPY', 'KRW', 'TWD', 'TWD', 'CAD', 'EUR', 'CHF', 'AUD', 'BRL', 'EUR'
    ])
  })

  it('is USD without a suffix, with an unknown one, and where quotes are in minor units (London pence)', () => {
    expect(['BABA', '^HSI', 'BRK.B', 'HSBA.L', 'NPN.JO', 'TEVA.TA'].map(guessCurrency)).toEqual(['USD', 'USD', 'USD', 'USD', 'USD', 'USD'])
  })
})
