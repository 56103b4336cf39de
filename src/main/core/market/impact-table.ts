/**
 * impact:table: every event x linked company x window, and the basket totals per event x window
 * (IMPACT.md). Results are cached per event x company x benchmark: an entry is reused while the
 * event's date, the company's market-cap series (its price file, share rows, FX), the benchmark's
 * file and the estimation window are the same objects, and a new window computes only that window.
 */
import { ApiError } from '../../../shared/errors'
import { dayFromIso } from '../../../shared/dates'
import type { Company, PolicyEvent } from '../../../shared/domain'
import type { ImpactBasket, ImpactRow, ImpactTable } from '../../../shared/market'
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
  rows: Map<string, ImpactRow>
  generation: number
}

export class ImpactTables {
  private contexts = new Map<string, CompanyContext>()
  private pairs = new Map<string, PairEntry>()
  private generation = 0
  private memo: { key: string; table: ImpactTable } | null = null

  constructor(private readonly market: MarketService) {}

  async table(req: ImpactRequest): Promise<ImpactTable> {
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
    if (this.memo?.key === memoKey) return this.memo.table

    const events = this.events(req.eventIds)
    const generation = ++this.generation
    const wkeys = windows.map((w) => `${w.a}:${w.b}`)
    const fallbackBench = defaultBenchmark(core.store.series.list())
    const contexts = new Map<string, CompanyContext>()
    const rows: ImpactRow[] = []
    const baskets: ImpactBasket[] = []
    const sum = new Float64Array(windows.length)
    const counted = new Int32Array(windows.length)
    const carSum = new Float64Array(windows.length)
    const carCounted = new Int32Array(windows.length)
    for (const event of events) {
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
          entry = { ctx, date: event.date, precision: event.datePrecision, title: event.title, rows: new Map(), generation }
          this.pairs.set(key, entry)
        }
        entry.generation = generation
        const missing = windows.filter((_, i) => !entry.rows.has(wkeys[i]))
        if (missing.length) {
          const { cc, bench } = ctx
          const returns = cc.cap && bench ? this.market.returnsOf(cc.cap, bench) : null
          const inputs = { eventDay: dayFromIso(event.date), cap: cc.cap, noCapReason: cc.reason, bench, benchReason: ctx.benchReason, returns, est: ctx.est }
          for (const f of pairImpact(inputs, missing)) entry.rows.set(`${f.window_start}:${f.window_end}`, toRow(event, ctx, f))
        }
        for (let i = 0; i < windows.length; i++) {
          const r = entry.rows.get(wkeys[i])!
          rows.push(r)
          if (r.mcap_change !== null) {
            sum[i] += r.mcap_change
            counted[i]++
          }
          if (r.car !== null) {
            carSum[i] += r.car
            carCounted[i]++
          }
        }
      }
      for (let i = 0; i < windows.length; i++) {
        baskets.push({
          event_id: event.id,
          event_date: event.date,
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
    // After a full run, forget pairs of events or links that no longer exist.
    if (!req.eventIds) for (const [k, e] of this.pairs) if (e.generation !== generation) this.pairs.delete(k)
    const table: ImpactTable = { currency: settings.reportingCurrency, windows: windows.map((w) => ({ a: w.a, b: w.b })), rows, baskets }
    this.memo = { key: memoKey, table }
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
function toRow(event: PolicyEvent, ctx: CompanyContext, f: ImpactFigures): ImpactRow {
  return {
    event_id: event.id,
    event_date: event.date,
    event_title: event.title,
    company_id: ctx.company.id,
    ticker: ctx.cc.ticker,
    company: ctx.company.name,
    window_start: f.window_start,
    window_end: f.window_end,
    day0: f.day0,
    start_date: f.start_date,
    end_date: f.end_date,
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
    note: event.datePrecision === 'month' && f.day0 !== null ? [MONTH_ONLY, f.note].filter(Boolean).join('; ') : f.note
  }
}

/**
 * An event known only to its month is stored on the 1st, so its day 0 is the month's first
 * trading day: the figures are real but may not bracket the actual news, and the row says so.
 */
const MONTH_ONLY = 'event date known to the month only: day 0 is the first trading day of the month'
