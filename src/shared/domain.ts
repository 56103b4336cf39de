/**
 * The domain as stored and exchanged: zod schemas are the source of truth, types are inferred.
 * Pure TypeScript: no Node, Electron or DOM.
 */
import { z } from 'zod'
import { isIsoDate } from './dates'
import { AUTHORITIES, CATEGORIES, type Authority, type Category } from './vocabulary'

export { AUTHORITIES, CATEGORIES, categoryLabel, type Authority, type Category } from './vocabulary'

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'must be a real calendar date as YYYY-MM-DD' })
export const timestamp = z.string().datetime({ offset: true })
export const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.^=-]+$/, 'must be letters, digits, _ . ^ = or -')

export const category = z.enum(CATEGORIES.map((c) => c[0]) as [Category, ...Category[]])
export const authority = z.enum(AUTHORITIES as unknown as [Authority, ...Authority[]])

const UI_STATE_MAX = 256 * 1024
const text = (max: number) => z.string().max(max)
// Reports join tags with "; ", so a tag holding ";" would read back as two.
const tagList = z.array(z.string().trim().min(1).max(60).refine((t) => !t.includes(';'), 'must not contain ";" (it separates tags in reports)')).max(50)

/** What a caller sends to create or edit an event: trimmed, with defaults filled in. */
export const eventFields = z.object({
  date: isoDate,
  /** `month` when only the month is known: the date is then the first of that month. */
  datePrecision: z.enum(['day', 'month']).default('day'),
  title: z.string().trim().min(1, 'must not be empty').max(300),
  summary: text(10_000).default(''),
  category: category.default('other'),
  authority: authority.default('Other'),
  /** Company ids (not tickers), so a ticker change never breaks a link. */
  companies: z.array(id).max(200).default([]),
  tags: tagList.default([]),
  /**
   * Citations: publisher, date and URL of each source, as the analyst wrote them. One line each:
   * the app edits them one per line and reports put them a line apart, so a source may hold any
   * punctuation (";" in a title or a URL) and still read back as itself.
   */
  sources: z.array(z.string().trim().min(1).max(1000).refine((s) => !/[\r\n]/.test(s), 'must be one line (sources are listed one per line)')).max(50).default([])
})

/**
 * An event as stored. Validation only, no transforms: opening a workspace of 100k events checks
 * every one of them, and must not copy their strings.
 */
export const eventSchema = z.object({
  id,
  date: isoDate,
  datePrecision: z.enum(['day', 'month']),
  title: z.string().min(1).max(300),
  summary: text(10_000),
  category,
  authority,
  companies: z.array(id).max(200),
  tags: z.array(z.string().min(1).max(60)).max(50),
  sources: z.array(z.string().min(1).max(1000)).max(50),
  createdAt: timestamp,
  updatedAt: timestamp
})
export type PolicyEvent = z.infer<typeof eventSchema>
export type EventInput = z.input<typeof eventFields>

export const noteSchema = z.object({
  id,
  eventId: id,
  /** Markdown, rendered in the preview; stored as written. */
  text: z.string().max(100_000),
  createdAt: timestamp,
  updatedAt: timestamp
})
export type Note = z.infer<typeof noteSchema>

export const currency = z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code such as USD')
export const ticker = z.string().trim().min(1, 'must not be empty').max(32).regex(/^[A-Za-z0-9.^=_-]*$/, 'must be letters, digits, . ^ = _ or -')

/** One row of a listing's share schedule: from `date` on, `shares` are outstanding. */
export const shareRowSchema = z.object({
  date: isoDate,
  shares: z.number().positive('must be more than zero').finite(),
  source: text(500).default('')
})
export type ShareRow = z.infer<typeof shareRowSchema>

export const listingSchema = z.object({
  ticker,
  exchange: text(40).default(''),
  currency: currency.default('USD'),
  shares: z.array(shareRowSchema).max(10_000).default([])
})
export type Listing = z.infer<typeof listingSchema>

export const companyFields = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  nameZh: text(200).default(''),
  sector: text(100).default(''),
  listings: z.array(listingSchema).max(20).default([]),
  /** Ticker of the benchmark series this company is compared with by default. */
  benchmark: text(32).default(''),
  notes: text(5000).default('')
})
export const companySchema = companyFields.extend({ id, createdAt: timestamp, updatedAt: timestamp })
export type Company = z.infer<typeof companySchema>
export type CompanyInput = z.input<typeof companyFields>

/** An impact window [a, b] in trading days relative to day 0 (see IMPACT.md). */
export const windowSchema = z
  .object({ a: z.number().int().min(-1000).max(1000), b: z.number().int().min(-1000).max(1000) })
  .refine((w) => w.a <= w.b, { message: 'window start must not be after its end' })
export type ImpactWindow = z.infer<typeof windowSchema>

export const settingsSchema = z.object({
  reportingCurrency: currency.default('USD'),
  /** Constant FX: units of reporting currency per one unit of the keyed currency. */
  fxRates: z.record(currency, z.number().positive().finite()).default({}),
  /** Daily FX instead of a constant: currency -> ticker of an imported series quoting it in the reporting currency. */
  fxSeries: z.record(currency, z.string().max(32)).default({}),
  windows: z.array(windowSchema).min(1).max(20).default([
    { a: -1, b: 1 },
    { a: 0, b: 5 },
    { a: -5, b: 20 }
  ]),
  estimation: z
    .object({ from: z.number().int(), to: z.number().int(), minReturns: z.number().int().min(3) })
    .default({ from: -250, to: -30, minReturns: 60 }),
  /**
   * Renderer layout state (column order, widths, visibility): remembered across restarts. Capped,
   * as it is rewritten with the settings on every save of the meta file.
   */
  ui: z
    .record(z.string().max(100), z.unknown())
    .refine((ui) => Object.keys(ui).length <= 200 && JSON.stringify(ui).length <= UI_STATE_MAX, `must be at most 200 keys and ${UI_STATE_MAX / 1024} KB of JSON`)
    .default({})
})
export type Settings = z.infer<typeof settingsSchema>
