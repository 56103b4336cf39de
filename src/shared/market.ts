/**
 * Market data and impact analysis as exchanged across the contract (part 2). Definitions of every
 * figure are in IMPACT.md; this file only fixes their shapes.
 */
import { z } from 'zod'
import { currency, id, isoDate, ticker } from './domain'
import { DATE_FORMATS, IMPACT_FILTER_COLUMNS, IMPACT_SORT_COLUMNS, VALUE_KINDS, type ValueKind } from './vocabulary'

export { DATE_FORMATS, IMPACT_FILTER_COLUMNS, IMPACT_SORT_COLUMNS, VALUE_KINDS, windowKey, type ImpactFilterColumn, type ImpactSortColumn, type ValueKind } from './vocabulary'


/** Where an import reads from: text the renderer read from a file the user picked, or a path. */
export const importSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), name: z.string().min(1).max(500), text: z.string().max(512 * 1024 * 1024) }).strict(),
  // Paths are accepted from the CLI and from the desktop's native open dialog only (see host).
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }).strict(),
  // A file the browser uploaded as raw bytes to the host (POST /api/upload), by the id it got.
  z.object({ kind: z.literal('upload'), id: z.string().min(1).max(100), name: z.string().min(1).max(500) }).strict()
])
export type ImportSource = z.infer<typeof importSourceSchema>


export const importMappingSchema = z
  .object({
    dateColumn: z.string().min(1).max(200),
    valueColumn: z.string().min(1).max(200),
    valueKind: z.enum(VALUE_KINDS),
    /** Column holding the ticker of each row, for multi-ticker files. */
    tickerColumn: z.string().max(200).optional(),
    /** The ticker of a single-ticker file. */
    ticker: ticker.optional(),
    /** Currency of new listings this import creates. */
    currency: currency.optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    decimal: z.enum(['.', ',']).optional(),
    /** Whether the first table row is a header; detected when absent. Without one, columns are `Column 1`, `Column 2`, … */
    hasHeader: z.boolean().optional(),
    dateFormat: z.enum(DATE_FORMATS).optional()
  })
  .strict()
export type ImportMapping = z.infer<typeof importMappingSchema>

export interface ImportInspection {
  name: string
  delimiter: ',' | ';' | '\t' | '|'
  decimal: '.' | ','
  dateFormat: NonNullable<ImportMapping['dateFormat']>
  header: string[]
  /** First data rows as text, for the wizard's preview. */
  sample: string[][]
  /** Best guess at the mapping, by header name. */
  suggested: Partial<ImportMapping>
  approxRows: number
  /** How the bytes were decoded: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252` (text sources: `utf-8`). */
  encoding: string
  hasHeader: boolean
  /** 1-based line of the header row (or of the first data row when there is none). */
  headerLine: number
  /** Day-first and month-first both read the sample: the wizard should ask. */
  dateFormatAmbiguous: boolean
  /** Every column that could be the value, and what it would hold (Close, Adj Close, Market Cap). */
  candidates: { column: string; kind: ValueKind }[]
}

export interface RejectedRow {
  /** 1-based line in the file. */
  line: number
  field: string
  reason: string
}

export interface ImportTickerCounts {
  ticker: string
  /** True when the ticker is unknown: a company named after it will be created. */
  createsCompany: boolean
  new: number
  replaced: number
  unchanged: number
  first: string | null
  last: string | null
}

export interface ImportDryRun {
  previewId: string
  name: string
  valueKind: ValueKind
  tickers: ImportTickerCounts[]
  totals: { rows: number; new: number; replaced: number; unchanged: number; rejected: number }
  /** Every rejected row (capped at 1,000 in the response; `totals.rejected` has the count). */
  rejected: RejectedRow[]
  /** The format the dates were read in (the mapping's, or the one detected). */
  dateFormat: NonNullable<ImportMapping['dateFormat']>
  /** Every accepted date also reads with day and month swapped (no day past the 12th): say which reading was used. */
  dateFormatAmbiguous: boolean
}

export interface ImportResult {
  tickers: ImportTickerCounts[]
  totals: ImportDryRun['totals']
  /** Tickers whose company was created (named after the ticker). */
  createdCompanies: string[]
  /** Tickers whose series was written (new or replaced points); empty when nothing changed. */
  written: string[]
}

export interface JobProgress {
  jobId: string
  phase: string
  done: number
  total: number
  /** Why the job failed (phase `failed`). */
  message?: string
}

export interface SeriesInfo {
  ticker: string
  companyId: string | null
  currency: string
  benchmark: boolean
  /** Points per stored kind. */
  counts: Partial<Record<ValueKind, number>>
  first: string | null
  last: string | null
  source: string
  importedAt: string
}

/** What removing a series did: its points are gone; these companies had it as their benchmark. */
export interface SeriesRemoval {
  ticker: string
  points: number
  benchmarkOf: string[]
}

export const CHART_MODES = ['absolute', 'indexed', 'drawdown'] as const
export type ChartMode = (typeof CHART_MODES)[number]

export interface ChartEventMarker {
  id: string
  date: string
  /** `month`: only the month is known, and `date` is its first day (said so, not shown as a day). */
  datePrecision: 'day' | 'month'
  title: string
  category: string
}

export interface ChartSeries {
  companyId: string
  ticker: string
  name: string
  /** Day numbers (days since 1970-01-01) of the kept points, ascending. */
  days: number[]
  values: number[]
  /** Points before downsampling. */
  rawCount: number
}

export interface ChartData {
  currency: string
  mode: ChartMode
  /** Indexed mode: the date each line is 100 on (the first common date unless one was asked). */
  indexDate: string | null
  series: ChartSeries[]
  events: ChartEventMarker[]
  /** Why a requested company has no line (no prices, no shares, …). */
  missing: { companyId: string; reason: string }[]
}

export interface BasketData {
  currency: string
  days: number[]
  /** Per company, its market cap on each of `days` (stacked in the chart). */
  stacks: { companyId: string; ticker: string; name: string; values: number[] }[]
  total: number[]
  drawdown: null | {
    peakDate: string
    troughDate: string
    peak: number
    trough: number
    loss: number
    lossFraction: number
  }
  missing: { companyId: string; reason: string }[]
  /** Why the basket has no dates (e.g. its companies never trade within 5 days of each other), or ''. */
  note: string
  events: ChartEventMarker[]
}

/** One row of the impact report: an event x company x window (IMPACT.md). */
export interface ImpactRow {
  event_id: string
  event_date: string
  event_title: string
  company_id: string
  ticker: string
  company: string
  window_start: number
  window_end: number
  day0: string | null
  start_date: string | null
  end_date: string | null
  currency: string
  start_mcap: number | null
  end_mcap: number | null
  mcap_change: number | null
  mcap_return: number | null
  benchmark: string
  benchmark_return: number | null
  abnormal_return: number | null
  car: number | null
  t_stat: number | null
  note: string
}

export interface ImpactBasket {
  event_id: string
  event_date: string
  event_title: string
  window_start: number
  window_end: number
  /** Sum of mcap_change over the companies that have one (reporting currency). */
  basket_mcap_change: number | null
  /** Companies with an mcap_change, out of `companies` linked to the event. */
  counted: number
  companies: number
  /** Mean car over the counted companies that have one (`car_counted` of them, at most `counted`). */
  caar: number | null
  car_counted: number
}

export interface ImpactTable {
  currency: string
  windows: { a: number; b: number }[]
  rows: ImpactRow[]
  baskets: ImpactBasket[]
}

/**
 * The Impact screen's view of the table: the host sorts, filters and pages it, because a large
 * workspace has hundreds of thousands of rows (100k events x their companies x 3 windows), more
 * than a page can hold. Sorting and filtering follow the screen's columns.
 */


const windowKeySchema = z.string().regex(/^-?\d{1,4}:-?\d{1,4}$/, 'a window as start:end, e.g. -1:1')

/** Which rows of the impact table the Impact screen shows, and in which order. */
export const impactSelectionSchema = z
  .object({
    /** One window ("a:b"), or every window when absent. */
    window: windowKeySchema.optional(),
    /** Each filter box: the column's text contains this, without case. */
    filters: z.partialRecord(z.enum(IMPACT_FILTER_COLUMNS), z.string().max(200)).default({}),
    /** Columns in priority order, each up or down. */
    sort: z
      .array(z.object({ id: z.enum(IMPACT_SORT_COLUMNS), desc: z.boolean() }).strict())
      .max(IMPACT_SORT_COLUMNS.length)
      .default([])
  })
  .strict()

export const impactViewRequestSchema = z
  .object({
    benchmark: z.string().max(32).optional(),
    ...impactSelectionSchema.shape,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(0).max(2000).default(200),
    /** The ranking of events by basket change: which window, in which order, how many. */
    ranking: z
      .object({
        window: windowKeySchema.optional(),
        order: z.enum(['change', 'date']).default('change'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(0).max(2000).default(500)
      })
      .strict()
      .default({ order: 'change', offset: 0, limit: 500 }),
    /** How long the host may compute before it answers with its progress instead (ms). */
    waitMs: z.number().int().min(0).max(10_000).default(300)
  })
  .strict()

export interface ImpactView {
  currency: string
  windows: { a: number; b: number }[]
  /** Still computing (a large workspace): how far; ask again for the rows. */
  progress: { done: number; total: number } | null
  /** Rows in the whole table, and of those the ones the filters and the window keep. */
  all: number
  total: number
  offset: number
  rows: ImpactRow[]
  ranking: {
    window: { a: number; b: number } | null
    /** Events with a basket for that window; `rows` holds `limit` of them from `offset`, in the order asked. */
    total: number
    offset: number
    rows: ImpactBasket[]
  }
}

export const chartRequestSchema = z
  .object({
    companyIds: z.array(id).max(500),
    mode: z.enum(CHART_MODES).default('absolute'),
    indexDate: isoDate.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Pixels available: each line is downsampled to about this many points, event days kept. */
    maxPoints: z.number().int().min(10).max(20_000).default(1000)
  })
  .strict()
