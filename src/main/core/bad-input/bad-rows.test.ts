/**
 * Files with some bad rows. The dry run lists each bad row with its line, column and reason and
 * writes nothing; the commit then stores exactly the good rows, by date, and nothing else. The
 * page's upload (text) and the CLI's path must read the file the same way.
 */
import { describe, expect, it } from 'vitest'
import type { ImportMapping, RejectedRow } from '../../../shared/market'
import { expectRefused, expectResponsive, fixtureSource, openBench, snapshotOf, stored } from './corpus-kit'

const MAPPING: ImportMapping = { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', ticker: 'FIXT' }

interface RowsCase {
  file: string
  rejected: RejectedRow[]
  /** What the commit stores: the good rows, by date, each date once. */
  kept: [string, number][]
  mapping?: Partial<ImportMapping>
}

const row = (line: number, field: string, reason: string): RejectedRow => ({ line, field, reason })

const CASES: RowsCase[] = [
  {
    file: 'quote-mid-field.csv',
    rejected: [
      row(3, 'Close', 'broken quoting: a quote inside an unquoted cell: 10"50'),
      row(4, 'Date', 'broken quoting: a quote inside an unquoted cell: 2021-03"-03')
    ],
    kept: [['2021-03-01', 10], ['2021-03-04', 10.75]]
  },
  {
    file: 'text-after-quote.csv',
    rejected: [row(3, '(row)', 'broken quoting: text after a closing quote')],
    kept: [['2021-03-01', 10], ['2021-03-03', 11.25]]
  },
  {
    file: 'non-numeric.csv',
    rejected: [
      row(3, 'Close', 'non-numeric value: "abc"'),
      row(4, 'Close', 'non-numeric value: "1.2.3"'),
      row(5, 'Close', 'non-numeric value: "$12"'),
      row(6, 'Close', 'non-numeric value: "12 USD"'),
      row(7, 'Close', 'non-numeric value: "#VALUE!"')
    ],
    kept: [['2021-03-01', 10], ['2021-03-09', 11]]
  },
  {
    file: 'negative-zero.csv',
    rejected: [
      row(3, 'Close', 'negative or zero price: -10.50'),
      row(4, 'Close', 'negative or zero price: 0'),
      row(5, 'Close', 'negative or zero price: 0.00'),
      row(6, 'Close', 'negative or zero price: -0')
    ],
    kept: [['2021-03-01', 10], ['2021-03-08', 11]]
  },
  {
    // The first row of a date wins; every repeat names the line it repeats.
    file: 'duplicate-dates.csv',
    rejected: [row(4, 'Date', 'duplicate date: 2021-03-02 (first on line 3)'), row(6, 'Date', 'duplicate date: 2021-03-01 (first on line 2)')],
    kept: [['2021-03-01', 10], ['2021-03-02', 10.5], ['2021-03-03', 11.25]]
  },
  {
    file: 'impossible-dates.csv',
    rejected: [
      row(3, 'Date', 'impossible date: "2021-02-30"'),
      row(4, 'Date', 'impossible date: "2021-13-01"'),
      row(5, 'Date', 'impossible date: "2021-04-31"'),
      row(6, 'Date', 'impossible date: "2021-00-10"'),
      row(7, 'Date', 'impossible date: "2019-02-29"')
    ],
    // 2020 was a leap year: its 29 February is a real date.
    kept: [['2020-02-29', 10.6], ['2021-03-01', 10]]
  },
  {
    // Quoted grouped numbers are numbers; unquoted, `1,240.00` splits the row in three.
    file: 'thousands-separators.csv',
    rejected: [row(4, '(row)', 'wrong column count: 3 fields, the header has 2'), row(5, 'Close', 'non-numeric value: "1,24.00"')],
    kept: [['2021-03-01', 1234.5], ['2021-03-02', 12345678.25], ['2021-03-05', 1250.75]]
  },
  {
    // A trailing delimiter (line 5) is an export quirk, not a wrong column count.
    file: 'wrong-column-count.csv',
    rejected: [row(3, '(row)', 'wrong column count: 2 fields, the header has 3'), row(4, '(row)', 'wrong column count: 4 fields, the header has 3')],
    kept: [['2021-03-01', 10], ['2021-03-04', 10.75]]
  }
]

describe('bad rows in an otherwise good file', () => {
  for (const c of CASES) {
    it(`${c.file}: the dry run lists ${c.rejected.length} bad rows by line, field and reason; nothing is written until the analyst agrees to skip them`, async () => {
      const bench = await openBench()
      const mapping = { ...MAPPING, ...c.mapping }
      const before = await snapshotOf(bench)
      const byPath = await bench.call('import:preview', { source: await fixtureSource(bench, 'path', c.file), mapping })
      const byText = await bench.call('import:preview', { source: await fixtureSource(bench, 'text', c.file), mapping })
      expect(byPath.rejected).toEqual(c.rejected)
      expect(byPath.totals).toMatchObject({ new: c.kept.length, replaced: 0, rejected: c.rejected.length })
      expect({ ...byText, previewId: '' }).toEqual({ ...byPath, previewId: '' })
      // Two dry runs later, not a byte has changed.
      expect(await snapshotOf(bench)).toEqual(before)

      // Committing as is is refused, naming the first bad row, and still writes nothing.
      const first = c.rejected[0]
      await expectRefused(bench, () => bench.call('import:commit', { previewId: byPath.previewId }), {
        code: 'invalid_input',
        message: `${c.file}: ${c.rejected.length} ${c.rejected.length === 1 ? 'row was' : 'rows were'} rejected (first: line ${first.line}, ${first.field}: ${first.reason}); nothing written`,
        file: c.file,
        line: first.line,
        field: first.field
      })
      expect(await snapshotOf(bench)).toEqual(before)

      const result = await bench.call('import:commit', { previewId: byPath.previewId, skipRejected: true })
      expect(result.written).toEqual(['FIXT'])
      expect(await stored(bench, 'FIXT')).toEqual(c.kept)
      // Only the meta (series index, FIXT's new company) and FIXT's own file changed: the events
      // and the real series imported before are byte-for-byte as they were.
      const after = await snapshotOf(bench)
      for (const [file, bytes] of before) if (file !== 'capwatch.json') expect(after.get(file), file).toBe(bytes)
      expect([...after.keys()].filter((f) => !before.has(f))).toEqual([expect.stringMatching(/^series\/FIXT-/)])
      await expectResponsive(bench)
    })
  }
})
