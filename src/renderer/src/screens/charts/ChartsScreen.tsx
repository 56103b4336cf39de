/**
 * Charts: market cap over time with event markers, and the basket view. The company selection is
 * shared by both views; it starts from the companies linked to events that have prices, or from
 * the companies another screen asked for (navigation's companyIds).
 */
import { useEffect, useMemo, useState } from 'react'
import { useNavigation } from '../../app/navigation'
import { ErrorNote } from '../data/shared/ErrorNote'
import { BasketView } from './BasketView'
import { CompanyPicker } from './CompanyPicker'
import { MarketCapView } from './MarketCapView'
import { defaultSelection, useCompanyChoices } from './useCompanyChoices'
import '../data/data.css'
import './charts.css'

type View = 'marketcap' | 'basket'

export function ChartsScreen() {
  const nav = useNavigation()
  const { choices, error } = useCompanyChoices()
  const [view, setView] = useState<View>('marketcap')
  const [selected, setSelected] = useState<string[] | null>(null)
  const requested = nav.current.companyIds

  // First selection once the companies are known: what navigation asked for, else the default.
  useEffect(() => {
    if (!choices || selected !== null) return
    setSelected(requested?.length ? requested : defaultSelection(choices))
  }, [choices, selected, requested])

  const names = useMemo(() => new Map((choices ?? []).map((c) => [c.id, c.name])), [choices])
  const ids = useMemo(() => selected ?? [], [selected])
  const noPrices = choices !== undefined && !choices.some((c) => c.hasPrices)

  return (
    <section className="screen" aria-label="Charts">
      <div className="toolbar" role="toolbar" aria-label="Charts">
        <h1 className="screen-title">Charts</h1>
        <div className="ch-tabs" role="tablist" aria-label="Chart">
          <button type="button" role="tab" aria-selected={view === 'marketcap'} onClick={() => setView('marketcap')}>
            Market cap
          </button>
          <button type="button" role="tab" aria-selected={view === 'basket'} onClick={() => setView('basket')}>
            Basket
          </button>
        </div>
        {choices && <CompanyPicker choices={choices} selected={ids} onChange={setSelected} onDefault={() => setSelected(defaultSelection(choices))} />}
      </div>
      <div className="md-body">
        <ErrorNote error={error} title="Could not load companies" />
        {noPrices ? (
          <div className="md-empty ch-noprices">
            <p>No prices imported yet. Charts need daily prices (and shares outstanding, for market cap).</p>
            <button type="button" className="btn" onClick={() => nav.go({ screen: 'data' })}>
              Import prices on the Market data screen
            </button>
          </div>
        ) : (
          selected !== null &&
          (view === 'marketcap' ? <MarketCapView companyIds={ids} names={names} /> : <BasketView companyIds={ids} names={names} />)
        )}
      </div>
    </section>
  )
}
