/**
 * Bad files: a file that cannot be imported at all is refused with its name, line and field;
 * a file with some bad rows gets each of them listed with line, field and reason. Either way the
 * data directory is byte-for-byte what it was until a good dry run is committed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { browserHooks, noDialogs } from '../handlers'
import { PRICES_DIR, failure, openWorkspace, readPrices, snapshot, textSource, writeInput, type Workspace } from './test-kit'

const MAPPING = { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', ticker: 'BABA' } as const

let ws: Workspace
let before: Map<string, string>
beforeEach(async () => {
  ws = await openWorkspace({ starter: true })
  before = await snapshot(ws.dir)
})
afterEach(async () => {
  // Whatever the test did, nothing reached the disk.
  expect(await snapshot(ws.dir)).toEqual(before)
  await ws.close()
})

async function refused(name: string, content: string | Uint8Array, mapping: object = MAPPING) {
  const source = { kind: 'path', path: await writeInput(ws, name, content) }
  return failure(ws.call('import:preview', { source, mapping }))
}

describe('files that cannot be imported at all', () => {
  it('an empty file, and one of blank lines', async () => {
    for (const content of ['', '\n\r\n  \n']) {
      const e = await refused('empty.csv', content)
      expect(e).toMatchObject({ code: 'invalid_input', file: 'empty.csv' })
      expect(e.message).toBe('empty.csv is empty')
    }
  })

  it('a header and no rows', async () => {
    const e = await refused('header-only.csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n')
    expect(e.message).toBe('header-only.csv: no data rows after the header on line 1')
    expect(e.issues?.[0]).toMatchObject({ line: 1 })
  })

  it('no date column: inspect says so', async () => {
    const source = textSource('no-date.csv', 'Open,Close\n1.5,2.5\n1.6,2.6\n')
    const e = await failure(ws.call('import:inspect', { source }))
    expect(e.code).toBe('invalid_input')
    expect(e.message).toBe('no-date.csv: no date column: none of "Open", "Close" holds dates (line 2)')
  })

  it('a mapping that names a column the file does not have', async () => {
    const e = await refused('BABA.csv', await readPrices('BABA.csv'), { ...MAPPING, valueColumn: 'Price' })
    expect(e.message).toContain('BABA.csv: no value column named "Price" on line 1; the columns are "Date", "Open"')
    expect(e.issues?.[0]).toMatchObject({ path: 'Price', line: 1 })
  })

  it('two columns with the mapped name make the mapping ambiguous', async () => {
    const e = await refused('dup-header.csv', 'Date,Close,Close\n2020-01-02,1,2\n')
    expect(e.message).toBe('dup-header.csv: line 1 has 2 columns named "Close" (columns 2 and 3), so the value column is ambiguous; rename one')
    expect(e.issues?.[0]).toMatchObject({ path: 'Close', line: 1 })
  })

  it('binary garbage', async () => {
    const e = await refused('prices.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(4096)]))
    expect(e.code).toBe('invalid_input')
    expect(e.message).toMatch(/^prices\.xlsx is not a text file \(binary data on line \d+\)/)
  })

  it('a quote that is never closed names its line and field', async () => {
    const e = await refused('quote.csv', 'Date,Close\n2020-01-02,1.5\n2020-01-03,"1.6\n2020-01-06,1.7\n')
    expect(e.message).toBe('quote.csv: line 3: a quote opened in field 2 is never closed')
    expect(e.issues?.[0]).toMatchObject({ line: 3, path: 'field 2' })
  })

  it('a single-ticker file without a ticker', async () => {
    const { ticker: _, ...noTicker } = MAPPING
    const e = await refused('BABA.csv', await readPrices('BABA.csv'), noTicker)
    expect(e.message).toBe("BABA.csv: name the ticker of this file, or the column that holds each row's ticker")
  })

  it('a file that does not exist', async () => {
    const e = await failure(ws.call('import:preview', { source: { kind: 'path', path: join(ws.scratch, 'missing.csv') }, mapping: MAPPING }))
    expect(e.message).toBe('missing.csv: no such file')
  })

  it('the desktop app reads only the path the user picked in its open dialog', async () => {
    const picked = join(PRICES_DIR, 'PDD.csv')
    const desktop = await openWorkspace({ hooks: { name: 'electron', dialogs: noDialogs, allowPath: (p) => p === picked } })
    try {
      const ins = await desktop.call('import:inspect', { source: { kind: 'path', path: picked } })
      expect(ins.name).toBe('PDD.csv')
      const e = await failure(desktop.call('import:inspect', { source: { kind: 'path', path: join(PRICES_DIR, 'BABA.csv') } }))
      expect(e).toMatchObject({ code: 'unavailable', message: 'BABA.csv: only a file picked in the open dialog can be imported' })
    } finally {
      await desktop.close()
    }
  })

  it('the browser host never reads a path, even a real price file', async () => {
    const page = await openWorkspace({ hooks: browserHooks })
    try {
      const source = { kind: 'path', path: join(PRICES_DIR, 'BABA.csv') }
      for (const call of [page.call('import:inspect', { source }), page.call('import:preview', { source, mapping: MAPPING })]) {
        const e = await failure(call)
        expect(e.code).toBe('unavailable')
        expect(e.message).toContain('cannot read files by path')
      }
    } finally {
      await page.close()
    }
  })
})

describe('bad rows in a good file', () => {
  it('each bad row is listed with its line, field and reason, and a dry run writes nothing', async () => {
    const good = (await readPrices('BABA.csv')).split('\n').slice(0, 12)
    // Lines 2-12 are real rows; bad ones follow, each numbered by the line it lands on.
    const bad: [string, string, string][] = [
      ['2021-02-30,1,1,1,93.0,1,1', 'Date', 'impossible date: "2021-02-30"'],
      ['yesterday,1,1,1,93.0,1,1', 'Date', 'not a date: "yesterday" (expected YYYY-MM-DD)'],
      [',1,1,1,93.0,1,1', 'Date', 'missing cell: no date'],
      ['2021-03-01,1,1,1,null,1,1', 'Close', 'null cell: "null"'],
      ['2021-03-02,1,1,1,abc,1,1', 'Close', 'non-numeric value: "abc"'],
      ['2021-03-03,1,1,1,-5.5,1,1', 'Close', 'negative or zero price: -5.5'],
      ['2021-03-04,1,1,1,0,1,1', 'Close', 'negative or zero price: 0'],
      ['2021-03-05,1,1,1,,1,1', 'Close', 'missing cell: no value'],
      ['2021-03-08,1,1,1,93.0', '(row)', 'wrong column count: 5 fields, the header has 7'],
      ['2021-03-09,1,1,1,"93.0"x,1,1', '(row)', 'broken quoting: text after a closing quote'],
      [good[5], 'Date', `duplicate date: ${good[5].slice(0, 10)} (first on line 6)`]
    ]
    const text = [...good, ...bad.map((b) => b[0]), '2021-03-10,1,1,1,"1,234.5",1,1'].join('\n')
    const source = textSource('bad-rows.csv', text)
    const dry = await ws.call('import:preview', { source, mapping: MAPPING })
    expect(dry.rejected).toEqual(bad.map(([, field, reason], i) => ({ line: 13 + i, field, reason })))
    expect(dry.totals).toEqual({ rows: 11 + bad.length + 1, new: 12, replaced: 0, unchanged: 0, rejected: bad.length })
    expect(dry.tickers[0]).toMatchObject({ ticker: 'BABA', createsCompany: false, first: '2014-09-19', last: '2021-03-10' })
    // BABA is Alibaba's listing in the starter workspace: the dry run wrote nothing (afterEach checks).
  })

  it('more than 1,000 bad rows: all are counted, the first 1,000 listed in line order', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `2020-01-${String((i % 28) + 1).padStart(2, '0')},n/a`)
    const dry = await ws.call('import:preview', { source: textSource('na.csv', ['Date,Close', ...rows].join('\n')), mapping: MAPPING })
    expect(dry.totals.rejected).toBe(1500)
    expect(dry.rejected).toHaveLength(1000)
    expect(dry.rejected[999]).toEqual({ line: 1001, field: 'Close', reason: 'null cell: "n/a"' })
  })

  it('a file where every row is bad can be previewed but not committed', async () => {
    const dry = await ws.call('import:preview', { source: textSource('all-bad.csv', 'Date,Close\n2020-01-02,null\n2020-01-03,x\n'), mapping: MAPPING })
    expect(dry.totals).toMatchObject({ rows: 2, rejected: 2, new: 0 })
    const e = await failure(ws.call('import:commit', { previewId: dry.previewId }))
    expect(e.message).toBe('all-bad.csv: nothing to import: all 2 rows were rejected')
  })
})

describe('dates no price file can hold', () => {
  it('an impossible time of day, or an offset no zone has, rejects the row with its line, instead of storing it under the date', async () => {
    const text = [
      'Date,Close',
      '2021-01-04T25:00:00,10.5',
      '2021-01-05 25:61:00,10.6',
      '2021-01-06T00:00:00+25:00,10.7',
      '2021-01-07T16:00:00-05:00,10.8',
      '2021-01-08 23:59:59+08:00,10.9'
    ].join('\n')
    const dry = await ws.call('import:preview', { source: textSource('clocks.csv', text), mapping: MAPPING })
    expect(dry.rejected).toEqual([
      { line: 2, field: 'Date', reason: 'impossible time: "2021-01-04T25:00:00"' },
      { line: 3, field: 'Date', reason: 'impossible time: "2021-01-05 25:61:00"' },
      { line: 4, field: 'Date', reason: 'impossible time: "2021-01-06T00:00:00+25:00"' }
    ])
    expect(dry.tickers[0]).toMatchObject({ new: 2, first: '2021-01-07', last: '2021-01-08' })
  })

  it('a year before 1900 (0000-01-01, a filler some exports write) rejects the row', async () => {
    const dry = await ws.call('import:preview', { source: textSource('year0.csv', 'Date,Close\n0000-01-01,10.5\n1899-12-29,10.6\n2021-01-04,10.7\n'), mapping: MAPPING })
    expect(dry.rejected).toEqual([
      { line: 2, field: 'Date', reason: 'impossible date: "0000-01-01" (before 1900)' },
      { line: 3, field: 'Date', reason: 'impossible date: "1899-12-29" (before 1900)' }
    ])
    expect(dry.tickers[0]).toMatchObject({ new: 1, first: '2021-01-04', last: '2021-01-04' })
  })
})

describe('the value column is found by its name only', () => {
  it('a header that names no price (Foo, Bar) gets no value column suggested, however few its columns', async () => {
    const ins = await ws.call('import:inspect', { source: textSource('foo.csv', 'Foo,Bar\n2021-01-04,10.5\n2021-01-05,10.6\n') })
    // Foo holds dates, which prove themselves; Bar could be a volume as well as a price.
    expect(ins.suggested.dateColumn).toBe('Foo')
    expect(ins.suggested.valueColumn).toBeUndefined()
    expect(ins.candidates).toEqual([])
    // Named by the analyst, it imports.
    const dry = await ws.call('import:preview', { source: textSource('foo.csv', 'Foo,Bar\n2021-01-04,10.5\n'), mapping: { ...MAPPING, dateColumn: 'Foo', valueColumn: 'Bar' } })
    expect(dry.totals).toMatchObject({ new: 1, rejected: 0 })
  })

  it('a name close to one it knows is not taken for it (Schlussé is no Schlusskurs)', async () => {
    const ins = await ws.call('import:inspect', { source: textSource('de.csv', 'Datum;Schlussé\n04.01.2021;10,5\n05.01.2021;10,6\n') })
    expect(ins.suggested).toMatchObject({ dateColumn: 'Datum' })
    expect(ins.candidates).toEqual([])
  })

  it('names in the languages it knows, in every kind, Close before Adj Close before Market Cap', async () => {
    const header = 'Datum,Marktkapitalisierung (EUR),Bereinigter Schlusskurs,Clôture,Volume'
    const ins = await ws.call('import:inspect', { source: textSource('multi.csv', `${header}\n2021-01-04,1e9,10.4,10.5,100\n`) })
    expect(ins.candidates).toEqual([
      { column: 'Clôture', kind: 'close' },
      { column: 'Bereinigter Schlusskurs', kind: 'adj_close' },
      { column: 'Marktkapitalisierung (EUR)', kind: 'market_cap' }
    ])
    expect(ins.suggested).toMatchObject({ valueColumn: 'Clôture', valueKind: 'close' })
  })
})

describe('messages name the line at fault', () => {
  it('rows wider or narrower than the header are bad rows; the header keeps its names', async () => {
    const source = textSource('odd.csv', 'Date,Close\n2021-01-04,10,99\n2021-01-05')
    const ins = await ws.call('import:inspect', { source })
    expect(ins).toMatchObject({ hasHeader: true, headerLine: 1, header: ['Date', 'Close'], suggested: { dateColumn: 'Date', valueColumn: 'Close' } })
    const dry = await ws.call('import:preview', { source, mapping: MAPPING })
    expect(dry.rejected).toEqual([
      { line: 2, field: '(row)', reason: 'wrong column count: 3 fields, the header has 2' },
      { line: 3, field: '(row)', reason: 'wrong column count: 1 field, the header has 2' }
    ])
  })

  it('a first row running past the head is named as too long, not as missing', async () => {
    const source = textSource('digits.csv', `Date,Close\n2021-01-04,${'9'.repeat(1024 * 1024)}`)
    for (const call of [ws.call('import:inspect', { source }), ws.call('import:preview', { source, mapping: MAPPING })]) {
      const e = await failure(call)
      expect(e.message).toBe('digits.csv: line 2 has no line break within the first 256 KB of the file: a price file has one row per line')
      expect(e.issues?.[0]).toMatchObject({ line: 2, path: '(row)' })
    }
  })
})
