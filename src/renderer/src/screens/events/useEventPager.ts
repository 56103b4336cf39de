/** The Events screen's pager over `events:query`, as React state; marks the app ready on first rows. */
import { useEffect, useState, useSyncExternalStore } from 'react'
import type { EventQuery } from '../../../../shared/api'
import { api } from '../../api/client'
import { EventPager, type PagerState } from './event-pager'
import { PAGE_SIZE, pageRequest } from './events-query'
import { beforeNextPaint } from '../../components/next-frame'

type Subscribe = (listener: () => void) => () => void

/**
 * React hears of the pager's changes at most once per frame, just before it is painted. While the
 * analyst flings through the table, pages keep arriving for rows that are already scrolled past;
 * rendering each arrival at once costs a layout of rows that the next scroll frame replaces before
 * they are painted. Deferred, an arrival is rendered in the same pass as that frame's scroll (the
 * grid first moves to where it is scrolled, then the rows that arrived fill in: see next-frame.ts),
 * and the frame lays its rows out once.
 */
function oncePerFrame(subscribe: Subscribe): Subscribe {
  return (listener) => {
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const flush = () => {
      if (timer === undefined || !live) return
      clearTimeout(timer)
      timer = undefined
      listener()
    }
    const unsubscribe = subscribe(() => {
      if (timer !== undefined) return
      beforeNextPaint('write', flush)
      // A hidden window runs no animation frames: its state still catches up.
      timer = setTimeout(flush, 100)
    })
    return () => {
      live = false
      clearTimeout(timer)
      unsubscribe()
    }
  }
}

export function useEventPager(query: EventQuery): { pager: EventPager; state: PagerState } {
  const [{ pager, subscribe }] = useState(() => {
    const pager = new EventPager((q, offset, limit) => api['events:query'](pageRequest(q, offset, limit)), PAGE_SIZE)
    return { pager, subscribe: oncePerFrame(pager.subscribe) }
  })
  const state = useSyncExternalStore(subscribe, pager.getState)
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
