/**
 * Market data: the import wizard, the imported series (and which are benchmarks), share schedules
 * per listing, reporting currency and FX, default benchmarks and the impact windows.
 */
import { useCallback, useState } from 'react'
import { api } from '../../api/client'
import { useCompanies } from '../../app/companies'
import { ImportWizard } from './import/ImportWizard'
import { SeriesTable } from './SeriesTable'
import { ShareSchedule } from './shares/ShareSchedule'
import { MarketSettings } from './settings/MarketSettings'
import { BenchmarkDefaults } from './settings/BenchmarkDefaults'
import { ErrorNote } from './shared/ErrorNote'
import { useAsync } from './shared/useAsync'
import './data.css'

export function DataScreen() {
  const series = useAsync(() => api['series:list'](undefined), 'series')
  const companies = useAsync(() => api['companies:list'](undefined), 'companies')
  const settings = useAsync(() => api['settings:get'](undefined), 'settings')
  const { reload: reloadSeries } = series
  const { reload: reloadMine } = companies
  // The app-wide company list (Events, Companies screens) must also see companies an import
  // created and listings whose shares or benchmark changed here.
  const { reload: reloadDirectory } = useCompanies()
  const reloadCompanies = useCallback(() => {
    reloadMine()
    void reloadDirectory()
  }, [reloadMine, reloadDirectory])
  const afterImport = useCallback(() => {
    reloadSeries()
    reloadCompanies()
  }, [reloadSeries, reloadCompanies])
  // A removed series takes companies' benchmark choices with it (the core resets them): the
  // benchmark card is remounted so no choice it still shows from before can outlive the series.
  const [removals, setRemovals] = useState(0)
  const afterRemoval = useCallback(() => setRemovals((n) => n + 1), [])

  return (
    <section className="screen" aria-label="Market data">
      <div className="toolbar" role="toolbar" aria-label="Market data">
        <h1 className="screen-title">Market data</h1>
        <span className="muted">Import daily prices, mark benchmarks, set shares outstanding, currencies and impact windows.</span>
      </div>
      <div className="md-body">
        <ImportWizard onImported={afterImport} />
        <ErrorNote error={series.error ?? companies.error ?? settings.error} title="Could not load market data" />
        <SeriesTable series={series.data} companies={companies.data} onChanged={afterImport} onRemoved={afterRemoval} />
        <div className="md-columns-2">
          <ShareSchedule companies={companies.data} onSaved={reloadCompanies} />
          <BenchmarkDefaults key={removals} companies={companies.data} series={series.data} onSaved={reloadCompanies} />
        </div>
        <MarketSettings settings={settings.data} companies={companies.data} series={series.data} onSaved={settings.reload} />
      </div>
    </section>
  )
}
