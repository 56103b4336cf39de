/**
 * Odd but honest files: a BOM, other line ends, UTF-16, a Windows-1252 header, rows out of order,
 * a title above the table, grouped thousands. Refusing them would push the analyst to re-export
 * for nothing, so each one imports, to exactly the values written in it. Read by path the bytes
 * are decoded on our side; uploaded as text, the page decodes them with the same shared decoder,
 * and a second dry run of that text must find every point already stored, unchanged.
 */
import { describe, expect, it } from 'vitest'
import type { ImportMapping } from '../../../shared/market'
import { expectResponsive, fixtureSource, openBench, snapshotOf, stored } from './corpus-kit'

const MAPPING: ImportMapping = { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', ticker: 'FIXT' }

/** The rows every single-ticker fixture holds, in whatever dialect or encoding. */
const FOUR_DAYS: [string, number][] = [
  ['2021-03-01', 10],
  ['2021-03-02', 10.5],
  ['2021-03-03', 11.25],
  ['2021-03-04', 10.75]
]

interface AcceptedCase {
  file: string
  /** How inspect says it read the bytes (path sources). */
  encoding: string
  header: string[]
  kept: [string, number][]
  mapping?: Partial<ImportMapping>
  delimiter?: string
  /** The value column inspect suggests by its name (default `Close`). */
  suggested?: string
  /** How the dates are read, as the dry run reports it (default YYYY-MM-DD). */
  dateFormat?: ImportMapping['dateFormat']
}

const CASES: AcceptedCase[] = [
  // The BOM is not part of the first column's name: `Date` is found as `Date`.
  { file: 'bom.csv', encoding: 'UTF-8 with BOM', header: ['Date', 'Close'], kept: FOUR_DAYS },
  { file: 'crlf.csv', encoding: 'UTF-8', header: ['Date', 'Close'], kept: FOUR_DAYS },
  { file: 'cr-line-ends.csv', encoding: 'UTF-8', header: ['Date', 'Close'], kept: FOUR_DAYS },
  { file: 'utf16le.csv', encoding: 'UTF-16LE with BOM', header: ['Date', 'Close'], kept: FOUR_DAYS },
  { file: 'utf16be.csv', encoding: 'UTF-16BE with BOM', header: ['Date', 'Close'], kept: FOUR_DAYS },
  { file: 'utf16le-no-bom.csv', encoding: 'UTF-16LE', header: ['Date', 'Close'], kept: FOUR_DAYS },
  {
    // Excel on a German or French desktop: Windows-1252, `;`, decimal commas, day-first dates.
    file: 'latin1-header.csv',
    encoding: 'Windows-1252 (Latin-1)',
    header: ['Datum', 'Schlußkurs', 'Clôture €'],
    mapping: { dateColumn: 'Datum', valueColumn: 'Clôture €' },
    delimiter: ';',
    // Both name the close (German, French); the first is suggested, the analyst chose the other.
    suggested: 'Schlußkurs',
    dateFormat: 'DD.MM.YYYY',
    kept: [['2021-03-01', 10], ['2021-03-02', 10.5], ['2021-03-03', 11.25]]
  },
  // Stored by date, whatever the file's order.
  { file: 'unordered-dates.csv', encoding: 'UTF-8', header: ['Date', 'Close'], kept: FOUR_DAYS },
  { file: 'title-above-table.csv', encoding: 'UTF-8', header: ['Date', 'Close'], kept: FOUR_DAYS },
  {
    file: 'thousands-decimal-comma.csv',
    encoding: 'UTF-8',
    header: ['Date', 'Close'],
    delimiter: ';',
    kept: [['2021-03-01', 1234.5], ['2021-03-02', 12345678.25], ['2021-03-03', 1240]]
  }
]

describe('odd but importable files import to exactly their values', () => {
  for (const c of CASES) {
    it(`${c.file} (${c.encoding})`, async () => {
      const bench = await openBench()
      const mapping = { ...MAPPING, ...c.mapping }
      const byPath = await fixtureSource(bench, 'path', c.file)
      const ins = await bench.call('import:inspect', { source: byPath })
      expect(ins).toMatchObject({ encoding: c.encoding, header: c.header, delimiter: c.delimiter ?? ',' })
      expect(ins.suggested.dateColumn).toBe(mapping.dateColumn)
      expect(ins.suggested.valueColumn).toBe(c.suggested ?? 'Close')

      const before = await snapshotOf(bench)
      const dry = await bench.call('import:preview', { source: byPath, mapping })
      expect(dry.rejected).toEqual([])
      expect(dry.totals).toMatchObject({ new: c.kept.length, rejected: 0 })
      expect(dry).toMatchObject({ dateFormat: c.dateFormat ?? 'YYYY-MM-DD', dateFormatAmbiguous: false })
      expect(await snapshotOf(bench)).toEqual(before)
      await bench.call('import:commit', { previewId: dry.previewId })
      expect(await stored(bench, 'FIXT')).toEqual(c.kept)

      const again = await bench.call('import:preview', { source: await fixtureSource(bench, 'text', c.file), mapping })
      expect(again.totals).toMatchObject({ new: 0, replaced: 0, unchanged: c.kept.length, rejected: 0 })
      await expectResponsive(bench)
    })
  }
})
