/**
 * The Impact screen's rows, asked of the host a page at a time: the host sorts and filters the
 * whole table (a large workspace has hundreds of thousands of rows). While the host is still
 * computing the table it answers with its progress, and this asks again until the rows come.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ImpactFilterColumn, ImpactSortColumn, ImpactView } from '../../../../shared/market'
import { api } from '../../api/client'

export interface ImpactQuery {
  benchmark: string
  /** "a:b", or '' for every window. */
  window: string
  filters: Partial<Record<ImpactFilterColumn, string>>
  sort: { id: ImpactSortColumn; desc: boolean }[]
  ranking: { window: string; order: 'change' | 'date'; offset: number }
}

/** Events of the ranking shown at a time. */
export const RANKING_ROWS = 500

/** Rows asked for at a time: a few screens, so a scroll of a screen or two needs no request. */
export const PAGE_ROWS = 400
/** How often to ask again while the host computes (ms). */
const POLL_MS = 400

export interface ImpactViewState {
  view: ImpactView | undefined
  progress: { done: number; total: number } | null
  error: unknown
  loading: boolean
  reload: () => void
}

export function useImpactView(query: ImpactQuery, offset: number): ImpactViewState {
  const [view, setView] = useState<ImpactView | undefined>(undefined)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(true)
  const [tick, setTick] = useState(0)
  const key = JSON.stringify([query, offset])
  const queryRef = useRef(query)
  queryRef.current = query

  useEffect(() => {
    const q = queryRef.current
    let current = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const ask = () =>
      api['impact:view']({
        ...(q.benchmark ? { benchmark: q.benchmark } : {}),
        ...(q.window ? { window: q.window } : {}),
        filters: q.filters,
        sort: q.sort,
        offset,
        limit: PAGE_ROWS,
        ranking: { ...(q.ranking.window ? { window: q.ranking.window } : {}), order: q.ranking.order, offset: q.ranking.offset, limit: RANKING_ROWS }
      }).then(
        (v) => {
          if (!current) return
          if (v.progress) {
            setProgress(v.progress)
            timer = setTimeout(ask, POLL_MS)
            return
          }
          setProgress(null)
          setView(v)
          setError(null)
          setLoading(false)
        },
        (e: unknown) => {
          if (!current) return
          setError(e)
          setLoading(false)
        }
      )
    setLoading(true)
    void ask()
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [key, offset, tick])

  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { view, progress, error, loading, reload }
}
