/**
 * The market data a chart, an impact table or a report reads, computed once and cached per core:
 * each listing's market cap (keyed on its series file, share rows, currency and FX inputs), each
 * benchmark's points, and the daily returns of each (listing, benchmark) pair. A change to one share
 * schedule rebuilds that listing only; the store's immutable series file names tell a re-import.
 */
import { buildChoices, defaultSelection } from '../../../shared/chart-selection'
import type { Company, Listing, Settings } from '../../../shared/domain'
import type { ChartEventMarker } from '../../../shared/market'
import { dayFromIso } from '../../../shared/dates'
import type { Core } from '../core'
import type { SeriesMeta } from '../store/schema'
import { benchmarkPoints, alignBenchmark, type BenchmarkPoints } from './benchmark'
import { fxRate, type FxPoints, type FxRate } from './fx'
import { listingCap, noPricesReason, type ListingCap } from './marketcap'
import { dailyReturns, type DailyReturns } from './market-model'

/** A company's market cap from its primary listing, or why it has none. */
export interface CompanyCap {
  company: Company
  /** The primary listing's ticker ('' for an unlisted company). */
  ticker: string
  /** Null when there are no trading days at all; `cap.reason` says why a cap without values. */
  cap: ListingCap | null
  reason: string
}

interface CapEntry {
  version: number
  key: string
  cap: ListingCap | null
  reason: string
}

export class MarketService {
  private seenMeta = -1
  private seriesByTicker = new Map<string, SeriesMeta>()
  private listingByTicker = new Map<string, Listing>()
  private caps = new Map<string, CapEntry>()
  private fxCache = new Map<string, { key: string; fx: FxRate }>()
  private benches = new Map<string, { file: string; points: BenchmarkPoints | null }>()
  private returns = new WeakMap<ListingCap, Map<string, { bench: BenchmarkPoints; returns: DailyReturns }>>()
  /** Per benchmark, its returns on each trading calendar met so far (see returnsOf). */
  private benchReturns = new Map<string, { bench: BenchmarkPoints; days: readonly number[]; rm: Float64Array }[]>()
  private markerCache: { version: number; markers: ChartEventMarker[]; days: Int32Array } | null = null

  constructor(readonly core: Core) {}

  get settings(): Settings {
    return this.core.store.settings.get()
  }

  /** Refresh the ticker indexes when companies, settings or series changed. */
  private sync(): void {
    const store = this.core.store
    if (this.seenMeta === store.metaVersion) return
    this.seenMeta = store.metaVersion
    this.seriesByTicker = new Map(store.series.list().map((s) => [s.ticker.toUpperCase(), s]))
    this.listingByTicker = new Map()
    for (const c of store.companies.list()) for (const l of c.listings) this.listingByTicker.set(l.ticker.toUpperCase(), l)
  }

  seriesMeta(ticker: string): SeriesMeta | undefined {
    this.sync()
    return this.seriesByTicker.get(ticker.toUpperCase())
  }

  seriesList(): SeriesMeta[] {
    this.sync()
    return [...this.seriesByTicker.values()]
  }

  /** The conversion of `currency` to the reporting currency under the current settings. */
  async fx(currency: string): Promise<FxRate> {
    const s = this.settings
    const seriesTicker = s.fxSeries[currency]?.trim() || ''
    const meta = seriesTicker ? this.seriesMeta(seriesTicker) : undefined
    const key = `${s.reportingCurrency}|${s.fxRates[currency] ?? ''}|${seriesTicker}|${meta?.file ?? ''}`
    const hit = this.fxCache.get(currency)
    if (hit?.key === key) return hit.fx
    let points: FxPoints | null = null
    if (meta && currency !== s.reportingCurrency) {
      const data = await this.core.store.series.load(meta.ticker)
      const part = data?.close?.days.length ? data.close : data?.adjClose
      if (part?.days.length) points = { ticker: meta.ticker, days: part.days, values: part.values }
    }
    const fx = fxRate(currency, s, points, seriesTicker && !points ? seriesTicker : null)
    this.fxCache.set(currency, { key, fx })
    return fx
  }

  /** Market cap of one imported ticker (its listing's shares and currency when it has one). */
  async capOf(ticker: string): Promise<{ cap: ListingCap | null; reason: string }> {
    this.sync()
    const upper = ticker.toUpperCase()
    const meta = this.seriesByTicker.get(upper)
    const version = this.core.store.metaVersion
    const hit = this.caps.get(upper)
    if (hit?.version === version) return hit
    if (!meta) {
      const entry = { version, key: '', cap: null, reason: `no prices imported for ${ticker}` }
      this.caps.set(upper, entry)
      return entry
    }
    const listing = this.listingByTicker.get(upper) ?? { ticker: meta.ticker, currency: meta.currency, shares: [] }
    const s = this.settings
    const fxSeriesTicker = s.fxSeries[listing.currency] ?? ''
    const key = [
      meta.file,
      listing.currency,
      JSON.stringify(listing.shares),
      s.reportingCurrency,
      s.fxRates[listing.currency] ?? '',
      fxSeriesTicker,
      fxSeriesTicker ? (this.seriesMeta(fxSeriesTicker)?.file ?? '') : ''
    ].join('|')
    if (hit?.key === key) {
      hit.version = version
      return hit
    }
    const data = await this.core.store.series.load(meta.ticker)
    const none = noPricesReason(meta.ticker, data)
    let entry: CapEntry
    if (none || !data) entry = { version, key, cap: null, reason: none ?? `no prices imported for ${ticker}` }
    else {
      const cap = listingCap({ ...listing, ticker: meta.ticker }, data, await this.fx(listing.currency))
      entry = { version, key, cap, reason: cap.reason }
    }
    this.caps.set(upper, entry)
    return entry
  }

  /** A company's market cap: from its primary listing, the first one with an imported series. */
  async companyCap(company: Company): Promise<CompanyCap> {
    this.sync()
    const primary = company.listings.find((l) => this.seriesByTicker.has(l.ticker.toUpperCase()))
    if (!primary) {
      const what = company.listings.length ? company.listings.map((l) => l.ticker).join(', ') : `${company.name} (no listing)`
      return { company, ticker: company.listings[0]?.ticker ?? '', cap: null, reason: `no prices imported for ${what}` }
    }
    const { cap, reason } = await this.capOf(primary.ticker)
    return { company, ticker: primary.ticker, cap, reason }
  }

  /** A benchmark's points, or null when the ticker is not imported (or has no values). */
  async benchmark(ticker: string): Promise<BenchmarkPoints | null> {
    const meta = this.seriesMeta(ticker)
    if (!meta) return null
    const hit = this.benches.get(meta.ticker)
    if (hit?.file === meta.file) return hit.points
    const points = benchmarkPoints(meta.ticker, await this.core.store.series.load(meta.ticker))
    this.benches.set(meta.ticker, { file: meta.file, points })
    return points
  }

  /** Daily returns of a listing's price and of a benchmark on its trading days, computed once. */
  returnsOf(cap: ListingCap, bench: BenchmarkPoints): DailyReturns {
    let perBench = this.returns.get(cap)
    if (!perBench) this.returns.set(cap, (perBench = new Map()))
    const hit = perBench.get(bench.ticker)
    if (hit?.bench === bench) return hit.returns
    // Keyed by ticker so a re-imported benchmark replaces its old returns instead of piling up.
    const computed = dailyReturns(cap.price, alignBenchmark(bench, cap.days))
    const returns = { r: computed.r, rm: this.sharedBenchReturns(bench, cap.days, computed.rm) }
    perBench.set(bench.ticker, { bench, returns })
    return returns
  }

  /**
   * The benchmark's returns on `days`, one array for every listing that trades on the same days:
   * listings of one exchange share a calendar, and the large workspace's 500 copies cost 10 MB.
   */
  private sharedBenchReturns(bench: BenchmarkPoints, days: readonly number[], rm: Float64Array): Float64Array {
    const known = (this.benchReturns.get(bench.ticker) ?? []).filter((k) => k.bench === bench)
    const same = known.find((k) => k.days === days || (k.days.length === days.length && k.days.every((d, i) => d === days[i])))
    if (same) return same.rm
    known.push({ bench, days, rm })
    this.benchReturns.set(bench.ticker, known)
    return rm
  }

  /**
   * Load, in the background, the market caps the Charts screen opens on (its default selection),
   * one company per turn of the event loop, so the first chart of a session is drawn at warm speed
   * instead of reading and checking 20 series files while the analyst waits. Bounded to that
   * selection: memory for the other series is spent only when they are asked for. Errors (a
   * damaged series file) are left for the request that needs the series to report.
   */
  warmUp(): void {
    const ids = defaultSelection(buildChoices(this.core.companies.list(), this.core.store.series.list()))
    const next = () => {
      if (this.core.closing) return
      const id = ids.shift()
      if (id === undefined) return void this.markers()
      const company = this.core.store.companies.get(id)
      const done = () => void setTimeout(next, 0).unref()
      if (!company) return done()
      this.companyCap(company).then(done, done)
    }
    setTimeout(next, 0).unref()
  }

  /** Every event as a chart marker, by date, with its day number (cached until an event changes). */
  markers(): { markers: ChartEventMarker[]; days: Int32Array } {
    const version = this.core.store.events.version
    if (this.markerCache?.version === version) return this.markerCache
    const markers = this.core.events.list().map((e) => ({ id: e.id, date: e.date, datePrecision: e.datePrecision, title: e.title, category: e.category }))
    const days = Int32Array.from(markers, (m) => dayFromIso(m.date))
    this.markerCache = { version, markers, days }
    return this.markerCache
  }
}

const services = new WeakMap<Core, MarketService>()

/** The market service of a core (one per open data directory). */
export function marketService(core: Core): MarketService {
  let s = services.get(core)
  if (!s) services.set(core, (s = new MarketService(core)))
  return s
}
