/**
 * Reporting currency and FX (a constant rate per currency, or an imported daily series), the
 * impact windows and the market model's estimation window. Saved together, all or nothing.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { api } from '../../../api/client'
import type { CompanyRow } from '../../../../../shared/api'
import type { Settings } from '../../../../../shared/domain'
import type { SeriesInfo } from '../../../../../shared/market'
import { ErrorNote } from '../shared/ErrorNote'
import { fxSeriesChoices } from './fx-series'
import { draftFromSettings, validateSettings, type SettingsDraft } from './settings-draft'

interface Props {
  settings: Settings | undefined
  companies: CompanyRow[] | undefined
  series: SeriesInfo[] | undefined
  onSaved: () => void
}

export function MarketSettings({ settings, companies, series, onSaved }: Props) {
  const listingCurrencies = useMemo(() => (companies ?? []).flatMap((c) => c.listings.map((l) => l.currency)), [companies])
  const [draft, setDraft] = useState<SettingsDraft | null>(null)
  const [problems, setProblems] = useState<string[]>([])
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)
  const [newCurrency, setNewCurrency] = useState('')

  const listingCurrenciesRef = useRef(listingCurrencies)
  listingCurrenciesRef.current = listingCurrencies
  // A fresh draft when the stored settings change (first load, after a save) ...
  useEffect(() => {
    if (settings) setDraft(draftFromSettings(settings, listingCurrenciesRef.current))
  }, [settings])
  // ... but a new listing currency (an import created a company) only adds a row, keeping edits.
  useEffect(() => {
    setDraft((d) => {
      if (!d) return d
      const missing = [...new Set(listingCurrencies)].filter((c) => c !== d.reportingCurrency && !d.fx.some((r) => r.currency === c))
      return missing.length ? { ...d, fx: [...d.fx, ...missing.map((currency) => ({ currency, rate: '', series: '' }))] } : d
    })
  }, [listingCurrencies])

  if (!draft) return null
  const edit = (patch: Partial<SettingsDraft>) => {
    setDraft({ ...draft, ...patch })
    setSaved(false)
    setProblems([])
  }
  const editFx = (currency: string, patch: Partial<SettingsDraft['fx'][number]>) =>
    edit({ fx: draft.fx.map((r) => (r.currency === currency ? { ...r, ...patch } : r)) })

  const save = async () => {
    const v = validateSettings(draft)
    setProblems(v.problems)
    setError(null)
    if (!v.patch) return
    try {
      await api['settings:update']({ patch: v.patch })
      setSaved(true)
      onSaved()
    } catch (e) {
      setError(e)
    }
  }

  const reporting = draft.reportingCurrency.toUpperCase()
  return (
    <section className="md-card" aria-label="Currency and impact settings">
      <header className="md-card-head">
        <h3>Currency and impact windows</h3>
      </header>
      <div className="md-row">
        <label>
          Reporting currency
          <input aria-label="Reporting currency" value={draft.reportingCurrency} size={4} maxLength={3} onChange={(e) => edit({ reportingCurrency: e.target.value.toUpperCase() })} />
        </label>
        <label title="Trading days relative to day 0, e.g. -1:1 runs from the close of day -2 to the close of day +1">
          Impact windows
          <input aria-label="Impact windows" value={draft.windows} size={24} onChange={(e) => edit({ windows: e.target.value })} />
        </label>
        <label>
          Estimation from
          <input aria-label="Estimation from" value={draft.estimationFrom} size={5} onChange={(e) => edit({ estimationFrom: e.target.value })} />
        </label>
        <label>
          to
          <input aria-label="Estimation to" value={draft.estimationTo} size={5} onChange={(e) => edit({ estimationTo: e.target.value })} />
        </label>
        <label title="Fewer daily returns than this in the estimation window leave the market-model fields empty">
          Minimum returns
          <input aria-label="Minimum returns" value={draft.minReturns} size={4} onChange={(e) => edit({ minReturns: e.target.value })} />
        </label>
      </div>

      <table className="md-table" aria-label="FX rates">
        <thead>
          <tr>
            <th scope="col">Currency</th>
            <th scope="col">Constant rate ({reporting} per unit)</th>
            <th scope="col">Daily FX series (overrides the constant)</th>
          </tr>
        </thead>
        <tbody>
          {draft.fx.map((r) => {
            const choices = fxSeriesChoices(r.currency, reporting, series ?? [], r.series)
            const whyId = `fx-series-why-${r.currency}`
            return (
              <tr key={r.currency}>
                <td>{r.currency}</td>
                <td>
                  <input aria-label={`FX rate ${r.currency}`} value={r.rate} size={10} placeholder="none" onChange={(e) => editFx(r.currency, { rate: e.target.value })} />
                </td>
                <td>
                  <select
                    aria-label={`FX series ${r.currency}`}
                    aria-describedby={choices.absent ? whyId : undefined}
                    value={r.series}
                    onChange={(e) => editFx(r.currency, { series: e.target.value })}
                  >
                    <option value="">none: constant rate</option>
                    {choices.options.map((o) => (
                      <option key={o.ticker} value={o.ticker}>
                        {o.fits ? o.ticker : `${o.ticker} (saved; not a ${reporting} per ${r.currency} rate)`}
                      </option>
                    ))}
                    {choices.absent && (
                      <option value="" disabled>
                        {`no ${r.currency}${reporting}=X series imported`}
                      </option>
                    )}
                  </select>
                  {choices.absent && (
                    <span id={whyId} className="md-hint md-fx-why">
                      {choices.absent}
                    </span>
                  )}
                </td>
              </tr>
            )
          })}
          <tr>
            <td colSpan={3}>
              <input
                aria-label="Add currency"
                placeholder="EUR"
                size={4}
                maxLength={3}
                value={newCurrency}
                onChange={(e) => setNewCurrency(e.target.value.toUpperCase())}
              />{' '}
              <button
                type="button"
                className="btn"
                disabled={!/^[A-Z]{3}$/.test(newCurrency) || newCurrency === reporting || draft.fx.some((r) => r.currency === newCurrency)}
                onClick={() => {
                  edit({ fx: [...draft.fx, { currency: newCurrency, rate: '', series: '' }] })
                  setNewCurrency('')
                }}
              >
                Add currency
              </button>
            </td>
          </tr>
        </tbody>
      </table>
      {draft.fx.some((r) => !r.rate.trim() && !r.series) && (
        <p className="md-hint">A currency with neither a rate nor a series cannot be converted: its companies are left out of totals, with the reason.</p>
      )}

      <div className="md-actions">
        <button type="button" className="btn btn-primary" onClick={save}>
          Save settings
        </button>
        {saved && (
          <span role="status" className="md-ok">
            Settings saved.
          </span>
        )}
      </div>
      {problems.length > 0 && (
        <ul className="md-problems" role="alert" aria-label="Settings problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <ErrorNote error={error} title="Settings not saved" />
    </section>
  )
}
