/**
 * For the event detail panel: a small chart of the event's companies around the event (indexed
 * to 100 on the event date, [-20, +20] trading days) and the event's impact rows. Self-contained:
 * give it an event id.
 */
import { useMemo } from 'react'
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import { api } from '../../api/client'
import { dayFromIso, isoFromDay } from '../../../../shared/dates'
import { ErrorNote } from '../data/shared/ErrorNote'
import { money, moneyFull, pct, windowLabel } from '../data/shared/format'
import { useAsync } from '../data/shared/useAsync'
import { seriesColor } from '../charts/palette'
import { useWidth } from '../charts/useWidth'
import { aroundEvent, CALENDAR_MARGIN } from './event-window'
import '../data/data.css'
import './impact.css'

const TRADING_DAYS = 20

export function EventImpactPanel({ eventId }: { eventId: string }) {
  const [boxRef, width] = useWidth<HTMLDivElement>()
  const event = useAsync(() => api['events:get']({ id: eventId }), `event|${eventId}`)
  const e = event.data?.event
  const companyIds = e?.companies ?? []
  const eventDay = e ? dayFromIso(e.date) : NaN
  const chartKey = e ? `${eventId}|${e.date}|${companyIds.join(',')}` : ''
  const chart = useAsync(
    e && companyIds.length
      ? () =>
          api['chart:marketcap']({
            companyIds,
            mode: 'indexed',
            indexDate: e.date,
            from: isoFromDay(eventDay - CALENDAR_MARGIN),
            to: isoFromDay(eventDay + CALENDAR_MARGIN),
            maxPoints: 200
          })
      : null,
    chartKey
  )
  const impact = useAsync(e ? () => api['impact:table']({ eventIds: [eventId] }) : null, `impact|${chartKey}`)
  const lines = useMemo(() => (chart.data ? aroundEvent(chart.data.series, eventDay, TRADING_DAYS, TRADING_DAYS) : []), [chart.data, eventDay])
  const rows = impact.data?.rows ?? []
  const currency = impact.data?.currency ?? chart.data?.currency ?? 'USD'

  if (event.error) return <ErrorNote error={event.error} title="Event not found" />
  if (!e) return null
  if (companyIds.length === 0) return <p className="md-empty">No linked companies: link one to see its market cap around this event.</p>

  return (
    <section className="im-panel" aria-label="Market impact of this event">
      <h4>Around the event (indexed to 100 on {e.date}, ±{TRADING_DAYS} trading days)</h4>
      <div ref={boxRef} data-testid="event-impact-chart">
        {lines.some((l) => l.points.length > 1) && width > 0 && (
          <LineChart width={width} height={170} margin={{ top: 6, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#eef0f3" vertical={false} />
            <XAxis dataKey="day" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(d: number) => isoFromDay(d).slice(5)} tick={{ fontSize: 10 }} />
            <YAxis type="number" domain={['auto', 'auto']} tick={{ fontSize: 10 }} width={40} />
            <Tooltip labelFormatter={(d) => isoFromDay(Number(d))} formatter={(v) => Number(v).toFixed(1)} />
            <ReferenceLine x={eventDay} stroke="#b3261e" strokeDasharray="3 3" />
            {lines.map((l, i) => (
              <Line key={l.id} data={l.points} dataKey="v" name={l.ticker} stroke={seriesColor(i)} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        )}
        {chart.data && lines.every((l) => l.points.length < 2) && <p className="md-empty">No prices around this date for its companies.</p>}
      </div>
      {chart.data?.missing.map((m) => (
        <div key={m.companyId} className="ch-missing">
          {rows.find((r) => r.company_id === m.companyId)?.company ?? m.companyId}: {m.reason}
        </div>
      ))}
      <ErrorNote error={chart.error ?? impact.error} title="Market data not available" />
      {rows.length > 0 && (
        <table className="md-table" aria-label="Impact of this event">
          <thead>
            <tr>
              <th scope="col">Ticker</th>
              <th scope="col">Window</th>
              <th scope="col" className="md-num">Change</th>
              <th scope="col" className="md-num">Return</th>
              <th scope="col" className="md-num">Abnormal</th>
              <th scope="col" className="md-num">CAR</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.company_id}|${r.window_start}|${r.window_end}`} title={r.note || undefined}>
                <td>{r.ticker || <span className="muted">{r.company}</span>}</td>
                <td>{windowLabel({ a: r.window_start, b: r.window_end })}</td>
                <td className={`md-num${(r.mcap_change ?? 0) < 0 ? ' im-neg' : ''}`} title={moneyFull(r.mcap_change, currency)}>
                  {money(r.mcap_change, currency)}
                </td>
                <td className="md-num" title={String(r.mcap_return ?? r.note)}>
                  {pct(r.mcap_return)}
                </td>
                <td className="md-num" title={String(r.abnormal_return ?? r.note)}>
                  {pct(r.abnormal_return)}
                </td>
                <td className="md-num" title={String(r.car ?? r.note)}>
                  {pct(r.car)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
