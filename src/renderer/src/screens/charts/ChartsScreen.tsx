/**
 * Charts: market cap over time with event markers, and the basket view. The company selection is
 * shared by both views; it starts from the companies linked to events that have prices, or from
 * the companies another screen asked for (navigation's companyIds). The view and the selection
 * are remembered while the analyst visits other screens (app/remembered.ts); a screen that opens
 * Charts on some companies wins over what was remembered.
 */
import { useMemo, useState } from 'react'
import { useNavigation } from '../../app/navigation'
import { useRemembered } from '../../app/remembered'
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
  const [view, setView] = useRemembered<View>('charts.view', 'marketcap')
  const requested = nav.current.companyIds?.length ? nav.current.companyIds : undefined
  // null until the analyst chooses: the default is worked out afresh on each visit, so one made
  // before any prices were imported (none) does not stick once they are.
  const [selected, setSelected] = useRemembered<string[] | null>('charts.companies', null, requested)

  // Asked for other companies while already here: those, as on opening (set while rendering, so
  // no frame charts the old ones).
  const requestKey = requested?.join(',') ?? ''
  const [openedWith, setOpenedWith] = useState(requestKey)
  if (requestKey !== openedWith) {
    setOpenedWith(requestKey)
    if (requested) setSelected(requested)
  }

  const fallback = useMemo(() => (choices ? defaultSelection(choices) : null), [choices])
  const shown = selected ?? fallback
  const names = useMemo(() => new Map((choices ?? []).map((c) => [c.id, c.name])), [choices])
  const ids = useMemo(() => shown ?? [], [shown])
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
          shown !== null &&
          (view === 'marketcap' ? <MarketCapView companyIds={ids} names={names} /> : <BasketView companyIds={ids} names={names} />)
        )}
      </div>
    </section>
  )
}
