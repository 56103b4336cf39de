/**
 * The panel beside the Events table: the selected event's fields (editable), the companies it
 * links, and its notes. It loads the event with its notes, and keeps the table row in step.
 */
import { lazy, Suspense, useEffect, useState } from 'react'
import type { EventRow } from '../../../../../shared/api'
import type { EventInput, Note } from '../../../../../shared/domain'
import { api } from '../../../api/client'
import { useCompanies } from '../../../app/companies'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { formatDateTime } from '../../../components/format'
import { EventFields } from './EventFields'
import { NotesSection } from './NotesSection'

// The chart library loads only when an event with companies is opened.
const EventImpactPanel = lazy(() => import('../../impact/EventImpactPanel').then((m) => ({ default: m.EventImpactPanel })))

interface Props {
  eventId: string
  /**
   * The same event as the Events screen last saw it: its table row, or its last saved edit when
   * the search or filters hide it (either may be newer than the copy loaded here).
   */
  latest: EventRow | undefined
  save: (id: string, patch: Partial<EventInput>) => Promise<EventRow>
  /** The event's notes changed (its row carries the new note count). */
  onNotesChange: (row: EventRow) => void
  onClose: () => void
  autoFocusTitle: boolean
}

interface Loaded {
  id: string
  event: EventRow
  notes: Note[]
}

export function EventDetail({ eventId, latest, save, onNotesChange, onClose, autoFocusTitle }: Props) {
  const companies = useCompanies()
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let live = true
    setError(null)
    api['events:get']({ id: eventId }).then(
      (r) => live && setLoaded({ id: eventId, event: r.event, notes: r.notes }),
      (e: unknown) => live && setError(e)
    )
    // Answers for an event no longer selected are dropped.
    return () => {
      live = false
    }
  }, [eventId, attempt])

  const current = loaded?.id === eventId ? loaded : null
  if (error) {
    return (
      <aside className="detail" aria-label="Event details">
        <DetailHeader title="Event" onClose={onClose} />
        <ErrorBanner title="Could not open the event" error={error} onRetry={() => setAttempt((a) => a + 1)} />
      </aside>
    )
  }
  if (!current) {
    return (
      <aside className="detail" aria-label="Event details" aria-busy="true">
        <DetailHeader title={latest?.title ?? 'Loading…'} onClose={onClose} />
      </aside>
    )
  }
  // Whichever copy was saved last wins; the note count is the notes we hold.
  const base = latest && latest.id === current.id && latest.updatedAt > current.event.updatedAt ? latest : current.event
  const event: EventRow = { ...base, noteCount: current.notes.length }
  const linked = event.companies.map((id) => companies.byId.get(id)).filter((c) => c !== undefined)

  return (
    <aside className="detail" aria-label="Event details">
      <DetailHeader title={event.title} onClose={onClose} />
      <div className="detail-scroll">
        <EventFields
          key={event.id}
          event={event}
          autoFocusTitle={autoFocusTitle}
          save={async (patch) => {
            const row = await save(event.id, patch)
            setLoaded((l) => (l && l.id === row.id ? { ...l, event: row } : l))
          }}
        />
        <section className="linked" aria-label="Linked companies">
          <h3 className="section-title">
            Linked companies <span className="count">{linked.length}</span>
          </h3>
          {linked.length === 0 ? (
            <p className="muted">No company linked. Use Edit under Companies to link some.</p>
          ) : (
            <ul className="company-list">
              {linked.map((c) => (
                <li key={c.id}>
                  <span className="company-name">{c.name}</span>
                  {c.nameZh && <span className="company-zh">{c.nameZh}</span>}
                  <span className="company-tickers">
                    {c.listings.length ? c.listings.map((l) => `${l.ticker} (${l.exchange || '—'}, ${l.currency})`).join(' · ') : 'Unlisted'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        {linked.length > 0 && (
          <section className="detail-impact" aria-label="Market impact">
            <h3 className="section-title">Market impact</h3>
            <Suspense fallback={<p className="muted">Loading chart…</p>}>
              {/* Remounted when the date or links change: its figures depend on both. */}
              <EventImpactPanel key={`${event.id}|${event.date}|${event.companies.join(',')}`} eventId={event.id} />
            </Suspense>
          </section>
        )}
        <NotesSection
          // One composer per event: each keeps its own unsaved draft (note-drafts.ts).
          key={event.id}
          eventId={event.id}
          notes={current.notes}
          onChange={(notes) => {
            setLoaded((l) => (l && l.id === event.id ? { ...l, notes } : l))
            onNotesChange({ ...event, noteCount: notes.length })
          }}
        />
        <p className="detail-stamps muted">
          Created {formatDateTime(event.createdAt)} · Updated {formatDateTime(event.updatedAt)}
        </p>
      </div>
    </aside>
  )
}

function DetailHeader({ title, onClose }: { title: string; onClose: () => void }) {
  return (
    <header className="detail-header">
      <h2 className="detail-title" title={title}>
        {title}
      </h2>
      <button type="button" className="btn btn-ghost btn-icon" aria-label="Close details" onClick={onClose}>
        ×
      </button>
    </header>
  )
}
