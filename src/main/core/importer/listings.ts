/**
 * Which company and currency an imported ticker belongs to. Data may come before details: an
 * unknown ticker gets a company named after it, with one listing whose currency comes from the
 * mapping or, failing that, from the exchange suffix of the ticker.
 */
import type { Company } from '../../../shared/domain'
import { companySchema } from '../../../shared/domain'
import type { Core } from '../core'
import { slug } from '../ids'

const SUFFIXES: [suffix: string, currency: string, exchange: string][] = [
  ['.HK', 'HKD', 'HKEX'],
  ['.SS', 'CNY', 'SSE'],
  ['.SZ', 'CNY', 'SZSE']
]

export function guessCurrency(ticker: string): string {
  const t = ticker.toUpperCase()
  return SUFFIXES.find(([s]) => t.endsWith(s))?.[1] ?? 'USD'
}

function guessExchange(ticker: string): string {
  const t = ticker.toUpperCase()
  return SUFFIXES.find(([s]) => t.endsWith(s))?.[2] ?? ''
}

/**
 * The spelling a ticker is stored under: a listing's (so `baba` in a file joins `BABA`), else an
 * imported series', else upper case, as exchanges print them.
 */
export function canonicalTicker(core: Core, raw: string): string {
  const listing = core.companies.find(raw)?.listings.find((l) => l.ticker.toUpperCase() === raw.toUpperCase())
  if (listing) return listing.ticker
  const upper = raw.toUpperCase()
  const series = core.store.series.list().find((s) => s.ticker.toUpperCase() === upper)
  return series ? series.ticker : upper
}

export interface TickerOwner {
  companyId: string | null
  currency: string
}

/** The company holding this ticker now, and the currency its points are in. */
export function ownerOf(core: Core, ticker: string, mappingCurrency: string | undefined): TickerOwner {
  const company = core.companies.find(ticker)
  const listing = company?.listings.find((l) => l.ticker.toUpperCase() === ticker.toUpperCase())
  if (company && listing) return { companyId: company.id, currency: listing.currency }
  const series = core.store.series.meta(ticker)
  return { companyId: null, currency: series?.currency ?? mappingCurrency ?? guessCurrency(ticker) }
}

/** Stage (not commit) a company named after the ticker, with that one listing. */
export function stageCompany(core: Core, ticker: string, currency: string): Company {
  const base = slug(ticker)
  let id = base
  for (let i = 2; core.store.companies.get(id); i++) id = `${base}-${i}`
  const stamp = core.now().toISOString()
  const company = companySchema.parse({
    id,
    name: ticker,
    nameZh: '',
    sector: '',
    listings: [{ ticker, exchange: guessExchange(ticker), currency, shares: [] }],
    benchmark: '',
    notes: '',
    createdAt: stamp,
    updatedAt: stamp
  })
  core.store.companies.put(company)
  return company
}
