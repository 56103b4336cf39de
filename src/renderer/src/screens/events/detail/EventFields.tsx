/**
 * The selected event's fields as a form. Text fields save when committed (Enter or leaving the
 * field; Esc puts the saved value back), pick-lists save on change.
 */
import { useId, type KeyboardEvent, type ReactNode } from 'react'
import type { EventRow } from '../../../../../shared/api'
import type { EventInput } from '../../../../../shared/domain'
import { AUTHORITIES, CATEGORIES } from '../../../../../shared/vocabulary'
import { useCompanies } from '../../../app/companies'
import { Popover } from '../../../components/Popover'
import { eventDatePatch, formatDateValue, readEventDate } from '../../../components/event-date'
import { splitList } from '../../../components/editors/ListEditor'
import { Chips } from '../../../components/Chips'
import { useField, type Field } from './useField'
import { LinkedCompaniesPicker } from './LinkedCompaniesPicker'
import './event-fields.css'

// The core's limits (domain.ts eventFields) as whole lines: 50 tags of 60 characters with ", "
// between them; 50 sources of 1000 characters, one a line. Each item's own limit is the core's.
const TAGS_MAX = 50 * 62
const SOURCES_MAX = 50 * 1001

interface Props {
  event: EventRow
  save: (patch: Partial<EventInput>) => Promise<unknown>
  /** Set on a new event: put the cursor in its title. */
  autoFocusTitle?: boolean
}

function Row({ label, field, children, hint, errorBelow = false }: { label: string; field: Field<unknown>; children: (id: string) => ReactNode; hint?: string; errorBelow?: boolean }) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children(id)}
      {hint && !field.error && <p className="field-hint">{hint}</p>}
      {field.error && !errorBelow && (
        <p className="field-error" role="alert">
          {field.error}
        </p>
      )}
    </div>
  )
}

/** Enter commits single-line inputs; Esc restores the saved value. */
function lineKeys(f: Field<string>) {
  return (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      void f.commit()
    } else if (e.key === 'Escape') {
      e.stopPropagation()
      f.reset()
    }
  }
}

export function EventFields({ event, save, autoFocusTitle }: Props) {
  const companies = useCompanies()
  const title = useField(event.title, (v) => save({ title: v }))
  const date = useField(formatDateValue(event), async (v) => save(eventDatePatch(readEventDate(v))))
  const category = useField<string>(event.category, (v) => save({ category: v as EventInput['category'] }))
  const authority = useField<string>(event.authority, (v) => save({ authority: v as EventInput['authority'] }))
  const linked = useField(event.companies, (v) => save({ companies: v }))
  const tags = useField(event.tags.join(', '), (v) => save({ tags: splitList(v, 'comma') }))
  const summary = useField(event.summary, (v) => save({ summary: v }))
  const sources = useField(event.sources.join('\n'), (v) => save({ sources: splitList(v, 'line') }))
  const areaKeys = (f: Field<string>) => (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      void f.commit()
    } else if (e.key === 'Escape') {
      e.stopPropagation()
      f.reset()
    }
  }
  const names = event.companies.map((id) => companies.byId.get(id)?.listings[0]?.ticker ?? companies.byId.get(id)?.name ?? id)

  return (
    <div className="event-fields">
      <Row label="Title" field={title as Field<unknown>}>
        {(id) => (
          <input
            id={id}
            className="input input-title"
            // No hard cap: a long paste would be cut without a word; the core names the limit.
            value={title.draft}
            // A new event opens with its placeholder title selected, ready to be typed over.
            autoFocus={autoFocusTitle}
            onFocus={autoFocusTitle ? (e) => e.currentTarget.select() : undefined}
            onChange={(e) => title.setDraft(e.target.value)}
            onBlur={() => void title.commit()}
            onKeyDown={lineKeys(title)}
          />
        )}
      </Row>
      <div className="field-grid">
        <Row label="Date" field={date as Field<unknown>} errorBelow hint={event.datePrecision === 'month' ? 'Known to the month' : undefined}>
          {(id) => (
            <input
              id={id}
              className="input mono"
              maxLength={10}
              placeholder="YYYY-MM-DD or YYYY-MM"
              value={date.draft}
              onChange={(e) => date.setDraft(e.target.value)}
              onBlur={() => void date.commit()}
              onKeyDown={lineKeys(date)}
            />
          )}
        </Row>
        <Row label="Category" field={category as Field<unknown>} errorBelow>
          {(id) => (
            <select id={id} className="input" value={category.draft} onChange={(e) => void category.commit(e.target.value)}>
              {CATEGORIES.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          )}
        </Row>
        <Row label="Authority" field={authority as Field<unknown>} errorBelow>
          {(id) => (
            <select id={id} className="input" value={authority.draft} onChange={(e) => void authority.commit(e.target.value)}>
              {AUTHORITIES.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          )}
        </Row>
        {/* Under the whole line: in the narrow Date column a message wrapped to five lines. */}
        {[date, category, authority].map(
          (f, i) =>
            f.error && (
              <p key={i} className="field-error field-grid-error" role="alert">
                {f.error}
              </p>
            )
        )}
      </div>
      <div className="field">
        <span className="field-label">Companies</span>
        <div className="field-inline">
          {names.length ? <Chips items={names} className="chip-company" /> : <span className="muted">None linked</span>}
          <Popover label="Edit linked companies" trigger="Edit" buttonClassName="btn btn-small">
            {(close) => <LinkedCompaniesPicker options={companies.options} saved={linked.draft} save={(v) => void linked.commit(v)} close={close} />}
          </Popover>
        </div>
        {linked.error && (
          <p className="field-error" role="alert">
            {linked.error}
          </p>
        )}
      </div>
      <Row label="Tags" field={tags as Field<unknown>} hint="Separate tags with commas">
        {(id) => (
          <input id={id} className="input" maxLength={TAGS_MAX} value={tags.draft} onChange={(e) => tags.setDraft(e.target.value)} onBlur={() => void tags.commit()} onKeyDown={lineKeys(tags)} />
        )}
      </Row>
      <Row label="Summary" field={summary as Field<unknown>}>
        {(id) => (
          <textarea
            id={id}
            className="input"
            rows={5}
            value={summary.draft}
            onChange={(e) => summary.setDraft(e.target.value)}
            onBlur={() => void summary.commit()}
            onKeyDown={areaKeys(summary)}
          />
        )}
      </Row>
      <Row label="Sources" field={sources as Field<unknown>} hint="One per line: publisher, date, URL">
        {(id) => (
          <textarea
            id={id}
            className="input"
            rows={3}
            maxLength={SOURCES_MAX}
            value={sources.draft}
            onChange={(e) => sources.setDraft(e.target.value)}
            onBlur={() => void sources.commit()}
            onKeyDown={areaKeys(sources)}
          />
        )}
      </Row>
    </div>
  )
}
