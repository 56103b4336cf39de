/**
 * The same prices, exported by other tools: each variant is generated here from JD.csv (a real
 * Yahoo export) and must import to exactly the points of the original, whatever the dialect,
 * date style, line ends or encoding.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { dayFromIso } from '../../../shared/dates'
import type { ImportMapping } from '../../../shared/market'
import { dryRun, openWorkspace, readPrices, writeInput, type Workspace } from './test-kit'

interface Row {
  date: string
  cells: string[]
}
let header: string[]
let rows: Row[]
/** JD's Close by day, read from the original file independently of the importer. */
let reference: Map<number, number>

beforeAll(async () => {
  const lines = (await readPrices('JD.csv')).split('\n').filter((l) => l.trim())
  header = lines[0].split(',')
  rows = lines.slice(1).map((l) => ({ date: l.split(',')[0], cells: l.split(',') }))
  const close = header.indexOf('Close')
  reference = new Map(rows.map((r) => [dayFromIso(r.date), Number(r.cells[close])]))
})

let ws: Workspace
afterEach(async () => ws?.close())

const csv = (head: string[], body: string[][], sep = ',', eol = '\n'): string => [head, ...body].map((r) => r.join(sep)).join(eol)
const [y, m, d] = [(s: string) => s.slice(0, 4), (s: string) => s.slice(5, 7), (s: string) => s.slice(8, 10)]

/** Import the variant as a file by path, with the suggested mapping plus overrides; the stored Close. */
async function importVariant(name: string, content: string | Uint8Array, overrides: Partial<ImportMapping> = {}) {
  ws = await openWorkspace()
  const path = await writeInput(ws, name, content)
  const source = { kind: 'path', path }
  const dry = await dryRun(ws, source, { ticker: 'JD', ...overrides })
  // The analyst has seen the rejected rows (the cases below check them) and imports the rest.
  await ws.call('import:commit', { previewId: dry.previewId, skipRejected: true })
  const stored = (await ws.core.store.series.load('JD'))!
  return { dry, close: stored.close!, inspection: await ws.call('import:inspect', { source }) }
}

function expectReference(close: { days: number[]; values: number[] }, except: Set<number> = new Set()): void {
  const want = [...reference].filter(([day]) => !except.has(day)).sort((a, b) => a[0] - b[0])
  expect(close.days).toEqual(want.map(([day]) => day))
  expect(close.values).toEqual(want.map(([, v]) => v))
}

describe('other exporters and dialects of the same prices', () => {
  it('timestamps with an offset count as the calendar date written', async () => {
    const body = rows.map((r) => [`${r.date} 00:00:00-04:00`, ...r.cells.slice(1)])
    const { close, dry } = await importVariant('jd-offsets.csv', csv(header, body))
    expect(dry.totals.rejected).toBe(0)
    expectReference(close)
  })

  it('yfinance history: +08:00 offsets, no Adj Close, extra Dividends and Stock Splits columns', async () => {
    const pick = ['Open', 'High', 'Low', 'Close', 'Volume'].map((h) => header.indexOf(h))
    const body = rows.map((r) => [`${r.date} 00:00:00+08:00`, ...pick.map((i) => r.cells[i]), '0.0', '0.0'])
    const { close, inspection } = await importVariant('jd-history.csv', csv(['Date', 'Open', 'High', 'Low', 'Close', 'Volume', 'Dividends', 'Stock Splits'], body))
    expect(inspection.suggested).toMatchObject({ dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close' })
    expect(inspection.candidates.map((c) => c.kind)).toEqual(['close'])
    expectReference(close)
  })

  it('`null` cells are rejected row by row with their line; the other rows import', async () => {
    const ci = header.indexOf('Close')
    const nulled = new Set([3, 100, 2000]) // indexes into rows; file line = index + 2
    const body = rows.map((r, i) => (nulled.has(i) ? r.cells.map((c, k) => (k === 0 ? c : k === ci ? 'null' : c)) : r.cells))
    const { close, dry } = await importVariant('jd-null.csv', csv(header, body))
    expect(dry.totals.rejected).toBe(3)
    expect(dry.rejected).toEqual([...nulled].map((i) => ({ line: i + 2, field: 'Close', reason: 'null cell: "null"' })))
    expectReference(close, new Set([...nulled].map((i) => dayFromIso(rows[i].date))))
  })

  it('`;` as delimiter with a decimal comma', async () => {
    const body = rows.map((r) => [r.date, ...r.cells.slice(1).map((c) => c.replace('.', ','))])
    const { close, inspection } = await importVariant('jd-semicolon.csv', csv(header, body, ';'))
    expect(inspection).toMatchObject({ delimiter: ';', decimal: ',' })
    expectReference(close)
  })

  it('a trailing delimiter on the header only, or on every row but the header', async () => {
    const headerOnly = csv([...header, ''], rows.map((r) => r.cells))
    const { close, dry } = await importVariant('jd-header-trail.csv', headerOnly)
    expect(dry.totals.rejected).toBe(0)
    expectReference(close)
    await ws.close()
    expectReference((await importVariant('jd-rows-trail.csv', csv(header, rows.map((r) => [...r.cells, ''])))).close)
  })

  it('CRLF line ends, with and without a final line break, and blank lines', async () => {
    const text = csv(header, rows.map((r) => r.cells), ',', '\r\n')
    expectReference((await importVariant('jd-crlf.csv', text + '\r\n\r\n')).close)
    await ws.close()
    expectReference((await importVariant('jd-crlf-open.csv', text)).close)
  })

  it('the last row without a newline (0700.HK has one: cut it off)', async () => {
    const text = (await readPrices('0700.HK.csv')).replace(/\n+$/, '')
    ws = await openWorkspace()
    const path = await writeInput(ws, '0700.HK.csv', text)
    const dry = await dryRun(ws, { kind: 'path', path })
    expect(dry.tickers[0]).toMatchObject({ ticker: '0700.HK', new: 4792, last: '2023-11-08' })
  })

  it('UTF-8 with a BOM: the first header name is still "Date"', async () => {
    const { close, inspection } = await importVariant('jd-bom.csv', '\uFEFF' + csv(header, rows.map((r) => r.cells)))
    expect(inspection.header[0]).toBe('Date')
    expect(inspection.encoding).toBe('UTF-8 with BOM')
    expectReference(close)
  })

  it('UTF-8 without a BOM, with Chinese header names: 收盘价 (closing price) is recognised as the close', async () => {
    const ci = header.indexOf('Close')
    const body = rows.map((r) => [r.date, r.cells[ci], '京东'])
    const { close, inspection } = await importVariant('jd-zh.csv', csv(['日期', '收盘价', '名称'], body))
    expect(inspection).toMatchObject({ encoding: 'UTF-8', header: ['日期', '收盘价', '名称'] })
    expect(inspection.suggested).toMatchObject({ dateColumn: '日期', valueColumn: '收盘价', valueKind: 'close' })
    expect(inspection.sample[0][2]).toBe('京东')
    expectReference(close)
  })

  it('UTF-16LE ("Unicode text" from Excel), tab-separated', async () => {
    const text = '\uFEFF' + csv(header, rows.map((r) => r.cells), '\t', '\r\n')
    const { close, inspection } = await importVariant('jd-utf16.txt', Buffer.from(text, 'utf16le'))
    expect(inspection).toMatchObject({ encoding: 'UTF-16LE with BOM', delimiter: '\t' })
    expectReference(close)
  })

  it('a Windows-1252 (Latin-1) file with accented header names, DD.MM.YYYY dates and decimal commas', async () => {
    const ci = header.indexOf('Close')
    const body = rows.map((r) => [`${d(r.date)}.${m(r.date)}.${y(r.date)}`, r.cells[ci].replace('.', ',')])
    const text = csv(['Datum', 'Schlußkurs (€)'], body, ';')
    // Windows-1252 is Latin-1 plus a few signs in 0x80-0x9f, among them € at 0x80.
    const latin = Uint8Array.from(text, (ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0)))
    // Schlußkurs is German for the closing price: suggested by its name, the unit in brackets aside.
    const { close, inspection, dry } = await importVariant('jd-de.csv', latin)
    expect(inspection).toMatchObject({ encoding: 'Windows-1252 (Latin-1)', header: ['Datum', 'Schlußkurs (€)'], dateFormat: 'DD.MM.YYYY' })
    expect(inspection.suggested).toMatchObject({ dateColumn: 'Datum', valueColumn: 'Schlußkurs (€)', valueKind: 'close' })
    expect(dry).toMatchObject({ dateFormat: 'DD.MM.YYYY', dateFormatAmbiguous: false })
    expectReference(close)
  })

  for (const [format, write] of [
    ['DD/MM/YYYY', (s: string) => `${d(s)}/${m(s)}/${y(s)}`],
    ['MM/DD/YYYY', (s: string) => `${m(s)}/${d(s)}/${y(s)}`],
    ['YYYY/MM/DD', (s: string) => `${y(s)}/${m(s)}/${d(s)}`]
  ] as const) {
    it(`dates written ${format} are detected and read`, async () => {
      const body = rows.map((r) => [write(r.date), ...r.cells.slice(1)])
      const { close, inspection, dry } = await importVariant(`jd-${format.replace(/\//g, '')}.csv`, csv(header, body))
      expect(inspection).toMatchObject({ dateFormat: format, dateFormatAmbiguous: false })
      // Years of daily rows hold days past the 12th: the file itself proves the format.
      expect(dry).toMatchObject({ dateFormat: format, dateFormatAmbiguous: false })
      expectReference(close)
    })
  }

  it('dates that read both day-first and month-first: inspect and the dry run both say which reading is used', async () => {
    ws = await openWorkspace()
    const ci = header.indexOf('Close')
    // JD's trading days of 1-12 March 2021, written day-first: 01/03/2021 could also be 3 January.
    const march = rows.filter((r) => r.date >= '2021-03-01' && r.date <= '2021-03-12')
    const text = csv(['Date', 'Close'], march.map((r) => [`${d(r.date)}/${m(r.date)}/${y(r.date)}`, r.cells[ci]]))
    const source = { kind: 'text', name: 'jd-march.csv', text }
    const ins = await ws.call('import:inspect', { source })
    expect(ins).toMatchObject({ dateFormat: 'DD/MM/YYYY', dateFormatAmbiguous: true })
    const dry = await dryRun(ws, source, { ticker: 'JD' })
    expect(dry).toMatchObject({ dateFormat: 'DD/MM/YYYY', dateFormatAmbiguous: true, tickers: [{ first: '2021-03-01', last: '2021-03-12' }] })
    // The analyst who knows the file is month-first says so, and the dry run shows that reading.
    const other = await dryRun(ws, source, { ticker: 'JD', dateFormat: 'MM/DD/YYYY' })
    expect(other).toMatchObject({ dateFormat: 'MM/DD/YYYY', dateFormatAmbiguous: true, tickers: [{ first: '2021-01-03', last: '2021-12-03' }] })
    // One day past the 12th settles it.
    const settled = await dryRun(ws, { ...source, text: `${text}\n15/03/2021,${march[0].cells[ci]}` }, { ticker: 'JD' })
    expect(settled).toMatchObject({ dateFormat: 'DD/MM/YYYY', dateFormatAmbiguous: false })
  })

  it('a file without a header row: columns are named "Column 1", "Column 2", and the analyst names the value column', async () => {
    const ci = header.indexOf('Close')
    const bare = csv([], rows.map((r) => [r.date, r.cells[ci]])).replace(/^\n/, '')
    const { close, inspection } = await importVariant('jd-bare.csv', bare, { valueColumn: 'Column 2', valueKind: 'close' })
    // Dates prove themselves; a column of numbers could be a price or a volume, so it is not guessed.
    expect(inspection).toMatchObject({ hasHeader: false, header: ['Column 1', 'Column 2'], suggested: { dateColumn: 'Column 1' }, candidates: [] })
    expect(inspection.suggested.valueColumn).toBeUndefined()
    expectReference(close)
  })

  it('a title line above the table is skipped, and line numbers still count it', async () => {
    const ci = header.indexOf('Close')
    const body = rows.map((r, i) => [r.date, i === 0 ? 'null' : r.cells[ci]])
    const { dry, inspection } = await importVariant('jd-titled.csv', 'JD daily prices, exported 2024-03-09\n\n' + csv(['Date', 'Close'], body))
    expect(inspection).toMatchObject({ headerLine: 3, header: ['Date', 'Close'] })
    expect(dry.rejected).toEqual([{ line: 4, field: 'Close', reason: 'null cell: "null"' }])
  })

  it('rows in any order are sorted by date', async () => {
    const shuffled = [...rows].sort((a, b) => (a.cells[4] < b.cells[4] ? -1 : 1))
    expectReference((await importVariant('jd-shuffled.csv', csv(header, shuffled.map((r) => r.cells)))).close)
  })

  it('every field quoted, numbers with thousands separators, a quote inside a quoted field', async () => {
    const ci = header.indexOf('Close')
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`
    const body = rows.map((r) => r.cells.map((c, k) => (k === ci ? q(Number(c) >= 1000 ? Number(c).toLocaleString('en-US', { maximumFractionDigits: 6 }) : c) : q(c))))
    const head = header.map((h) => q(h === 'Volume' ? 'Volume "shares"' : h))
    expectReference((await importVariant('jd-quoted.csv', csv(head, body))).close)
  })
})
