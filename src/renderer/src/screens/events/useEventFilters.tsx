/** The Events table's filter row: one control per filterable column, over the core's EventFilters. */
import { useCallback, useMemo, type ReactNode } from 'react'
import type { EventFilters } from '../../../../shared/api'
import { AUTHORITIES, CATEGORIES } from '../../../../shared/vocabulary'
import type { CompanyDirectory } from '../../app/companies'
import { ChoiceFilter, DateRangeFilter, TextFilter } from '../../components/FilterControls'

const CATEGORY_OPTIONS = CATEGORIES.map(([value, label]) => ({ value, label }))
const AUTHORITY_OPTIONS = AUTHORITIES.map((a) => ({ value: a, label: a }))

/** Filters without their empty entries: what the core is asked and what "any filter on" checks. */
export function cleanFilters(f: EventFilters): EventFilters {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue
    out[k] = v
  }
  return out as EventFilters
}

export function useEventFilterControls(
  filters: EventFilters,
  setFilters: (update: (f: EventFilters) => EventFilters) => void,
  companies: CompanyDirectory
): Record<string, ReactNode> {
  const set = useCallback(
    <K extends keyof EventFilters>(key: K) =>
      (v: EventFilters[K] | undefined) =>
        setFilters((f) => cleanFilters({ ...f, [key]: v })),
    [setFilters]
  )
  // One stable setter per column, so the text filters' debounce effects are not restarted.
  const setters = useMemo(
    () => ({
      date: set('date'),
      title: set('title'),
      category: set('category'),
      authority: set('authority'),
      companies: set('companies'),
      tags: set('tags'),
      summary: set('summary'),
      sources: set('sources')
    }),
    [set]
  )
  // Memoised: the grid's header re-renders only when a filter (or the company list) changes.
  const options = companies.options
  return useMemo(
    () => ({
    date: <DateRangeFilter label="Filter Date" value={filters.date} onChange={setters.date} />,
    title: <TextFilter label="Filter Title" value={filters.title} onChange={setters.title} />,
    category: (
      <ChoiceFilter label="Filter Category" options={CATEGORY_OPTIONS} value={filters.category} onChange={(v) => setters.category(v as EventFilters['category'])} />
    ),
    authority: (
      <ChoiceFilter label="Filter Authority" options={AUTHORITY_OPTIONS} value={filters.authority} onChange={(v) => setters.authority(v as EventFilters['authority'])} />
    ),
    companies: <ChoiceFilter label="Filter Companies" options={options} value={filters.companies} onChange={setters.companies} />,
    tags: <TextFilter label="Filter Tags" value={filters.tags} onChange={setters.tags} />,
    summary: <TextFilter label="Filter Summary" value={filters.summary} onChange={setters.summary} />,
    sources: <TextFilter label="Filter Sources" value={filters.sources} onChange={setters.sources} />
    }),
    [filters, setters, options]
  )
}
