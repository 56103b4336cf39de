/**
 * The workspace's companies, loaded once and shared: the Events screen shows and picks them by
 * ticker, the Companies screen edits them and reloads this list after each change.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { CompanyRow } from '../../../shared/api'
import { api } from '../api/client'
import type { ChecklistOption } from '../components/Checklist'

export interface CompanyDirectory {
  list: CompanyRow[]
  byId: ReadonlyMap<string, CompanyRow>
  /** For pick-lists: label is the ticker (or the name when unlisted), hint the full name. */
  options: ChecklistOption[]
  loaded: boolean
  error: unknown
  reload: () => Promise<void>
  /** Put a created or updated company in the list without reloading it all. */
  upsert: (row: CompanyRow) => void
}

/** How a company is named in tables: its first ticker, or its name when it is not listed. */
export function companyShortName(c: CompanyRow | undefined, fallback: string): string {
  if (!c) return fallback
  return c.listings[0]?.ticker ?? c.name
}

const CompaniesContext = createContext<CompanyDirectory | null>(null)

export function useCompanies(): CompanyDirectory {
  const d = useContext(CompaniesContext)
  if (!d) throw new Error('useCompanies outside CompaniesProvider')
  return d
}

export function CompaniesProvider({ children }: { children: ReactNode }) {
  const [list, setList] = useState<CompanyRow[]>([])
  const [loaded, setLoaded] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const reload = useCallback(async () => {
    try {
      setList(await api['companies:list']({}))
      setError(null)
    } catch (e) {
      setError(e)
    } finally {
      setLoaded(true)
    }
  }, [])
  useEffect(() => {
    void reload()
  }, [reload])
  const upsert = useCallback((row: CompanyRow) => {
    setList((xs) => {
      const i = xs.findIndex((c) => c.id === row.id)
      const next = i < 0 ? [...xs, row] : xs.map((c) => (c.id === row.id ? row : c))
      return next.sort((a, b) => a.name.localeCompare(b.name))
    })
  }, [])
  const value = useMemo<CompanyDirectory>(() => {
    const byId = new Map(list.map((c) => [c.id, c]))
    const options = list.map((c) => {
      const label = companyShortName(c, c.id)
      // An unlisted company is labelled by its name already: the hint would only repeat it.
      const names = [c.name, c.nameZh].filter((n) => n && n !== label)
      return { value: c.id, label, hint: [...names, ...c.listings.slice(1).map((l) => l.ticker)].join(' · ') }
    })
    return { list, byId, options, loaded, error, reload, upsert }
  }, [list, loaded, error, reload, upsert])
  return <CompaniesContext.Provider value={value}>{children}</CompaniesContext.Provider>
}
