/**
 * impact:table: every event x linked company x window, and the basket totals per event x window
 * (IMPACT.md). Results are cached per event x company x benchmark: an entry is reused while the
 * event's date, the company's market-cap series (its price file, share rows, FX), the benchmark's
 * file and the estimation window are the same objects, and a new window computes only that window.
 */
import { ApiError } from '../../../shared/errors'
import { dayFromIso, eventDateText } from '../../../shared/dates'
import type { Company, PolicyEvent } from '../../../shared/domain'
import { windowKey, type ImpactBasket, type ImpactRow, type ImpactTable } from '../../../shared/market'
import type { BenchmarkPoints } from './benchmark'
import { benchmarkTickerFor, defaultBenchmark } from './benchmark'
import { pairImpact, type ImpactFigures } from './impact'
import type { EstimationWindow } from './market-model'
import { marketService, type CompanyCap, type MarketService } from './service'
import type { Core } from '../core'

export interface ImpactRequest {
  eventIds?: string[]
  windows?: { a: number; b: number }[]
  benchmark?: string
}

/** What every row of one company shares within a table: reused while none of it changes. */
interface CompanyContext {
  company: Company
  cc: CompanyCap
  benchTicker: string
  bench: BenchmarkPoints | null
  benchReason: string
  currency: string
  est: EstimationWindow
  estKey: string
}

interface PairEntry {
  ctx: CompanyContext
  date: string
  precision: PolicyEvent['datePrecision']
  title: string
  /** By window ("a:b"). A plain object: a Map per pair cost ~200 bytes x 200k pairs. */
  rows: Record<string, ImpactRow>
  generation: number
}

/** A table being computed: how far it got, and who is waiting for it. */
interface Job {
  progress: { done: number; total: number }
  promise: Promise<ImpactTable | null>
  /** A caller awaits the whole table (a report): never abandoned. */
  awaited: boolean
  /** When the Impact screen last asked for it: a job nobody asks about any more stops. */
  askedAt: number
}

/** How long a computation runs before it lets other requests in (ms). */
const SLICE_MS = 25
/** A computation the screen stopped asking about for this long is abandoned (ms). */
const ABANDON_MS = 5000

export class ImpactTables {
  private contexts = new Map<string, CompanyContext>()
  private pairs = new Map<string, PairEntry>()
  private generation = 0
  /** The last whole table (no eventIds), and the last table of chosen events. */
  private memo: { key: string; table: ImpactTable } | null = null
  private memoOfEvents: { key: string; table: ImpactTable } | null = null
  private jobs = new Map<string, Job>()
  /**
   * One copy of each date and note text across all rows: 600k rows of a large workspace
   * repeat a few thousand of them, and a copy per row cost ~100 MB.
   */
  private readonly interned = new Map<string, string>()
  private readonly intern = <T extends string | null>(text: T): T => {
    if (text === null) return text
    const known = this.interned.get(text)
    if (known !== undefined) return known as T
    if (this.interned.size >= 200_000) this.interned.clear()
    this.interned.set(text, text)
    return text
  }
  /** How long a computation runs before it lets other requests in (ms); tests shorten it. */
  sliceMs = SLICE_MS

  constructor(private readonly market: MarketService) {}

  /** The table, computed to the end (reports, the CLI, the event panel). */
  async table(req: ImpactRequest): Promise<ImpactTable> {
    for (;;) {
      const started = await this.start(req, true)
      if ('table' in started) return started.table
      const table = await started.job.promise
      if (table) return table
    }
  }

  /**
   * The table if it is ready within `waitMs`, else how far its computation got: a large
   * workspace takes seconds, and the screen shows progress and asks again meanwhile.
   */
  async tableOrProgress(req: ImpactRequest, waitMs: number): Promise<{ table: ImpactTable } | { progress: { done: number; total: number } }> {
    const started = await this.start(req, false)
    if ('table' in started) return started
    const { job } = started
    let timer: NodeJS.Timeout | undefined
    const table = await Promise.race([job.promise, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)))])
    clearTimeout(timer)
    return table ? { table } : { progress: { ...job.progress } }
  }

  /** The reporting currency and the windows a table computed now would have. */
  describe(): { currency: string; windows: { a: number; b: number }[] } {
    const settings = this.market.settings
    return { currency: settings.reportingCurrency, windows: settings.windows.map((w) => ({ a: w.a, b: w.b })) }
  }

  /** The memoised table, or the job computing it (started if none is). */
  private async start(req: ImpactRequest, awaited: boolean): Promise<{ table: ImpactTable } | { job: Job }> {
    const { core } = this.market
    const settings = this.market.settings
    const windows = req.windows?.length ? req.windows : settings.windows
    const bad = windows.find((w) => w.a > w.b)
    if (bad) throw new ApiError('invalid_input', `Window [${bad.a},${bad.b}]: its start must not be after its end`, { issues: [{ path: 'windows', message: 'start after end' }] })
    const override = req.benchmark?.trim() || undefined
    if (override && !(await this.market.benchmark(override))) {
      const known = this.market.seriesList().map((s) => s.ticker)
      throw new ApiError('invalid_input', `Benchmark ${override} is not imported. Imported series: ${known.join(', ') || 'none'}`, {
        issues: [{ path: 'benchmark', message: `unknown series ${override}` }]
      })
    }
    const memoKey = JSON.stringify([req.eventIds ?? null, windows, override ?? null, core.store.events.version, core.store.metaVersion])
    const memo = req.eventIds ? this.memoOfEvents : this.memo
    if (memo?.key === memoKey) return { table: memo.table }
    let job = this.jobs.get(memoKey)
    if (!job) {
      const events = this.events(req.eventIds)
      const progress = { done: 0, total: events.length }
      const created: Job = { progress, awaited, askedAt: performance.now(), promise: Promise.resolve(null) }
      created.promise = this.compute(events, windows, override, req.eventIds !== undefined, memoKey, created).finally(() => this.jobs.delete(memoKey))
      // A failure reaches whoever waits; one that nobody waits for (the screen got progress
      // and has not asked again yet) must not end the process as an unhandled rejection. The
      // next ask starts afresh and gets the error.
      created.promise.catch(() => {})
      this.jobs.set(memoKey, (job = created))
    }
    job.awaited ||= awaited
    job.askedAt = performance.now()
    return { job }
  }

  /** Compute a table a slice at a time; null if abandoned (nobody asked for it for a while). */
  private async compute(events: PolicyEvent[], windows: { a: number; b: number }[], override: string | undefined, ofEvents: boolean, memoKey: string, job: Job): Promise<ImpactTable | null> {
    const { core } = this.market
    const settings = this.market.settings
    const generation = ++this.generation
    const wkeys = windows.map((w) => windowKey(w.a, w.b))
    const fallbackBench = defaultBenchmark(core.store.series.list())
    const contexts = new Map<string, CompanyContext>()
    const rows: ImpactRow[] = []
    const baskets: ImpactBasket[] = []
    const sum = new Float64Array(windows.length)
    const counted = new Int32Array(windows.length)
    const carSum = new Float64Array(windows.length)
    const carCounted = new Int32Array(windows.length)
    let sliceStart = performance.now()
    for (const [done, event] of events.entries()) {
      if (performance.now() - sliceStart > this.sliceMs) {
        job.progress.done = done
        await new Promise((resolve) => setImmediate(resolve))
        if (!job.awaited && performance.now() - job.askedAt > ABANDON_MS) return null
        sliceStart = performance.now()
      }
      sum.fill(0)
      counted.fill(0)
      carSum.fill(0)
      carCounted.fill(0)
      for (const companyId of event.companies) {
        let ctx = contexts.get(companyId)
        if (!ctx) {
          const company = core.store.companies.get(companyId)
          if (!company) continue
          ctx = await this.context(company, override, fallbackBench)
          contexts.set(companyId, ctx)
        }
        const key = `${event.id}\u0000${companyId}\u0000${ctx.benchTicker}`
        let entry = this.pairs.get(key)
        if (!entry || entry.ctx !== ctx || entry.date !== event.date || entry.precision !== event.datePrecision || entry.title !== event.title) {
          entry = { ctx, date: event.date, precision: event.datePrecision, title: event.title, rows: {}, generation }
          this.pairs.set(key, entry)
        }
        entry.generation = generation
        const missing = windows.filter((_, i) => !(wkeys[i] in entry.rows))
        if (missing.length) {
          const { cc, bench } = ctx
          const returns = cc.cap && bench ? this.market.returnsOf(cc.cap, bench) : null
          const inputs = { eventDay: dayFromIso(event.date), cap: cc.cap, noCapReason: cc.reason, bench, benchReason: ctx.benchReason, returns, est: ctx.est }
          for (const f of pairImpact(inputs, missing)) entry.rows[windowKey(f.window_start, f.window_end)] = toRow(event, ctx, f, this.intern)
        }
        for (let i = 0; i < windows.length; i++) {
          const r = entry.rows[wkeys[i]]
          rows.push(r)
          if (r.mcap_change !== null) {
            sum[i] += r.mcap_change
            counted[i]++
            // IMPACT.md: caar is the mean car over the same companies the basket counts. A car
            // needs no shares or FX rate, so a company left out of the basket may still have one;
            // averaging it in would put a figure beside "0 of 2 counted".
            if (r.car !== null) {
              carSum[i] += r.car
              carCounted[i]++
            }
          }
        }
      }
      for (let i = 0; i < windows.length; i++) {
        baskets.push({
          event_id: event.id,
          event_date: eventDateText(event),
          event_title: event.title,
          window_start: windows[i].a,
          window_end: windows[i].b,
          basket_mcap_change: counted[i] ? sum[i] : null,
          counted: counted[i],
          companies: event.companies.length,
          caar: carCounted[i] ? carSum[i] / carCounted[i] : null,
          car_counted: carCounted[i]
        })
      }
    }
    job.progress.done = events.length
    const table: ImpactTable = { currency: settings.reportingCurrency, windows: windows.map((w) => ({ a: w.a, b: w.b })), rows, baskets }
    if (ofEvents) this.memoOfEvents = { key: memoKey, table }
    else {
      // After a full run, forget pairs of events or links that no longer exist.
      for (const [k, e] of this.pairs) if (e.generation !== generation) this.pairs.delete(k)
      this.memo = { key: memoKey, table }
    }
    return table
  }

  /** A company's market cap and benchmark; the previous context object while nothing changed. */
  private async context(company: Company, override: string | undefined, fallbackBench: string): Promise<CompanyContext> {
    const settings = this.market.settings
    const cc = await this.market.companyCap(company)
    const benchTicker = benchmarkTickerFor(override, company, fallbackBench)
    const bench = benchTicker ? await this.market.benchmark(benchTicker) : null
    const benchReason = !benchTicker ? 'no benchmark: mark an imported series as a benchmark' : bench ? '' : `benchmark ${benchTicker} is not imported`
    const est = settings.estimation
    const estKey = `${est.from}|${est.to}|${est.minReturns}`
    const key = `${company.id}\u0000${benchTicker}`
    const prev = this.contexts.get(key)
    if (
      prev &&
      prev.company.name === company.name &&
      prev.cc.cap === cc.cap &&
      prev.cc.reason === cc.reason &&
      prev.cc.ticker === cc.ticker &&
      prev.bench === bench &&
      prev.benchReason === benchReason &&
      prev.currency === settings.reportingCurrency &&
      prev.estKey === estKey
    ) {
      return prev
    }
    const ctx: CompanyContext = { company, cc, benchTicker, bench, benchReason, currency: settings.reportingCurrency, est: { ...est }, estKey }
    this.contexts.set(key, ctx)
    return ctx
  }

  /** The requested events (all of them by default) that link at least one company, by date. */
  private events(ids: string[] | undefined): PolicyEvent[] {
    const { core } = this.market
    if (!ids) return core.events.list().filter((e) => e.companies.length > 0)
    const unknown = ids.filter((id) => !core.store.events.get(id))
    if (unknown.length) throw new ApiError('not_found', `No event with id ${unknown.slice(0, 5).join(', ')}`)
    return [...new Set(ids)]
      .map((id) => core.store.events.get(id)!)
      .filter((e) => e.companies.length > 0)
      .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
  }
}

const tables = new WeakMap<Core, ImpactTables>()

/** The impact tables of a core, with their cache (one per open data directory). */
export function impactTables(core: Core): ImpactTables {
  let t = tables.get(core)
  if (!t) tables.set(core, (t = new ImpactTables(marketService(core))))
  return t
}

/** One report row: the event and company columns around the computed figures (no spread: hot path). */
function toRow(event: PolicyEvent, ctx: CompanyContext, f: ImpactFigures, intern: <T extends string | null>(text: T) => T): ImpactRow {
  return {
    event_id: event.id,
    // As the events report writes it: "2021-08" when only the month is known.
    event_date: eventDateText(event),
    event_title: event.title,
    company_id: ctx.company.id,
    ticker: ctx.cc.ticker,
    company: ctx.company.name,
    window_start: f.window_start,
    window_end: f.window_end,
    day0: intern(f.day0),
    start_date: intern(f.start_date),
    end_date: intern(f.end_date),
    currency: ctx.currency,
    start_mcap: f.start_mcap,
    end_mcap: f.end_mcap,
    mcap_change: f.mcap_change,
    mcap_return: f.mcap_return,
    benchmark: ctx.bench ? ctx.bench.ticker : ctx.benchTicker,
    benchmark_return: f.benchmark_return,
    abnormal_return: f.abnormal_return,
    car: f.car,
    t_stat: f.t_stat,
    note: intern(event.datePrecision === 'month' && f.day0 !== null ? [MONTH_ONLY, f.note].filter(Boolean).join('; ') : f.note)
  }
}

/**
 * An event known only to its month is stored on the 1st, so its day 0 is the month's first
 * trading day: the figures are real but may not bracket the actual news, and the row says so.
 */
const MONTH_ONLY = 'event date known to the month only: day 0 is the first trading day of the month'
