/**
 * Files that cannot be imported at all. An analyst who picks one gets one clear message naming
 * the file, the line and the column (or part of the file) at fault, from the first step of the
 * wizard (inspect) where the head shows it, and always from the dry run; nothing is written and
 * the app goes on answering. Every case runs with the file picked by path (CLI, desktop) and
 * uploaded as text (browser host).
 */
import { describe, expect, it } from 'vitest'
import { basename } from 'node:path'
import type { ImportMapping } from '../../../shared/market'
import { SOURCE_KINDS, expectRefused, fixturePath, fixtureSource, openBench, readFixture, stored, type WhereExpected } from './corpus-kit'

const MAPPING: ImportMapping = { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', ticker: 'FIXT' }

interface FileCase {
  file: string
  /** What the analyst's mapping changes from MAPPING for this case. */
  mapping?: Partial<ImportMapping>
  /** The dry run's refusal. */
  want: WhereExpected
  /** Inspect's refusal, when the head already shows the problem (else inspect is not asked). */
  inspect?: WhereExpected
}

const CASES: FileCase[] = [
  {
    file: 'empty.csv',
    // No line to name: the file has none.
    want: { field: '(file)', message: 'empty.csv is empty' },
    inspect: { field: '(file)', message: 'empty.csv is empty' }
  },
  {
    file: 'whitespace-only.csv',
    want: { field: '(file)', message: 'whitespace-only.csv is empty' },
    inspect: { field: '(file)', message: 'whitespace-only.csv is empty' }
  },
  {
    file: 'header-only.csv',
    want: { line: 1, field: '(file)', message: 'header-only.csv: no data rows after the header on line 1' },
    inspect: { line: 1, field: '(file)', message: 'no data rows after the header on line 1' }
  },
  {
    file: 'title-only.csv',
    want: { line: 1, field: '(file)', message: 'title-only.csv: no delimiter found on line 1' },
    inspect: { line: 1, field: '(file)', message: 'no delimiter found on line 1' }
  },
  {
    file: 'space-delimited.txt',
    want: { line: 1, field: '(file)', message: 'no delimiter found on line 1 (tried , ; tab |)' },
    inspect: { line: 1, field: '(file)', message: 'no delimiter found on line 1' }
  },
  {
    // The wizard detected `;`; the analyst forced `,`: the message names the real delimiter.
    file: 'semicolons.csv',
    mapping: { delimiter: ',' },
    want: { line: 1, field: 'delimiter', message: 'semicolons.csv: line 1 has no "," (the delimiter asked for), so every row is one column; the file looks delimited by ";"' }
  },
  {
    file: 'unclosed-quote.csv',
    want: { line: 3, field: 'field 2', message: 'unclosed-quote.csv: line 3: a quote opened in field 2 is never closed' },
    inspect: { line: 3, field: 'field 2', message: 'line 3: a quote opened in field 2 is never closed' }
  },
  {
    file: 'missing-date-column.csv',
    want: { line: 1, field: 'Date', message: 'missing-date-column.csv: no date column named "Date" on line 1; the columns are "Open", "Close"' },
    inspect: { line: 2, field: '(header)', message: 'missing-date-column.csv: no date column: none of "Open", "Close" holds dates (line 2)' }
  },
  {
    // Mapped by hand to a column of numbers: its first cell is quoted back.
    file: 'missing-date-column.csv',
    mapping: { dateColumn: 'Open' },
    want: { line: 2, field: 'Open', message: 'column "Open" holds no dates Capwatch can read (line 2: "9.90")' }
  },
  {
    file: 'missing-value-column.csv',
    want: { line: 1, field: 'Close', message: 'missing-value-column.csv: no value column named "Close" on line 1; the columns are "Date", "Volume"' }
  },
  {
    // No column is named as a price: none is taken by its position, the analyst must name one.
    file: 'unnamed-columns.csv',
    mapping: { dateColumn: 'Foo' },
    want: { line: 1, field: 'Close', message: 'unnamed-columns.csv: no value column named "Close" on line 1; the columns are "Foo", "Bar"' }
  },
  {
    // Windows-1252 `Schlussé`: close to Schluss (German for the close), and still not it.
    file: 'unknown-value-name.csv',
    mapping: { dateColumn: 'Datum' },
    want: { line: 1, field: 'Close', message: 'unknown-value-name.csv: no value column named "Close" on line 1; the columns are "Datum", "Schlussé"' }
  },
  {
    file: 'duplicated-value-column.csv',
    want: { line: 1, field: 'Close', message: 'line 1 has 2 columns named "Close" (columns 2 and 3), so the value column is ambiguous; rename one' }
  },
  {
    file: 'duplicated-date-column.csv',
    want: { line: 1, field: 'Date', message: 'line 1 has 2 columns named "Date" (columns 1 and 2), so the date column is ambiguous' }
  },
  {
    file: 'png-header.csv',
    // The signature's CR LF and LF end lines 1 and 2; the first NUL follows on line 3.
    want: { line: 3, field: '(file)', message: 'png-header.csv is not a text file (binary data on line 3); export it as CSV' },
    inspect: { line: 3, field: '(file)', message: 'png-header.csv is not a text file' }
  },
  {
    file: 'nul-bytes.csv',
    want: { line: 3, field: '(file)', message: 'nul-bytes.csv is not a text file (binary data on line 3)' },
    inspect: { line: 3, field: '(file)', message: 'is not a text file' }
  },
  // A malformed mapping over a good file: the column, not the file, is what is wrong.
  {
    file: 'crlf.csv',
    mapping: { valueColumn: 'Price' },
    want: { line: 1, field: 'Price', message: 'crlf.csv: no value column named "Price" on line 1; the columns are "Date", "Close"' }
  },
  {
    file: 'crlf.csv',
    mapping: { ticker: undefined, tickerColumn: 'Ticker' },
    want: { line: 1, field: 'Ticker', message: 'no ticker column named "Ticker" on line 1' }
  },
  {
    file: 'crlf.csv',
    mapping: { dateColumn: 'Close' },
    want: { field: 'Close', message: 'crlf.csv: the date column and the value column must differ' }
  },
  {
    file: 'crlf.csv',
    mapping: { ticker: undefined },
    want: { field: 'ticker', message: "crlf.csv: name the ticker of this file, or the column that holds each row's ticker" }
  }
]

describe('files refused as a whole', () => {
  for (const c of CASES) {
    const changed = c.mapping ? ` (mapping ${JSON.stringify(c.mapping)})` : ''
    for (const kind of SOURCE_KINDS) {
      it(`${c.file}${changed}, by ${kind}`, async () => {
        const bench = await openBench()
        const source = await fixtureSource(bench, kind, c.file)
        const mapping = { ...MAPPING, ...c.mapping }
        if (c.inspect) await expectRefused(bench, () => bench.call('import:inspect', { source }), { file: c.file, ...c.inspect })
        await expectRefused(bench, () => bench.call('import:preview', { source, mapping }), { file: c.file, ...c.want })
      })
    }
  }
})

describe('a file without a column named as a price', () => {
  const files: [file: string, dateColumn: string][] = [
    // Volume is not a price.
    ['missing-value-column.csv', 'Date'],
    // Foo and Bar say nothing: Foo holds dates (found by its cells), Bar is not guessed to be a price.
    ['unnamed-columns.csv', 'Foo'],
    ['unknown-value-name.csv', 'Datum']
  ]
  for (const [file, dateColumn] of files) {
    it(`${file}: inspect finds the dates but offers no value column, for the analyst to name`, async () => {
      const bench = await openBench()
      for (const kind of SOURCE_KINDS) {
        const ins = await bench.call('import:inspect', { source: await fixtureSource(bench, kind, file) })
        expect(ins.suggested).toMatchObject({ dateColumn })
        expect(ins.suggested.valueColumn).toBeUndefined()
        expect(ins.candidates).toEqual([])
      }
    })
  }

  it('unnamed-columns.csv imports once the analyst names Bar as the close', async () => {
    const bench = await openBench()
    const dry = await bench.call('import:preview', { source: await fixtureSource(bench, 'path', 'unnamed-columns.csv'), mapping: { ...MAPPING, dateColumn: 'Foo', valueColumn: 'Bar' } })
    expect(dry.rejected).toEqual([])
    await bench.call('import:commit', { previewId: dry.previewId })
    expect(await stored(bench, 'FIXT')).toEqual([['2021-03-01', 10], ['2021-03-02', 10.5], ['2021-03-03', 11.25]])
  })
})

describe('import requests that break the contract', () => {
  const good = { kind: 'path', path: '' }
  const cases: [what: string, input: (path: string) => unknown, want: WhereExpected][] = [
    ['a formula as the ticker', (path) => ({ source: { ...good, path }, mapping: { ...MAPPING, ticker: "=cmd|' /C calc'!A0" } }), { field: 'mapping.ticker', message: 'must be letters, digits' }],
    ['an unknown mapping key', (path) => ({ source: { ...good, path }, mapping: { ...MAPPING, sql: 'drop table' } }), { field: 'mapping', message: 'Unrecognized key: "sql"' }],
    ['a value kind that does not exist', (path) => ({ source: { ...good, path }, mapping: { ...MAPPING, valueKind: 'volume' } }), { field: 'mapping.valueKind' }],
    ['a date format that does not exist', (path) => ({ source: { ...good, path }, mapping: { ...MAPPING, dateFormat: 'YYYYMMDD' } }), { field: 'mapping.dateFormat' }],
    ['an empty date column name', (path) => ({ source: { ...good, path }, mapping: { ...MAPPING, dateColumn: '' } }), { field: 'mapping.dateColumn' }],
    ['a source of an unknown kind', () => ({ source: { kind: 'url', url: 'http://example.invalid/x.csv' }, mapping: MAPPING }), { field: 'source.kind' }]
  ]
  for (const [what, input, want] of cases) {
    it(`import:preview with ${what}`, async () => {
      const bench = await openBench()
      await expectRefused(bench, () => bench.call('import:preview', input(fixturePath('crlf.csv'))), want)
    })
  }

  it('a folder or a missing file as the source: the name is said, nothing read', async () => {
    const bench = await openBench()
    const preview = (path: string) => () => bench.call('import:preview', { source: { kind: 'path', path }, mapping: MAPPING })
    await expectRefused(bench, preview(bench.scratch), { file: basename(bench.scratch), message: 'is a folder, not a file' })
    await expectRefused(bench, preview(fixturePath('no-such-file.csv')), { file: 'no-such-file.csv', message: 'no-such-file.csv: no such file' })
  })

  it('committing a dry run that does not exist', async () => {
    const bench = await openBench()
    await expectRefused(bench, () => bench.call('import:commit', { previewId: 'dry-forged' }), { code: 'not_found', message: 'No dry run dry-forged' })
  })
})

describe('uploads a page decoded as UTF-8 only (what File.text() does)', () => {
  // The page should decode with the shared decoder (see README); if it does not, a UTF-16 file is
  // refused as binary rather than imported as noise.
  it('UTF-16 arrives full of NULs: refused as not text', async () => {
    const bench = await openBench()
    const text = new TextDecoder('utf-8').decode(await readFixture('utf16le.csv'))
    await expectRefused(bench, () => bench.call('import:preview', { source: { kind: 'text', name: 'utf16le.csv', text }, mapping: MAPPING }), {
      file: 'utf16le.csv',
      line: 1,
      field: '(file)',
      message: 'utf16le.csv is not a text file (binary data on line 1)'
    })
  })

  it('Windows-1252 arrives with U+FFFD in its header: names match loosely (letters a-z, digits), so the values still import exactly', async () => {
    const bench = await openBench()
    const text = new TextDecoder('utf-8').decode(await readFixture('latin1-header.csv'))
    const mapping = { ...MAPPING, dateColumn: 'Datum', valueColumn: 'Clôture €' }
    const dry = await bench.call('import:preview', { source: { kind: 'text', name: 'latin1-header.csv', text }, mapping })
    expect(dry.rejected).toEqual([])
    await bench.call('import:commit', { previewId: dry.previewId })
    expect(await stored(bench, 'FIXT')).toEqual([['2021-03-01', 10], ['2021-03-02', 10.5], ['2021-03-03', 11.25]])
  })
})
