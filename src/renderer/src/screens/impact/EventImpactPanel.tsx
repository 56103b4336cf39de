/**
 * For the event detail panel and the Impact screen's selected event: a small chart of the event's
 * companies around the event (indexed to 100 on the event date, [-20, +20] trading days) and the
 * event's impact rows. Self-contained: give it an event id.
 */
import { useMemo } from 'react'
import { api } from '../../api/client'
import { dayFromIso, isoFromDay } from '../../../../shared/dates'
import { ErrorNote } from '../data/shared/ErrorNote'
import { useAsync } from '../data/shared/useAsync'
import { useWidth } from '../charts/useWidth'
import { aroundEvent, CALENDAR_MARGIN } from './event-window'
import { EventImpactRows } from './EventImpactRows'
import { EventMiniChart } from './EventMiniChart'
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
        <EventMiniChart lines={lines} eventDay={eventDay} width={width} />
        {chart.data && lines.every((l) => l.points.length < 2) && (
          <p className="md-empty">
            {chart.data.missing.length > 0 ? 'No market cap to draw around this date: see why below.' : `No prices within ${TRADING_DAYS} trading days of this date for its companies.`}
          </p>
        )}
      </div>
      {chart.data?.missing
        // Said once: the impact table below already gives a reason its rows carry.
        .filter((m) => !rows.some((r) => r.company_id === m.companyId && r.note.includes(m.reason)))
        .map((m) => (
          <div key={m.companyId} className="ch-missing">
            {rows.find((r) => r.company_id === m.companyId)?.company ?? m.companyId}: {m.reason}
          </div>
        ))}
      <ErrorNote error={chart.error ?? impact.error} title="Market data not available" />
      {rows.length > 0 && <EventImpactRows rows={rows} currency={currency} />}
    </section>
  )
}
