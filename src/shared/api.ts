/**
 * THE API contract: every method any adapter (Electron IPC, browser host, CLI) can call, with
 * the zod schema of its input and the type of its result. Main registers handlers from this
 * table, the preload exposes exactly these names, and the renderer's client is typed by it.
 * Adding a method is one entry here plus its handler in `src/main/core/handlers.ts`.
 *
 * Method names are also the IPC channel names and the HTTP paths (`POST /api/events:query`).
 */
import { z } from 'zod'
import type { ApiResponse } from './errors'
import type { BYTES_FIELDS, METHOD_NAMES } from './methods'
import {
  category,
  authority,
  companyFields,
  eventFields,
  id,
  isoDate,
  settingsSchema,
  shareRowSchema,
  ticker,
  type Company,
  type Note,
  type PolicyEvent,
  type Settings
} from './domain'
import {
  chartRequestSchema,
  impactSelectionSchema,
  impactViewRequestSchema,
  importMappingSchema,
  importSourceSchema,
  type BasketData,
  type ChartData,
  type ImpactTable,
  type ImpactView,
  type ImportDryRun,
  type ImportInspection,
  type ImportResult,
  type JobProgress,
  type SeriesInfo,
  type SeriesRemoval
} from './market'

/** A method entry: its input schema, and its result type carried as a phantom. */
export interface MethodSpec<I extends z.ZodType, R> {
  input: I
  /** Type-level only (boxed so a nullable result keeps its null): never read at run time. */
  result?: [R]
}
const method = <R>() => <I extends z.ZodType>(input: I): MethodSpec<I, R> => ({ input })
const none = z.object({}).strict().optional()

/**
 * The schema of a patch: every field optional and without its default. zod's `.partial()` keeps
 * `.default()`s, so a patch of one field would come out of parsing with every other field reset.
 */
function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, ((v instanceof z.ZodDefault ? v.unwrap() : v) as z.ZodType).optional()]))
  return z.object(shape).strict() as unknown as z.ZodObject<{ [K in keyof S]: z.ZodOptional<S[K]> }, z.core.$strict>
}

// ---- events & notes ------------------------------------------------------------------------

export const EVENT_COLUMNS = [
  'date',
  'title',
  'category',
  'authority',
  'companies',
  'tags',
  'summary',
  'sources',
  'noteCount',
  'updatedAt'
] as const
export type EventColumn = (typeof EVENT_COLUMNS)[number]

/** Per-column filters of the events table; every one is optional and they all must hold. */
export const eventFiltersSchema = z
  .object({
    date: z.object({ from: isoDate.optional(), to: isoDate.optional() }).optional(),
    title: z.string().max(300).optional(),
    summary: z.string().max(300).optional(),
    category: z.array(category).max(20).optional(),
    authority: z.array(authority).max(30).optional(),
    /** Company ids: an event matches when it links any of them. */
    companies: z.array(id).max(500).optional(),
    tags: z.string().max(100).optional(),
    sources: z.string().max(300).optional(),
    noteCount: z.object({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() }).optional()
  })
  .strict()
export type EventFilters = z.infer<typeof eventFiltersSchema>

export const eventQuerySchema = z
  .object({
    /** Global search: case-insensitive text in any field or in the event's notes. */
    search: z.string().max(300).default(''),
    filters: eventFiltersSchema.default({}),
    sort: z.object({ column: z.enum(EVENT_COLUMNS), desc: z.boolean().default(false) }).default({ column: 'date', desc: false })
  })
  .strict()
export type EventQuery = z.input<typeof eventQuerySchema>

export type EventRow = PolicyEvent & { noteCount: number }
export interface EventPage {
  /** Events in the workspace. */
  total: number
  /** Events matching search and filters. */
  matched: number
  offset: number
  rows: EventRow[]
  /** Where the event asked for by `locate` is among the matched ones; -1 when it is not one of them. */
  located?: number
}

export const eventPatchSchema = patchOf(eventFields)

// ---- companies -------------------------------------------------------------------------------

export type CompanyRow = Company & { eventCount: number }
export const companyPatchSchema = patchOf(companyFields)

// ---- reports ---------------------------------------------------------------------------------

export const csvDialectSchema = z
  .object({
    bom: z.boolean().default(false),
    delimiter: z.enum([',', ';']).default(',')
  })
  .strict()
export type CsvDialect = z.infer<typeof csvDialectSchema>

export const REPORTS = ['events', 'notes', 'impact', 'marketcap'] as const
export type ReportName = (typeof REPORTS)[number]

export const exportRequestSchema = z
  .object({
    report: z.enum(REPORTS),
    dialect: csvDialectSchema.default({ bom: false, delimiter: ',' }),
    /** events/notes: only events matching this query, in its order (the table's current view). */
    query: eventQuerySchema.optional(),
    /** events: report columns to keep, in this order; all when absent. */
    columns: z.array(z.string().max(40)).max(40).optional(),
    /** impact: windows and benchmark override. */
    windows: z.array(z.object({ a: z.number().int(), b: z.number().int() })).max(20).optional(),
    benchmark: z.string().max(32).optional(),
    /** impact: the Impact screen's table as shown (its window, filters and order) instead of every row. */
    view: impactSelectionSchema.optional(),
    /** marketcap: date range and tickers. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    tickers: z.array(ticker).max(2000).optional()
  })
  .strict()
export type ExportRequest = z.input<typeof exportRequestSchema>
export interface ExportResult {
  filename: string
  /**
   * The file's exact bytes (UTF-8, BOM included when asked for), in parts to be written one after
   * another: a report can run to 100 MB, and is never joined into one string or one buffer.
   */
  csv: Uint8Array[]
  rows: number
}

// ---- app, store health, backups --------------------------------------------------------------

export interface StoreProblem {
  /** The file that failed to read, relative to the data directory. */
  file: string
  /** Where it was moved: it is never deleted or overwritten. */
  movedTo: string
  message: string
  /** When it was found (ISO): reported at every start until a restore or a dismissal; backups made before it are the good ones. */
  foundAt: string
}
/**
 * What a workspace holds, counted: set beside a backup's, it shows the analyst what a restore
 * brings back and what it undoes.
 */
export interface WorkspaceCounts {
  events: number
  notes: number
  companies: number
  /** Imported price series (one per ticker). */
  priceSeries: number
  /** The earliest and the latest event date (YYYY-MM-DD); absent when there are no events. */
  firstEvent?: string
  lastEvent?: string
}
export interface BackupInfo {
  id: string
  createdAt: string
  bytes: number
  reason: 'daily' | 'manual' | 'before-restore' | 'before-migration'
  /**
   * What the backup holds, counted from the very files it captured and kept in the archive's
   * header. Absent for a backup made before Capwatch recorded it, or whose head does not read.
   */
  holds?: WorkspaceCounts
}
export interface AppInfo {
  version: string
  adapter: 'electron' | 'browser' | 'cli'
  dataDir: string
  schemaVersion: number
  /** Files found corrupt at start (moved aside); the UI offers to restore a backup. */
  problems: StoreProblem[]
  backups: BackupInfo[]
  /** What the workspace holds as saved now, counted the way a backup's holdings are. */
  holds: WorkspaceCounts
}

// ---- the contract ----------------------------------------------------------------------------

export const contract = {
  'app:info': method<AppInfo>()(none),
  /**
   * The analyst is at work in the window (scrolling, typing): the core's background work (the
   * search index and sort orders, the daily backup) waits. A scroll that needs no rows from the
   * core would otherwise look to it like a pause. Does nothing else.
   */
  'app:active': method<Record<string, never>>()(none),
  /** Desktop only: show the native save dialog and write `content` (a report's parts) where the user chose. */
  'app:saveFile': method<{ saved: boolean; path?: string }>()(
    z.object({ defaultName: z.string().min(1).max(200), content: z.array(z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be bytes')).max(1_000_000) }).strict()
  ),
  /** Desktop only: show the native open dialog; the returned path may be used as an import source. */
  'app:openFile': method<{ path: string; name: string; bytes: number } | null>()(
    z.object({ title: z.string().max(200).optional(), extensions: z.array(z.string().max(10)).max(10).optional() }).strict()
  ),

  'events:query': method<EventPage>()(
    eventQuerySchema.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(0).max(5000).default(200),
      /** An event to find in the results (one an edit moved in the sort, or out of the filters). */
      locate: id.optional()
    })
  ),
  'events:get': method<{ event: EventRow; notes: Note[] }>()(z.object({ id }).strict()),
  'events:create': method<EventRow>()(z.object({ fields: eventFields }).strict()),
  'events:update': method<EventRow>()(z.object({ id, patch: eventPatchSchema }).strict()),
  'events:duplicate': method<EventRow>()(z.object({ id }).strict()),
  'events:delete': method<{ deleted: number; undoToken: string }>()(z.object({ ids: z.array(id).min(1).max(100_000) }).strict()),
  'events:undoDelete': method<{ restored: number }>()(z.object({ undoToken: z.string().min(1).max(100) }).strict()),

  'notes:list': method<Note[]>()(z.object({ eventId: id }).strict()),
  'notes:add': method<Note>()(z.object({ eventId: id, text: z.string().trim().min(1, 'must not be empty').max(100_000) }).strict()),
  'notes:update': method<Note>()(z.object({ id, text: z.string().trim().min(1, 'must not be empty').max(100_000) }).strict()),
  'notes:delete': method<{ deleted: number }>()(z.object({ id }).strict()),

  'companies:list': method<CompanyRow[]>()(none),
  'companies:create': method<CompanyRow>()(z.object({ fields: companyFields }).strict()),
  'companies:update': method<CompanyRow>()(z.object({ id, patch: companyPatchSchema }).strict()),
  'companies:delete': method<{ deleted: number; unlinkedEvents: number }>()(z.object({ id }).strict()),
  'shares:set': method<CompanyRow>()(
    z.object({ ticker, rows: z.array(shareRowSchema).max(10_000) }).strict()
  ),

  'settings:get': method<Settings>()(none),
  'settings:update': method<Settings>()(z.object({ patch: patchOf(settingsSchema) }).strict()),

  'reports:export': method<ExportResult>()(exportRequestSchema),

  'backup:list': method<BackupInfo[]>()(none),
  'backup:create': method<BackupInfo>()(none),
  'backup:restore': method<{ restored: true; backup: BackupInfo; safetyBackup: BackupInfo | null }>()(
    z.object({ id: z.string().min(1).max(200) }).strict()
  ),
  /** Keep working without restoring: the damage found at start is no longer reported (the set-aside files stay in corrupt/). */
  'backup:dismissProblems': method<{ dismissed: number }>()(none),

  // ---- market data, charts, impact (part 2) --------------------------------------------------
  /** Read the head of a file: delimiter, header, date format, a suggested mapping, sample rows. */
  'import:inspect': method<ImportInspection>()(z.object({ source: importSourceSchema }).strict()),
  /** Parse and validate everything, write nothing: counts per ticker and every rejected row. */
  'import:preview': method<ImportDryRun>()(
    z.object({ source: importSourceSchema, mapping: importMappingSchema, jobId: z.string().max(100).optional() }).strict()
  ),
  /**
   * Apply a dry run, all or nothing. A dry run that rejected rows is applied only with
   * `skipRejected: true`: the analyst has seen those rows and chosen to import the others.
   */
  'import:commit': method<ImportResult>()(
    z.object({ previewId: z.string().min(1).max(100), skipRejected: z.boolean().optional(), jobId: z.string().max(100).optional() }).strict()
  ),
  'jobs:progress': method<JobProgress | null>()(z.object({ jobId: z.string().min(1).max(100) }).strict()),
  'series:list': method<SeriesInfo[]>()(none),
  'series:setBenchmark': method<SeriesInfo>()(z.object({ ticker, benchmark: z.boolean() }).strict()),
  'series:remove': method<SeriesRemoval>()(z.object({ ticker }).strict()),
  'chart:marketcap': method<ChartData>()(chartRequestSchema),
  'chart:basket': method<BasketData>()(
    z
      .object({
        companyIds: z.array(id).min(1).max(500),
        from: isoDate.optional(),
        to: isoDate.optional(),
        maxPoints: z.number().int().min(10).max(20_000).default(1000)
      })
      .strict()
  ),
  /** The Impact screen: the table sorted, filtered and paged by the host, and the ranking. */
  'impact:view': method<ImpactView>()(impactViewRequestSchema),
  'impact:table': method<ImpactTable>()(
    z
      .object({
        eventIds: z.array(id).max(100_000).optional(),
        windows: z.array(z.object({ a: z.number().int(), b: z.number().int() })).max(20).optional(),
        benchmark: z.string().max(32).optional()
      })
      .strict()
  )
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type MethodParsed<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodResult<M extends MethodName> = NonNullable<Contract[M]['result']>[0]
export { METHOD_NAMES } from './methods'

// The names list (methods.ts) and the contract hold the same methods: adding one to either alone
// fails the type check here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const namesMatchContract: Same<MethodName, (typeof METHOD_NAMES)[number]> = true
// Each field named in BYTES_FIELDS is one that holds a result's bytes.
const bytesFieldsHoldBytes: {
  [M in keyof typeof BYTES_FIELDS]: MethodResult<M>[(typeof BYTES_FIELDS)[M]] extends Uint8Array[] ? true : false
} = { 'reports:export': true }
void namesMatchContract
void bytesFieldsHoldBytes

/** What the preload exposes and the renderer's client implements: one function per method. */
export type ApiBridge = { [M in MethodName]: (input: MethodInput<M>) => Promise<ApiResponse<MethodResult<M>>> }
export type ApiClient = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodResult<M>> }
