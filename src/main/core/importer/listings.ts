/**
 * Which company and currency an imported ticker belongs to. Data may come before details: an
 * unknown ticker gets a company named after it, with one listing whose currency comes from the
 * mapping or, failing that, from the exchange suffix of the ticker.
 */
import type { Company } from '../../../shared/domain'
import { companySchema } from '../../../shared/domain'
import type { Core } from '../core'
import { slug } from '../ids'

/**
 * Yahoo Finance's exchange suffixes whose quotes are in the exchange's currency. Left out on
 * purpose: exchanges Yahoo quotes in minor units (London .L in pence, Johannesburg .JO in cents,
 * Tel Aviv .TA in agorot), where the currency's code would be off by 100: those stay USD until
 * the analyst says (the wizard's currency, `--currency`), as any unknown suffix does.
 */
const SUFFIXES: [suffix: string, currency: string, exchange: string][] = [
  ['.HK', 'HKD', 'HKEX'],
  ['.SS', 'CNY', 'SSE'],
  ['.SZ', 'CNY', 'SZSE'],
  ['.T', 'JPY', 'TSE'],
  ['.KS', 'KRW', 'KRX'],
  ['.KQ', 'KRW', 'KOSDAQ'],
  ['.TW', 'TWD', 'TWSE'],
  ['.TWO', 'TWD', 'TPEx'],
  ['.SI', 'SGD', 'SGX'],
  ['.AX', 'AUD', 'ASX'],
  ['.NZ', 'NZD', 'NZX'],
  ['.NS', 'INR', 'NSE'],
  ['.BO', 'INR', 'BSE'],
  ['.TO', 'CAD', 'TSX'],
  ['.V', 'CAD', 'TSXV'],
  ['.DE', 'EUR', 'XETRA'],
  ['.F', 'EUR', 'FWB'],
  ['.PA', 'EUR', 'Euronext Paris'],
  ['.AS', 'EUR', 'Euronext Amsterdam'],
  ['.BR', 'EUR', 'Euronext Brussels'],
  ['.MI', 'EUR', 'Borsa Italiana'],
  ['.MC', 'EUR', 'BME'],
  ['.HE', 'EUR', 'Nasdaq Helsinki'],
  ['.SW', 'CHF', 'SIX'],
  ['.ST', 'SEK', 'Nasdaq Stockholm'],
  ['.OL', 'NOK', 'Oslo Bors'],
  ['.CO', 'DKK', 'Nasdaq Copenhagen'],
  ['.SA', 'BRL', 'B3'],
  ['.MX', 'MXN', 'BMV']
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
