/**
 * Formula injection (OWASP "CSV injection") through every text field an analyst or a file can
 * fill: ticker cells of an imported file, company name, event title / summary / tags / sources,
 * note text. Capwatch stores each one as the text it was given, and every report that carries it
 * (events, notes, impact, marketcap) writes it so that no spreadsheet runs it: a text cell never
 * starts with = + - @ tab or CR; one that would is prefixed with a single quote.
 */
import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import type { ReportName } from '../../../shared/api'
import { expectResponsive, fixtureSource, openBench, type Bench } from './corpus-kit'
import { csvText } from '../csv/write'

/** The classic payloads, one per way a spreadsheet starts a formula. */
const PAYLOADS = ["=cmd|' /C calc'!A0", '+SUM(1,2)', '-2+3', '@A1', '\t=1+1', '\r=HYPERLINK("http://example.invalid")']

const FORMULA_START = /^[=+\-@\t\r]/
/** What a report may start with a formula character: a number it wrote as a number. */
const NUMBER = /^-?\d+(\.\d+)?$/

const INVALID_TICKER = '(must be letters, digits, . ^ = _ or -)'

/** Import formula-tickers.csv (by path and as text: the same dry run), commit it; the dry run. */
async function importFormulaTickers(bench: Bench) {
  const mapping = { dateColumn: 'Date', valueColumn: 'Market Cap', valueKind: 'market_cap', tickerColumn: 'Ticker' }
  const byPath = await bench.call('import:preview', { source: await fixtureSource(bench, 'path', 'formula-tickers.csv'), mapping })
  const byText = await bench.call('import:preview', { source: await fixtureSource(bench, 'text', 'formula-tickers.csv'), mapping })
  expect({ ...byText, previewId: '' }).toEqual({ ...byPath, previewId: '' })
  await bench.call('import:commit', { previewId: byPath.previewId, skipRejected: true })
  return byPath
}

/** Every data cell of a report as a reader sees it (PapaParse, not our writer's own logic). */
async function exportCells(bench: Bench, report: ReportName, dialect: { bom: boolean; delimiter: ',' | ';' } = { bom: false, delimiter: ',' }) {
  const { csv } = await bench.call('reports:export', { report, dialect })
  const parsed = Papa.parse<string[]>(csvText(csv).replace(/^\uFEFF/, ''), { delimiter: dialect.delimiter, skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  const [header, ...rows] = parsed.data
  return { header, rows, column: (name: string) => rows.map((r) => r[header.indexOf(name)]) }
}

function expectNoFormula(report: string, rows: string[][]): void {
  for (const row of rows) for (const cell of row) if (FORMULA_START.test(cell)) expect(cell, `${report}: a cell a spreadsheet would run`).toMatch(NUMBER)
}

describe('formula payloads in every text field', () => {
  it('are stored as the text given and leave every report neutralised', async () => {
    const bench = await openBench({ empty: true })

    // 1. Ticker cells: those the ticker rules allow (=CMD, -2, and "\t=1" trimmed to =1) are
    // stored as written; the rest are rejected rows that name line, column and rule.
    const dry = await importFormulaTickers(bench)
    expect(dry.rejected).toEqual([
      { line: 8, field: 'Ticker', reason: `invalid ticker: "=cmd|' /C calc'!A0" ${INVALID_TICKER}` },
      { line: 9, field: 'Ticker', reason: `invalid ticker: "+SUM(1,2)" ${INVALID_TICKER}` },
      { line: 10, field: 'Ticker', reason: `invalid ticker: "-2+3" ${INVALID_TICKER}` },
      { line: 11, field: 'Ticker', reason: `invalid ticker: "@A1" ${INVALID_TICKER}` },
      { line: 12, field: 'Ticker', reason: `invalid ticker: "=1+1" ${INVALID_TICKER}` }
    ])
    expect(dry.tickers.map((t) => t.ticker)).toEqual(['-2', '=1', '=CMD'])
    expect((await bench.call('series:list', {})).map((s) => s.ticker)).toEqual(['-2', '=1', '=CMD'])

    // 2. Company names, Chinese names, sectors: the import's companies renamed, and unlisted ones.
    const listed = await bench.call('companies:list', {})
    const companyIds: string[] = []
    for (const [i, p] of PAYLOADS.entries()) {
      const fields = { name: p, nameZh: p, sector: p, notes: p }
      const row = listed[i] ? await bench.call('companies:update', { id: listed[i].id, patch: fields }) : await bench.call('companies:create', { fields })
      expect(row).toMatchObject({ name: p.trim(), nameZh: p, sector: p, notes: p })
      companyIds.push(row.id)
    }

    // 3. Events and notes: every text field holds a payload; the same day as the imported caps.
    for (const p of PAYLOADS) {
      const fields = { date: '2021-03-02', title: p, summary: p, tags: [p], sources: [p], companies: companyIds }
      const event = await bench.call('events:create', { fields })
      await bench.call('notes:add', { eventId: event.id, text: p })
      const { event: kept, notes } = await bench.call('events:get', { id: event.id })
      // Stored as text, exactly (title, tags, sources and notes are trimmed, as any text is).
      expect(kept).toMatchObject({ title: p.trim(), summary: p, tags: [p.trim()], sources: [p.trim()] })
      expect(notes.map((n) => n.text)).toEqual([p.trim()])
    }

    // 4. Every report: no cell a spreadsheet would run; each payload there, behind a quote.
    const neutral = (s: string): string => `'${s}`
    const titles = PAYLOADS.map((p) => neutral(p.trim())).sort()

    const events = await exportCells(bench, 'events')
    expectNoFormula('events', events.rows)
    expect(events.column('title').sort()).toEqual(titles)
    expect(events.column('summary').sort()).toEqual(PAYLOADS.map(neutral).sort())
    expect(events.column('tags').sort()).toEqual(titles)
    expect(events.column('sources').sort()).toEqual(titles)
    expect(events.column('notes').sort()).toEqual(titles)
    expect(new Set(events.column('companies'))).toEqual(new Set([neutral(['-2', '=1', '=CMD', ...PAYLOADS.slice(3).map((p) => p.trim())].join('; '))]))

    // The same, in the dialect a European Excel opens (`;`, BOM).
    const semicolon = await exportCells(bench, 'events', { bom: true, delimiter: ';' })
    expectNoFormula('events (;)', semicolon.rows)
    expect(semicolon.column('title').sort()).toEqual(titles)

    const notes = await exportCells(bench, 'notes')
    expectNoFormula('notes', notes.rows)
    expect(notes.column('text').sort()).toEqual(titles)
    expect(notes.column('event_title').sort()).toEqual(titles)

    const impact = await exportCells(bench, 'impact')
    expectNoFormula('impact', impact.rows)
    expect(new Set(impact.column('event_title'))).toEqual(new Set(titles))
    expect(new Set(impact.column('ticker'))).toEqual(new Set(["'-2", "'=1", "'=CMD", '']))
    expect(new Set(impact.column('company'))).toEqual(new Set(titles))

    const marketcap = await exportCells(bench, 'marketcap')
    expectNoFormula('marketcap', marketcap.rows)
    expect(marketcap.column('ticker')).toEqual(["'-2", "'-2", "'=1", "'=1", "'=CMD", "'=CMD"])
    expect(marketcap.column('market_cap')).toEqual(['2000000', '2100000', '3000000', '3100000', '1000000', '1100000'])

    await expectResponsive(bench, PAYLOADS.length)
  })
})
