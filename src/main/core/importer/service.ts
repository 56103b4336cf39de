/**
 * The import engine behind the wizard and `capwatch import prices`: inspect a file's head, dry-run
 * the whole file (nothing written), then commit that dry run as it was shown. One service per
 * core holds the latest dry runs and the progress of running jobs.
 */
import type { ImportDryRun, ImportInspection, ImportMapping, ImportResult, ImportSource } from '../../../shared/market'
import { ApiError } from '../../../shared/errors'
import type { Core } from '../core'
import type { AdapterHooks } from '../handlers'
import { newId } from '../ids'
import { readSource } from './source'
import { detectDateFormat, detectLayout, type Layout } from './detect'
import { listColumns, resolveColumn, suggestMapping } from './columns'
import { parseRows } from './parse'
import { buildPreview, dryRunOf, type Preview } from './dry-run'
import { applyPreview } from './commit'
import { canonicalTicker, guessCurrency } from './listings'
import { Jobs } from './jobs'
import type { DateFormat } from './cells'

/** Dry runs kept for commit: each holds its parsed points, so only the latest few are kept. */
const KEEP_PREVIEWS = 3
const SAMPLE_ROWS = 20
const TICKER_FILE = /^[A-Za-z0-9^=_-][A-Za-z0-9.^=_-]{0,31}$/

export class ImportService {
  readonly jobs = new Jobs()
  private readonly previews = new Map<string, Preview>()
  private readonly applying = new Set<string>()

  constructor(private readonly core: Core) {}

  async inspect(source: ImportSource, hooks: AdapterHooks): Promise<ImportInspection> {
    const src = await readSource(source, hooks, true)
    const layout = detectLayout(src.text, src.name)
    const { mapping, candidates } = suggestMapping(layout.header, layout.rows)
    if (!layout.rows.length) throw noRows(src.name, layout)
    const di = mapping.dateColumn ? layout.header.indexOf(mapping.dateColumn) : -1
    const guess = di >= 0 ? detectDateFormat(layout.rows.map((r) => r[di] ?? '')) : null
    if (!guess) {
      throw new ApiError('invalid_input', `${src.name}: no date column: none of ${listColumns(layout.header)} holds dates (line ${layout.dataLine})`, {
        file: src.name,
        issues: [{ path: mapping.dateColumn ?? '(header)', message: 'no date column', line: layout.dataLine }]
      })
    }
    if (!mapping.tickerColumn) {
      // `0700.HK.csv` most likely holds 0700.HK: a guess the wizard shows and the user can change.
      const base = src.name.replace(/\.(csv|tsv|txt)$/i, '')
      if (TICKER_FILE.test(base)) {
        mapping.ticker = base.toUpperCase()
        mapping.currency = guessCurrency(base)
      }
    }
    return {
      name: src.name,
      encoding: src.encoding,
      delimiter: layout.delimiter,
      decimal: layout.decimal,
      dateFormat: guess.format,
      dateFormatAmbiguous: guess.ambiguous,
      hasHeader: layout.hasHeader,
      headerLine: layout.headerLine,
      header: layout.header,
      sample: layout.rows.slice(0, SAMPLE_ROWS),
      suggested: mapping,
      candidates,
      approxRows: src.partial ? estimateFromHead(src.size, src.encoding, layout) : countRows(src.text, layout.dataPos)
    }
  }

  async preview(source: ImportSource, mapping: ImportMapping, hooks: AdapterHooks, jobId?: string): Promise<ImportDryRun> {
    const job = this.jobs.track(jobId)
    try {
      job.phase('reading')
      const src = await readSource(source, hooks)
      job.phase('detecting')
      const layout = detectLayout(src.text, src.name, { delimiter: mapping.delimiter, decimal: mapping.decimal, hasHeader: mapping.hasHeader })
      const col = (name: string, role: string): number => resolveColumn(layout.header, name, role, src.name, layout.headerLine)
      const dateIndex = col(mapping.dateColumn, 'date')
      const valueIndex = col(mapping.valueColumn, 'value')
      const tickerIndex = mapping.tickerColumn ? col(mapping.tickerColumn, 'ticker') : -1
      if (dateIndex === valueIndex) throw mappingError(src.name, mapping.valueColumn, 'the date column and the value column must differ')
      if (tickerIndex < 0 && !mapping.ticker) throw mappingError(src.name, 'ticker', 'name the ticker of this file, or the column that holds each row\'s ticker')
      if (tickerIndex >= 0 && mapping.ticker) throw mappingError(src.name, 'ticker', 'give either a ticker or a ticker column, not both')
      if (!layout.rows.length) throw noRows(src.name, layout)
      const dateFormat = mapping.dateFormat ?? this.dateFormatOf(src.name, layout, dateIndex)
      const memo = new Map<string, string>()
      const canonical = (raw: string): string => {
        let t = memo.get(raw)
        if (t === undefined) memo.set(raw, (t = canonicalTicker(this.core, raw)))
        return t
      }
      job.phase('parsing', src.text.length)
      const parsed = await parseRows(
        {
          name: src.name,
          text: src.text,
          layout,
          dateIndex,
          valueIndex,
          tickerIndex,
          ticker: mapping.ticker ? canonical(mapping.ticker) : null,
          dateFormat,
          valueKind: mapping.valueKind,
          canonical
        },
        (done, total) => job.progress(done, total)
      )
      const preview = await buildPreview(this.core, newId('dry'), src.name, mapping.valueKind, mapping.currency, parsed, job)
      this.remember(preview)
      job.finish()
      return dryRunOf(preview)
    } catch (e) {
      job.finish(e instanceof Error ? e.message : String(e))
      throw e
    }
  }

  async commit(previewId: string, { skipRejected = false, jobId }: { skipRejected?: boolean; jobId?: string } = {}): Promise<ImportResult> {
    const preview = this.previews.get(previewId)
    if (!preview) {
      throw new ApiError('not_found', `No dry run ${previewId}: it was already applied or has expired (the latest ${KEEP_PREVIEWS} are kept); run the dry run again`)
    }
    // A file with bad rows is not half-imported behind the analyst's back: they see the rejected
    // rows and either fix the file or say that the other rows should go in without them.
    if (preview.totals.rejected > 0 && preview.totals.rejected < preview.totals.rows && !skipRejected) throw rejectedRows(preview)
    if (this.applying.has(previewId)) throw new ApiError('conflict', `${preview.name}: this dry run is already being applied`)
    const job = this.jobs.track(jobId)
    this.applying.add(previewId)
    try {
      const result = await applyPreview(this.core, preview, job)
      this.previews.delete(previewId)
      job.finish()
      return result
    } catch (e) {
      job.finish(e instanceof Error ? e.message : String(e))
      throw e
    } finally {
      this.applying.delete(previewId)
    }
  }

  private remember(p: Preview): void {
    this.previews.set(p.id, p)
    for (const id of this.previews.keys()) {
      if (this.previews.size <= KEEP_PREVIEWS) break
      if (!this.applying.has(id)) this.previews.delete(id)
    }
  }

  private dateFormatOf(name: string, layout: Layout, dateIndex: number): DateFormat {
    const values = layout.rows.map((r) => r[dateIndex] ?? '')
    const guess = detectDateFormat(values)
    if (guess) return guess.format
    const column = layout.header[dateIndex]
    const first = values.find((v) => v.trim() !== '') ?? ''
    throw new ApiError('invalid_input', `${name}: column "${column}" holds no dates Capwatch can read (line ${layout.dataLine}: "${first.slice(0, 40)}")`, {
      file: name,
      issues: [{ path: column, message: 'no dates', line: layout.dataLine }]
    })
  }
}

function rejectedRows(p: Preview): ApiError {
  const n = p.totals.rejected
  const first = p.rejected[0]
  const good = p.totals.rows - n
  return new ApiError(
    'invalid_input',
    `${p.name}: ${n} ${n === 1 ? 'row was' : 'rows were'} rejected (first: line ${first.line}, ${first.field}: ${first.reason}); nothing written. ` +
      `Fix the file and import it again, or confirm importing the other ${good} ${good === 1 ? 'row' : 'rows'} without ${n === 1 ? 'it' : 'them'}`,
    { file: p.name, issues: p.rejected.slice(0, 20).map((r) => ({ path: r.field, message: r.reason, line: r.line })) }
  )
}

function mappingError(file: string, path: string, message: string): ApiError {
  return new ApiError('invalid_input', `${file}: ${message}`, { file, issues: [{ path, message }] })
}

function noRows(file: string, layout: Layout): ApiError {
  const where = layout.hasHeader ? `after the header on line ${layout.headerLine}` : ''
  return new ApiError('invalid_input', `${file}: no data rows ${where}`.trim(), { file, issues: [{ path: '(file)', message: 'no data rows', line: layout.headerLine }] })
}

/** Rows in a fully read file, from its line breaks (a hint for the wizard, not the dry run's count). */
function countRows(text: string, from: number): number {
  let n = 0
  let last = from
  for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) {
    n++
    last = i + 1
  }
  return n + (text.slice(last).trim() ? 1 : 0)
}

/** Rows in a file of which only the head was read: its size over the sampled rows' mean length. */
function estimateFromHead(bytes: number, encoding: string, layout: Layout): number {
  const perChar = encoding.startsWith('UTF-16') ? 2 : 1
  const chars = layout.rows.reduce((n, r) => n + r.join(' ').length + 1, 0)
  if (!chars) return 0
  return Math.max(layout.rows.length, Math.round(((bytes / perChar - layout.dataPos) * layout.rows.length) / chars))
}

const services = new WeakMap<Core, ImportService>()

/** The import service of this core (one per core, shared by its handlers and the CLI). */
export function importService(core: Core): ImportService {
  let s = services.get(core)
  if (!s) services.set(core, (s = new ImportService(core)))
  return s
}
