/** import.1m and export.events: the two bulk paths, each against PapaParse on the same data. */
import Papa from 'papaparse'
import type { Core } from '../../src/main/core/core'
import { call } from '../../src/main/core/dispatch'
import { cliHooks, createHandlers } from '../../src/main/core/handlers'
import { companyLabel } from '../../src/main/core/companies'
import { eventDateText, isoFromDay } from '../../src/shared/dates'
import { best, gc, result, time, type BenchResult } from '../measure'
import { tradingDays } from '../generate'
import { rng } from '../random'

/** A long-format multi-ticker price file of `rows` rows, Yahoo-like columns plus a Ticker column. */
export function millionRowCsv(rows = 1_000_000, tickers = 400): string {
  const r = rng(99)
  const days = tradingDays(Math.ceil(rows / tickers)).map(isoFromDay)
  const out: string[] = ['Date,Ticker,Open,High,Low,Close,Adj Close,Volume']
  let n = 0
  for (let t = 0; t < tickers && n < rows; t++) {
    let p = 10 + r() * 100
    const ticker = `IMP${String(t).padStart(4, '0')}`
    for (const d of days) {
      if (n++ >= rows) break
      p = Math.max(1, p * (1 + (r() - 0.5) * 0.04))
      const c = p.toFixed(6)
      out.push(`${d},${ticker},${c},${(p * 1.01).toFixed(6)},${(p * 0.99).toFixed(6)},${c},${c},${Math.floor(r() * 1e7)}`)
    }
  }
  return out.join('\n')
}

export async function import1m(core: Core): Promise<BenchResult> {
  const text = millionRowCsv()
  const baseline = await best(2, () => {
    Papa.parse(text, { header: false, skipEmptyLines: true })
    gc()
  })
  const handlers = createHandlers(core, cliHooks)
  // Responsiveness: the largest gap between ticks of a 10 ms timer while the import runs.
  let worstLag = 0
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    worstLag = Math.max(worstLag, now - last - 10)
    last = now
  }, 10)
  const [ms, committed] = await time(async () => {
    const source = { kind: 'text' as const, name: 'million.csv', text }
    const dry = await call(handlers, 'import:preview', { source, mapping: { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', tickerColumn: 'Ticker' } })
    return call(handlers, 'import:commit', { previewId: dry.previewId })
  })
  clearInterval(timer)
  return result({
    id: 'import.1m',
    what: 'import a 1,000,000-row price CSV (dry run + commit)',
    value: ms,
    unit: 'ms',
    baseline: 'Papa.parse of the same text to strings',
    baseline_value: baseline,
    target: '<= 2 x baseline, event loop never blocked long',
    met: ms <= 2 * baseline,
    note: `${committed.totals.new} points, ${committed.tickers.length} tickers; longest event-loop stall ${worstLag.toFixed(0)} ms`
  })
}

export async function exportEvents(core: Core): Promise<BenchResult> {
  const handlers = createHandlers(core, cliHooks)
  const header = ['id', 'date', 'title', 'category', 'authority', 'companies', 'tags', 'summary', 'sources', 'note_count', 'notes']
  // The same rows, as Papa.unparse takes them (it neutralises nothing). Both sides gather the rows
  // from the workspace and write the whole file; the baseline's writer is Papa's.
  const rowsOf = () =>
    core.events.list({ sort: { column: 'date', desc: false } }).map((e) => {
      const notes = core.notes.chronological(e.id)
      return [
        e.id,
        eventDateText(e),
        e.title,
        e.category,
        e.authority,
        e.companies.map((c) => companyLabel(core.store.companies.get(c), c)).join('; '),
        e.tags.join('; '),
        e.summary,
        e.sources.join('; '),
        notes.length,
        notes.map((n) => n.text).join('\n\n')
      ]
    })
  const rows = rowsOf()
  let unparseOnly = Infinity
  // Both sides end with the report as UTF-8 bytes, which is what every adapter makes of it (the
  // CLI's file, the host's download, the IPC message): a string is not yet an export. Capwatch's
  // writer encodes each cell into parts as it goes (csv/write.ts); Papa's string is encoded after.
  const baseline = await best(3, () => {
    const built = rowsOf()
    const t0 = performance.now()
    Buffer.from(Papa.unparse({ fields: header, data: built }), 'utf8')
    unparseOnly = Math.min(unparseOnly, performance.now() - t0)
  })
  let size = 0
  const value = await best(3, async () => {
    const res = await call(handlers, 'reports:export', { report: 'events' })
    size = res.csv.reduce((n, part) => n + part.length, 0)
  })
  return result({
    id: 'export.events',
    what: 'export the 100k-event report with notes, formulas neutralised, to UTF-8 bytes',
    value,
    unit: 'ms',
    baseline: 'the same rows gathered, then Papa.unparse, to UTF-8 bytes',
    baseline_value: baseline,
    target: '<= 1 x baseline',
    met: value <= baseline,
    note: `${(size / 1e6).toFixed(0)} MB of CSV, ${rows.length} rows; Papa.unparse and its bytes alone: ${unparseOnly.toFixed(0)} ms`
  })
}
