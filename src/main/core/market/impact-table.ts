/**
 * impact:table: every event x linked company x window, and the basket totals per event x window
 * (IMPACT.md). Tables are held as columns (impact-columns.ts): a large workspace's 600k rows as
 * objects cost the host ~300 MB.
 *
 * The tables last computed are the cache, per event x company x benchmark x window: a new table
 * copies a pair's figures from them while the event's date, the company's market-cap series (its
 * price file, share rows, FX), the benchmark's file and the estimation window are the same
 * objects, and computes the rest, so a new window computes only that window and an edit only
 * the pairs it touched. Holding the cache in the tables themselves keeps one copy of the figures.
 */
import { ApiError } from '../../../shared/errors'
import { dayFromIso } from '../../../shared/dates'
import type { Company, PolicyEvent } from '../../../shared/domain'
import { windowKey } from '../../../shared/market'
import type { BenchmarkPoints } from './benchmark'
import { benchmarkTickerFor, defaultBenchmark } from './benchmark'
import { pairImpact } from './impact'
import { ImpactColumns, type Baskets, type RowCompany } from './impact-columns'
import { FigureColumns, NoteBook, RowCopies } from './impact-figures'
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
  /** The company columns of its rows, one object for all of them. */
  row: RowCompany
}

/** A table being computed: how far it got, and who is waiting for it. */
interface Job {
  progress: { done: number; total: number }
  promise: Promise<ImpactColumns | null>
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
  /** The last whole table (no eventIds), and the last table of chosen events. */
  private memo: { key: string; table: ImpactColumns } | null = null
  private memoOfEvents: { key: string; table: ImpactColumns } | null = null
  /**
   * The whole table before the last when its windows differ from the last one's: a report with
   * other windows must not cost the Impact screen its cached figures. Kept for one table only.
   */
  private otherWindows: ImpactColumns | null = null
  /** Every table's notes, each text once; shared so that rows copy between tables as blocks. */
  private readonly notes = new NoteBook()
  private jobs = new Map<string, Job>()
  /** How long a computation runs before it lets other requests in (ms); tests shorten it. */
  sliceMs = SLICE_MS

  constructor(private readonly market: MarketService) {}

  /** The table, computed to the end (reports, the CLI, the event panel). */
  async table(req: ImpactRequest): Promise<ImpactColumns> {
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
  async tableOrProgress(req: ImpactRequest, waitMs: number): Promise<{ table: ImpactColumns } | { progress: { done: number; total: number } }> {
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
  private async start(req: ImpactRequest, awaited: boolean): Promise<{ table: ImpactColumns } | { job: Job }> {
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
  private async compute(events: PolicyEvent[], windows: { a: number; b: number }[], override: string | undefined, ofEvents: boolean, memoKey: string, job: Job): Promise<ImpactColumns | null> {
    const { core } = this.market
    const settings = this.market.settings
    const nw = windows.length
    const wkeys = windows.map((w) => windowKey(w.a, w.b))
    const fallbackBench = defaultBenchmark(core.store.series.list())
    const contexts = new Map<string, CompanyContext>()
    const companies: RowCompany[] = []
    const companyIndex = new Map<RowCompany, number>()
    let pairCount = 0
    for (const event of events) pairCount += event.companies.length
    const pairEvent = new Int32Array(pairCount)
    const pairCompany = new Int32Array(pairCount)
    const figures = new FigureColumns(pairCount * nw, this.notes)
    // Where a pair's figures may already be: each source with, per window here, its window there.
    const sources = [this.memo?.table, this.memoOfEvents?.table, this.otherWindows]
      .filter((t, i, all): t is ImpactColumns => t !== undefined && t !== null && all.indexOf(t) === i)
      .map((table) => ({ table, at: wkeys.map((k) => table.windowIndex(k)) }))
    const found = new Uint8Array(nw)
    const copies = new RowCopies(figures)
    let pairs = 0
    let sliceStart = performance.now()
    for (const [e, event] of events.entries()) {
      if (performance.now() - sliceStart > this.sliceMs) {
        job.progress.done = e
        await new Promise((resolve) => setImmediate(resolve))
        if (!job.awaited && performance.now() - job.askedAt > ABANDON_MS) return null
        sliceStart = performance.now()
      }
      for (const companyId of event.companies) {
        let ctx = contexts.get(companyId)
        if (!ctx) {
          const company = core.store.companies.get(companyId)
          if (!company) continue
          ctx = await this.context(company, override, fallbackBench)
          contexts.set(companyId, ctx)
        }
        let company = companyIndex.get(ctx.row)
        if (company === undefined) companyIndex.set(ctx.row, (company = companies.push(ctx.row) - 1))
        pairEvent[pairs] = e
        pairCompany[pairs] = company
        const row = pairs * nw
        found.fill(0)
        let missed = nw
        for (const { table, at } of sources) {
          if (!missed) break
          const p = table.pairOf(event, ctx.row)
          if (p < 0) continue
          const tw = table.windows.length
          for (let i = 0; i < nw; i++) {
            if (found[i] || at[i] < 0) continue
            copies.add(row + i, table.figures, p * tw + at[i])
            found[i] = 1
            missed--
          }
        }
        if (missed) {
          const missing = windows.filter((_, i) => !found[i])
          const { cc, bench } = ctx
          const returns = cc.cap && bench ? this.market.returnsOf(cc.cap, bench) : null
          const inputs = { eventDay: dayFromIso(event.date), cap: cc.cap, noCapReason: cc.reason, bench, benchReason: ctx.benchReason, returns, est: ctx.est }
          const computed = pairImpact(inputs, missing)
          for (let i = 0, k = 0; i < nw; i++) {
            if (found[i]) continue
            const f = computed[k++]
            if (event.datePrecision === 'month' && f.day0 !== null) f.note = [MONTH_ONLY, f.note].filter(Boolean).join('; ')
            figures.set(row + i, f)
          }
        }
        pairs++
      }
    }
    copies.flush()
    const baskets = basketsOf(figures, pairEvent.subarray(0, pairs), events.length, nw)
    job.progress.done = events.length
    // A link to a company that no longer exists has no pair: the columns end at the last pair.
    const table = new ImpactColumns(
      settings.reportingCurrency,
      windows.map((w) => ({ a: w.a, b: w.b })),
      events,
      companies,
      pairEvent.subarray(0, pairs),
      pairCompany.subarray(0, pairs),
      figures,
      baskets
    )
    if (ofEvents) this.memoOfEvents = { key: memoKey, table }
    else {
      const before = this.memo?.table
      const sameWindows = (t: ImpactColumns) => t.windows.length === nw && t.windows.every((w, i) => windowKey(w.a, w.b) === wkeys[i])
      this.otherWindows = before && !sameWindows(before) ? before : null
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
    const row: RowCompany = { id: company.id, ticker: cc.ticker, name: company.name, currency: settings.reportingCurrency, benchmark: bench ? bench.ticker : benchTicker }
    const ctx: CompanyContext = { company, cc, benchTicker, bench, benchReason, currency: settings.reportingCurrency, est: { ...est }, estKey, row }
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

/** Each event x window's basket: its companies' mcap_change summed, their car averaged. */
function basketsOf(figures: FigureColumns, pairEvent: Int32Array, events: number, nw: number): Baskets {
  const change = new Float64Array(events * nw)
  const caar = new Float64Array(events * nw)
  const counted = new Int32Array(events * nw)
  const carCounted = new Int32Array(events * nw)
  for (let p = 0; p < pairEvent.length; p++) {
    for (let i = 0; i < nw; i++) {
      const row = p * nw + i
      const b = pairEvent[p] * nw + i
      const c = figures.value('mcap_change', row)
      if (c !== c) continue
      change[b] += c
      counted[b]++
      // IMPACT.md: caar is the mean car over the same companies the basket counts. A car
      // needs no shares or FX rate, so a company left out of the basket may still have one;
      // averaging it in would put a figure beside "0 of 2 counted".
      const car = figures.value('car', row)
      if (car === car) {
        caar[b] += car
        carCounted[b]++
      }
    }
  }
  for (let b = 0; b < change.length; b++) {
    if (!counted[b]) change[b] = NaN
    caar[b] = carCounted[b] ? caar[b] / carCounted[b] : NaN
  }
  return { change, caar, counted, carCounted }
}

/**
 * An event known only to its month is stored on the 1st, so its day 0 is the month's first
 * trading day: the figures are real but may not bracket the actual news, and the row says so.
 */
const MONTH_ONLY = 'event date known to the month only: day 0 is the first trading day of the month'
