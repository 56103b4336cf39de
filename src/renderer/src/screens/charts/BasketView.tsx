/**
 * The basket view: the summed market cap of the chosen companies, stacked, and its largest
 * peak-to-trough loss between two dates stated in words and numbers, the check behind claims like
 * "the sector lost $1 trillion" (IMPACT.md, drawdown of a basket). The two dates are remembered
 * while the analyst visits other screens (app/remembered.ts).
 */
import { useMemo, useRef, useState } from 'react'
import { api } from '../../api/client'
import { useNavigation } from '../../app/navigation'
import { useRemembered } from '../../app/remembered'
import { IsoDateInput } from '../../components/IsoDateInput'
import type { BasketData } from '../../../../shared/market'
import { isIsoDate, isoFromDay } from '../../../../shared/dates'
import { ErrorNote } from '../data/shared/ErrorNote'
import { money, moneyFull } from '../data/shared/format'
import { useAsync } from '../data/shared/useAsync'
import { BasketChart } from './BasketChart'
import { groupMarkers } from './chart-data'
import { createHoverStore } from './marker-hover'
import { MarkerTooltip } from './MarkerTooltip'
import { seriesColor } from './palette'
import { exportChartPng } from './png-export'
import { useWidth } from './useWidth'

const HEIGHT = 440

export function basketSentence(data: BasketData): string {
  const dd = data.drawdown
  if (!dd) return data.note ? `No basket figure: ${data.note}.` : 'No basket figure for these dates.'
  if (!(dd.loss > 0)) return `The basket did not fall between ${data.days.length ? isoFromDay(data.days[0]) : 'these dates'} and ${data.days.length ? isoFromDay(data.days[data.days.length - 1]) : ''}.`
  const pctLost = (Math.abs(dd.lossFraction) * 100).toFixed(1)
  return `From ${dd.peakDate} to ${dd.troughDate} the basket lost ${money(Math.abs(dd.loss), data.currency)} (${pctLost} %)`
}

export function BasketView({ companyIds, names }: { companyIds: string[]; names: Map<string, string> }) {
  const [boxRef, width, box] = useWidth<HTMLDivElement>()
  const [from, setFrom] = useRemembered('charts.basket.from', '')
  const [to, setTo] = useRemembered('charts.basket.to', '')
  const [exportError, setExportError] = useState<unknown>(null)
  const datesOk = (!from || isIsoDate(from)) && (!to || isIsoDate(to)) && (!from || !to || from <= to)
  const request = {
    companyIds,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    maxPoints: Math.max(100, Math.ceil(width / 50) * 50)
  }
  const ready = width > 0 && companyIds.length > 0 && datesOk
  const basket = useAsync(ready ? () => api['chart:basket'](request) : null, JSON.stringify(request))
  // Nothing from an earlier range while this one is invalid: a figure would contradict the dates.
  const data = ready ? basket.data : undefined

  const colorIndex = useMemo(() => new Map(companyIds.map((id, i) => [id, i])), [companyIds])
  const markers = useMemo(() => groupMarkers(data?.events ?? [], null), [data])
  const nav = useNavigation()
  const navRef = useRef(nav)
  navRef.current = nav
  const hover = useMemo(() => createHoverStore(), [])
  const actions = useMemo(() => ({ hover, open: (eventId: string) => navRef.current.go({ screen: 'events', eventId }) }), [hover])
  const currency = data?.currency ?? 'USD'
  const formatValue = useMemo(() => (v: number) => money(v, currency), [currency])
  const drawable = data && data.days.length > 1 && data.stacks.length > 0
  const state = !ready ? 'idle' : basket.error ? 'error' : !data || basket.loading ? 'loading' : drawable ? 'ready' : 'empty'

  const exportPng = async () => {
    setExportError(null)
    const svg = box?.querySelector<SVGSVGElement>('svg.recharts-surface')
    if (!svg || !data) return
    try {
      await exportChartPng(
        svg,
        `capwatch-basket-${data.drawdown?.troughDate ?? 'chart'}.png`,
        `Basket market cap (${currency}). ${basketSentence(data)}`,
        data.stacks.map((s) => ({ label: `${s.ticker} ${s.name}`, color: seriesColor(colorIndex.get(s.companyId) ?? 0) }))
      )
    } catch (e) {
      setExportError(e)
    }
  }

  return (
    <div className="ch-view">
      <div className="ch-toolbar">
        <label>
          From
          <IsoDateInput value={from} onChange={setFrom} aria-label="Basket from" />
        </label>
        <label>
          To
          <IsoDateInput value={to} onChange={setTo} aria-label="Basket to" />
        </label>
        {!datesOk && <span className="md-bad">The start date must not be after the end date.</span>}
        <button type="button" className="btn" onClick={exportPng} disabled={state !== 'ready'}>
          Export PNG
        </button>
      </div>
      {data && (
        <p className="ch-sentence" data-testid="basket-drawdown" title={data.drawdown ? `Peak ${moneyFull(data.drawdown.peak, currency)}, trough ${moneyFull(data.drawdown.trough, currency)}, loss ${moneyFull(data.drawdown.loss, currency)} (${data.drawdown.lossFraction})` : undefined}>
          <strong>{basketSentence(data)}</strong>
          {data.drawdown && data.drawdown.loss > 0 && <>: from {money(data.drawdown.peak, currency)} at the peak to {money(data.drawdown.trough, currency)} at the trough.</>}
          <span className="md-hint">
            {' '}
            Basket of {data.stacks.length}
            {data.missing.length > 0 ? ` of ${data.stacks.length + data.missing.length} chosen` : ''} {data.stacks.length === 1 && !data.missing.length ? 'company' : 'companies'}
            {from || to ? `, ${from || 'start'} to ${to || 'end'}` : ''}; only days on which every company has a value count.
          </span>
          {/* A company left out changes what the figure claims: said here, beside it, not only below the chart. */}
          {data.missing.length > 0 && (
            <span className="ch-sentence-out" data-testid="basket-left-out">
              {' '}
              Left out: {data.missing.map((m) => `${names.get(m.companyId) ?? m.companyId} (${m.reason})`).join('; ')}.
            </span>
          )}
        </p>
      )}
      <div ref={boxRef} className="ch-box" data-testid="basket-chart" data-state={state}>
        {companyIds.length === 0 && <p className="md-empty">Choose the companies of the basket.</p>}
        {companyIds.length > 0 && !datesOk && <p className="md-empty">No basket for these dates: the start must be on or before the end.</p>}
        {state === 'empty' && <p className="md-empty">No day on which every chosen company has a market cap in this range{data?.note ? `: ${data.note}` : ''}.</p>}
        {drawable && width > 0 && (
          <div className="ch-main">
            <BasketChart width={width} height={HEIGHT} data={data} colorIndex={colorIndex} markers={markers} actions={actions} formatValue={formatValue} />
            <MarkerTooltip hover={hover} open={actions.open} width={width} />
          </div>
        )}
      </div>
      {data && data.stacks.length > 0 && (
        <ul className="ch-legend" aria-label="Basket companies">
          {data.stacks.map((s) => (
            <li key={s.companyId}>
              <span className="ch-swatch" style={{ background: seriesColor(colorIndex.get(s.companyId) ?? 0) }} />
              {s.ticker} <span className="md-hint">{s.name}</span>
            </li>
          ))}
        </ul>
      )}
      {data && data.missing.length > 0 && (
        <ul className="ch-missing" aria-label="Companies left out of the basket">
          {data.missing.map((m) => (
            <li key={m.companyId}>
              <strong>{names.get(m.companyId) ?? m.companyId}</strong>: {m.reason}
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={basket.error} title="Basket not available" />
      <ErrorNote error={exportError} title="PNG export failed" />
    </div>
  )
}
