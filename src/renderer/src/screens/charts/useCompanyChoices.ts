/** The Charts screen's company choices, from the companies and the imported series. */
import { useMemo } from 'react'
import { api } from '../../api/client'
import { buildChoices } from '../../../../shared/chart-selection'
import { useAsync } from '../data/shared/useAsync'

export { defaultSelection, type CompanyChoice } from '../../../../shared/chart-selection'

export function useCompanyChoices() {
  const companies = useAsync(() => api['companies:list'](undefined), 'companies')
  const series = useAsync(() => api['series:list'](undefined), 'series')
  const choices = useMemo(
    () => (companies.data && series.data ? buildChoices(companies.data, series.data) : undefined),
    [companies.data, series.data]
  )
  return { choices, error: companies.error ?? series.error, loading: companies.loading || series.loading }
}
