/** The wizard's value column and what it holds move together, as the CLI's --column does. */
import { describe, expect, it } from 'vitest'
import type { ImportInspection } from '../../../../../shared/market'
import { draftFromInspection, valueKindMismatch, withValueColumn, withValueKind } from './mapping'

// What the importer reports for a Yahoo export: Date,Open,High,Low,Close,Adj Close,Volume.
const yahoo: ImportInspection = {
  name: 'BABA.csv',
  delimiter: ',',
  decimal: '.',
  dateFormat: 'YYYY-MM-DD',
  dateFormatAmbiguous: false,
  hasHeader: true,
  headerLine: 1,
  header: ['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'],
  sample: [],
  approxRows: 2383,
  encoding: 'utf-8',
  suggested: { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close' },
  candidates: [
    { column: 'Close', kind: 'close' },
    { column: 'Adj Close', kind: 'adj_close' }
  ]
} as unknown as ImportInspection

describe('mapping the value column', () => {
  it('choosing "Adjusted close" takes the Adj Close column, and back', () => {
    const draft = draftFromInspection(yahoo)
    expect(draft).toMatchObject({ valueColumn: 'Close', valueKind: 'close' })
    expect(withValueKind(yahoo, 'adj_close')).toEqual({ valueKind: 'adj_close', valueColumn: 'Adj Close' })
    expect(withValueKind(yahoo, 'close')).toEqual({ valueKind: 'close', valueColumn: 'Close' })
  })

  it('a kind the file has no column for keeps the column, and the mismatch is said', () => {
    const draft = { ...draftFromInspection(yahoo), ...withValueKind(yahoo, 'market_cap') }
    expect(draft).toMatchObject({ valueColumn: 'Close', valueKind: 'market_cap' })
    expect(valueKindMismatch(draft, yahoo)).toBe('The column Close is named for close prices, not market caps: check the value column or what the value is.')
  })

  it('choosing a named column sets what it holds; an unnamed one keeps the kind chosen', () => {
    expect(withValueColumn(yahoo, 'Adj Close')).toEqual({ valueColumn: 'Adj Close', valueKind: 'adj_close' })
    expect(withValueColumn(yahoo, 'Open')).toEqual({ valueColumn: 'Open' })
    expect(valueKindMismatch({ ...draftFromInspection(yahoo), valueColumn: 'Open' }, yahoo)).toBeNull()
  })
})
