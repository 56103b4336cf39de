/**
 * The companies a chart can draw (those with an imported series), and the default selection:
 * the ones linked to events that have prices, most-linked first, at most 20 (the size the chart
 * is designed for). Benchmarks (SPY) are left out of the default: they are not "affected".
 */
import { useMemo } from 'react'
import { api } from '../../api/client'
import type { CompanyRow } from '../../../../shared/api'
import type { SeriesInfo } from '../../../../shared/market'
import { useAsync } from '../data/shared/useAsync'

export interface CompanyChoice {
  id: string
  name: string
  ticker: string
  eventCount: number
  hasPrices: boolean
  benchmark: boolean
}

export const DEFAULT_MAX = 20

export function buildChoices(companies: CompanyRow[], series: SeriesInfo[]): CompanyChoice[] {
  const priced = new Map<string, SeriesInfo>()
  for (const s of series) if (s.companyId && !priced.has(s.companyId)) priced.set(s.companyId, s)
  return companies.map((c) => {
    const s = priced.get(c.id)
    return {
      id: c.id,
      name: c.name,
      ticker: s?.ticker ?? c.listings[0]?.ticker ?? c.id,
      eventCount: c.eventCount,
      hasPrices: s !== undefined,
      benchmark: s?.benchmark ?? false
    }
  })
}

export function defaultSelection(choices: CompanyChoice[]): string[] {
  return choices
    .filter((c) => c.hasPrices && !c.benchmark && c.eventCount > 0)
    .sort((a, b) => b.eventCount - a.eventCount || a.name.localeCompare(b.name))
    .slice(0, DEFAULT_MAX)
    .map((c) => c.id)
}

export function useCompanyChoices() {
  const companies = useAsync(() => api['companies:list'](undefined), 'companies')
  const series = useAsync(() => api['series:list'](undefined), 'series')
  const choices = useMemo(
    () => (companies.data && series.data ? buildChoices(companies.data, series.data) : undefined),
    [companies.data, series.data]
  )
  return { choices, error: companies.error ?? series.error, loading: companies.loading || series.loading }
}
