/**
 * Companies and their listings. A company is linked from events by id; tickers are how the
 * analyst names them (CLI `--companies BABA,0700.HK`), so a ticker belongs to one company only.
 */
import type { CompanyRow } from '../../shared/api'
import type { Company, CompanyInput, ShareRow } from '../../shared/domain'
import { companyFields } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import type { Store } from './store/store'
import { slug } from './ids'
import { carryRenames, renamedTickers } from './ticker-rename'

/** How a company is named in tables and reports: its first ticker, or its name when unlisted. */
export function companyLabel(c: Company | undefined, fallback = ''): string {
  if (!c) return fallback
  return c.listings[0]?.ticker ?? c.name
}

/** What global search finds an event's company by: its names and tickers. */
export function companySearchText(c: Company): string {
  return `${c.name} ${c.nameZh} ${c.listings.map((l) => l.ticker).join(' ')}`
}

export class CompaniesService {
  private countCache: { version: number; counts: Map<string, number> } | null = null

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    /**
     * Called after a change to how the company's events read or sort (its names and tickers),
     * not after one to its sector, shares or notes: re-indexing its events has a cost.
     */
    private readonly onRenamed: (id: string) => void = () => {}
  ) {}

  list(): CompanyRow[] {
    const counts = this.eventCounts()
    return this.store.companies
      .list()
      .map((c) => ({ ...c, eventCount: counts.get(c.id) ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name))
  }

  row(c: Company): CompanyRow {
    return { ...c, eventCount: this.eventCounts().get(c.id) ?? 0 }
  }

  get(id: string): Company {
    const c = this.store.companies.get(id)
    if (!c) throw new ApiError('not_found', `No company with id ${id}`, { issues: [{ path: 'id', message: 'no such company' }] })
    return c
  }

  /** The company with this ticker (case-insensitive), or with this id. */
  find(tickerOrId: string): Company | undefined {
    const t = tickerOrId.toUpperCase()
    for (const c of this.store.companies.list()) if (c.listings.some((l) => l.ticker.toUpperCase() === t)) return c
    return this.store.companies.get(tickerOrId)
  }

  /** Resolve tickers/ids to company ids; an unknown one is an error that lists the known tickers. */
  resolve(refs: string[]): string[] {
    const ids: string[] = []
    const unknown: string[] = []
    for (const r of refs) {
      const c = this.find(r.trim())
      if (c) ids.push(c.id)
      else unknown.push(r)
    }
    if (unknown.length) {
      const known = this.store.companies
        .list()
        .flatMap((c) => (c.listings.length ? c.listings.map((l) => l.ticker) : [c.id]))
        .sort()
      throw new ApiError('invalid_input', `Unknown ticker ${unknown.join(', ')}. ${known.length ? `Known: ${known.join(', ')}` : 'The workspace has no companies yet'}`, {
        issues: unknown.map((u) => ({ path: 'companies', message: `unknown ticker ${u}` }))
      })
    }
    return ids
  }

  async create(fields: CompanyInput, id?: string): Promise<CompanyRow> {
    const parsed = this.validate(fields, null)
    let base = id ?? slug(parsed.name)
    if (this.store.companies.get(base)) {
      let i = 2
      while (this.store.companies.get(`${base}-${i}`)) i++
      base = `${base}-${i}`
    }
    const stamp = this.now().toISOString()
    const company: Company = { ...parsed, id: base, createdAt: stamp, updatedAt: stamp }
    this.store.companies.put(company)
    await this.store.commit()
    return this.row(company)
  }

  async update(id: string, patch: Partial<CompanyInput>): Promise<CompanyRow> {
    const current = this.get(id)
    const { id: _id, createdAt, updatedAt: _u, ...fields } = current
    const parsed = this.validate({ ...fields, ...patch }, id)
    const edited: Company = { ...parsed, id, createdAt, updatedAt: this.now().toISOString() }
    const company = carryRenames(this.store, edited, renamedTickers(current.listings, edited.listings))
    this.store.companies.put(company)
    await this.store.commit()
    if (companySearchText(company) !== companySearchText(current) || companyLabel(company) !== companyLabel(current)) this.onRenamed(id)
    return this.row(company)
  }

  /** Delete a company and unlink it from its events, in one commit. */
  async remove(id: string): Promise<{ deleted: number; unlinkedEvents: number }> {
    this.get(id)
    let unlinked = 0
    const stamp = this.now().toISOString()
    for (const e of [...this.store.events.all()]) {
      if (!e.companies.includes(id)) continue
      this.store.events.put({ ...e, companies: e.companies.filter((c) => c !== id), updatedAt: stamp })
      unlinked++
    }
    this.store.companies.remove(id)
    for (const s of this.store.series.list()) if (s.companyId === id) this.store.series.setMeta(s.ticker, { companyId: null })
    // The unlinked events were saved above, so search and sort follow them like any edit.
    await this.store.commit()
    return { deleted: 1, unlinkedEvents: unlinked }
  }

  async setShares(ticker: string, rows: ShareRow[]): Promise<CompanyRow> {
    const company = this.find(ticker)
    const listing = company?.listings.find((l) => l.ticker.toUpperCase() === ticker.toUpperCase())
    if (!company || !listing) throw new ApiError('not_found', `No listing with ticker ${ticker}`)
    const dates = new Set<string>()
    for (const r of rows) {
      if (dates.has(r.date)) throw new ApiError('invalid_input', `Two share rows for ${r.date}`, { issues: [{ path: 'rows.date', message: `duplicate date ${r.date}` }] })
      dates.add(r.date)
    }
    const sorted = [...rows].sort((a, b) => (a.date < b.date ? -1 : 1))
    const listings = company.listings.map((l) => (l === listing ? { ...l, shares: sorted } : l))
    return this.update(company.id, { listings })
  }

  private validate(fields: CompanyInput, selfId: string | null): ReturnType<typeof companyFields.parse> {
    const parsed = companyFields.safeParse(fields)
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
      throw new ApiError('invalid_input', `Invalid company: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues })
    }
    const seen = new Set<string>()
    for (const l of parsed.data.listings) {
      const t = l.ticker.toUpperCase()
      const owner = this.find(t)
      if (seen.has(t) || (owner && owner.id !== selfId && owner.listings.some((x) => x.ticker.toUpperCase() === t))) {
        throw new ApiError('conflict', `Ticker ${l.ticker} already belongs to ${owner && owner.id !== selfId ? owner.name : 'this company'}`, {
          issues: [{ path: 'listings.ticker', message: `duplicate ticker ${l.ticker}` }]
        })
      }
      seen.add(t)
    }
    return parsed.data
  }

  private eventCounts(): Map<string, number> {
    const version = this.store.events.version
    if (this.countCache?.version === version) return this.countCache.counts
    const counts = new Map<string, number>()
    for (const e of this.store.events.all()) for (const c of e.companies) counts.set(c, (counts.get(c) ?? 0) + 1)
    this.countCache = { version, counts }
    return counts
  }
}
