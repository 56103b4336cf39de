/**
 * The Events screen's questions to the core, in one place: the query its view makes and the page
 * request the pager sends. The page's first requests (app/first-requests.ts) ask the opening one
 * before React has rendered anything, and that answer is used only if the screen then asks exactly
 * the same, so both are built here.
 */
import type { SortingState } from '@tanstack/react-table'
import type { EventColumn, EventFilters, EventQuery, MethodInput } from '../../../../shared/api'

/** Oldest first: a timeline reads forward. */
export const DEFAULT_SORT: SortingState = [{ id: 'date', desc: false }]

/** Rows per `events:query` page. */
export const PAGE_SIZE = 200

export function eventsQuery(search: string, filters: EventFilters, sort: { id: string; desc: boolean }): EventQuery {
  return { search, filters, sort: { column: sort.id as EventColumn, desc: sort.desc } }
}

export function pageRequest(query: EventQuery, offset: number, limit: number): MethodInput<'events:query'> {
  return { ...query, offset, limit }
}

/** The first page of the screen as it opens: no search, no filter, the default order. */
export function openingPageRequest(): MethodInput<'events:query'> {
  return pageRequest(eventsQuery('', {}, DEFAULT_SORT[0]), 0, PAGE_SIZE)
}
