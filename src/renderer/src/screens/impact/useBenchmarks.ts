/** Tickers of the series marked benchmark, for the "compare with" pickers. */
import { useMemo } from 'react'
import { api } from '../../api/client'
import { useAsync } from '../data/shared/useAsync'

export function useBenchmarks(): string[] {
  const series = useAsync(() => api['series:list'](undefined), 'series')
  return useMemo(() => (series.data ?? []).filter((s) => s.benchmark).map((s) => s.ticker), [series.data])
}
