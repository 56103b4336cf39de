/**
 * The analyst's choices on the Impact screen, kept while they visit another screen
 * (app/remembered.ts, for the page's lifetime): window, benchmark, sort, column filters (as typed
 * and as applied), the ranking's order and page, the table's page and the event in focus. Nothing
 * opens the Impact screen on a given event (app/navigation.tsx names one for the Events screen
 * only), so the focus is always the one last chosen here. Transient state (an export under way,
 * its note or error) stays with the screen and is not remembered.
 */
import { useCallback, useEffect } from 'react'
import type { ImpactFilterColumn, ImpactSortColumn } from '../../../../shared/market'
import { useRemembered } from '../../app/remembered'
import { useOnChange } from './useOnChange'

export type ImpactSort = { id: ImpactSortColumn; desc: boolean }[]
export type ImpactFilters = Partial<Record<ImpactFilterColumn, string>>
/** The event's title is kept with it: the ranking page it was chosen on may change. */
export interface ImpactFocus {
  id: string
  title: string
}

const DEFAULT_SORT: ImpactSort = [
  { id: 'date', desc: false },
  { id: 'company', desc: false }
]
/** Typing in a filter box asks the host once the typing pauses (ms). */
const FILTER_PAUSE_MS = 200

export function useImpactChoices() {
  const [benchmark, setBenchmark] = useRemembered('impact.benchmark', '')
  const [windowSel, setWindowSel] = useRemembered('impact.window', '')
  const [sort, setSort] = useRemembered('impact.sort', DEFAULT_SORT)
  const [filterInputs, setFilterInputs] = useRemembered<ImpactFilters>('impact.filterInputs', {})
  const [filters, setFilters] = useRemembered<ImpactFilters>('impact.filters', {})
  const [rankingOrder, setRankingOrder] = useRemembered<'change' | 'date'>('impact.rankingOrder', 'change')
  const [rankingOffset, setRankingOffset] = useRemembered('impact.rankingOffset', 0)
  const [offset, setOffset] = useRemembered('impact.offset', 0)
  const [focus, setFocus] = useRemembered<ImpactFocus | null>('impact.focus', null)

  useEffect(() => {
    const t = setTimeout(() => setFilters(filterInputs), FILTER_PAUSE_MS)
    return () => clearTimeout(t)
  }, [filterInputs, setFilters])

  // A new order, filter, window or benchmark shows the table's first rows (the ranking's order
  // and page leave the table where it is), and the ranking's first page; coming back to the
  // screen with the same choices leaves both where they were.
  useOnChange(
    JSON.stringify([benchmark, windowSel, filters, sort]),
    useCallback(() => setOffset(0), [setOffset])
  )
  useOnChange(
    JSON.stringify([benchmark, windowSel, rankingOrder]),
    useCallback(() => setRankingOffset(0), [setRankingOffset])
  )

  return {
    benchmark,
    setBenchmark,
    windowSel,
    setWindowSel,
    sort,
    setSort,
    filterInputs,
    setFilterInputs,
    filters,
    rankingOrder,
    setRankingOrder,
    rankingOffset,
    setRankingOffset,
    offset,
    setOffset,
    focus,
    setFocus
  }
}
