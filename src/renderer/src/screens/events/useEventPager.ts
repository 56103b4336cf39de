/** The Events screen's pager over `events:query`, as React state; marks the app ready on first rows. */
import { useEffect, useState, useSyncExternalStore } from 'react'
import type { EventQuery } from '../../../../shared/api'
import { api } from '../../api/client'
import { EventPager, type PagerState } from './event-pager'

export function useEventPager(query: EventQuery): { pager: EventPager; state: PagerState } {
  const [pager] = useState(() => new EventPager((q, offset, limit) => api['events:query']({ ...q, offset, limit })))
  const state = useSyncExternalStore(pager.subscribe, pager.getState)
  const key = JSON.stringify(query)
  useEffect(() => {
    pager.setQuery(JSON.parse(key) as EventQuery)
  }, [pager, key])
  useEffect(() => {
    // The end-to-end suite and the bench wait for this: the first page has arrived (or failed
    // with a message on screen).
    if (state.status !== 'loading') document.body.dataset.ready = 'true'
  }, [state.status])
  return { pager, state }
}
