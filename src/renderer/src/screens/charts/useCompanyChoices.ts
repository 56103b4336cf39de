/** The Charts screen's company choices, from the companies and the imported series. */
import { useMemo } from 'react'
import { api } from '../../api/client'
import { buildChoices } from '../../../../shared/chart-selection'
import { useAsync } from '../data/shared/useAsync'

export { defaultSelection, type CompanyChoice } from '../../../../shared/chart-selection'

export function useCompanyChoices() {
  const companies = useAsync(() => api['companies:list'](undefined), 'companies')
  const series = useAsync(() => api['series:list'](undefined), 'series')
  const choices = useMemo(() => {
    if (!companies.data || !series.data) return undefined
    // A company with neither prices nor a listing has no ticker; buildChoices then falls back to
    // its internal id, which means nothing to an analyst. An empty ticker lets the picker say
    // "unlisted" instead.
    const unlisted = new Set(companies.data.filter((c) => c.listings.length === 0).map((c) => c.id))
    return buildChoices(companies.data, series.data).map((c) => (!c.hasPrices && unlisted.has(c.id) ? { ...c, ticker: '' } : c))
  }, [companies.data, series.data])
  return { choices, error: companies.error ?? series.error, loading: companies.loading || series.loading }
}
