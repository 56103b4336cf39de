/**
 * The Events table's columns: how each field of an event is shown in a cell and which editor
 * changes it. Ids are the core's sort columns (EVENT_COLUMNS), so a header click sorts in the core.
 */
import type { EventColumn, EventRow } from '../../../../shared/api'
import type { EventInput } from '../../../../shared/domain'
import { AUTHORITIES, CATEGORIES, categoryLabel } from '../../../../shared/vocabulary'
import type { CompanyDirectory } from '../../app/companies'
import { companyShortName } from '../../app/companies'
import { editWith, type GridColumn } from '../../components/grid/types'
import { Chips } from '../../components/Chips'
import { TextEditor } from '../../components/editors/TextEditor'
import { LongTextEditor } from '../../components/editors/LongTextEditor'
import { LinesEditor, TagsEditor } from '../../components/editors/ListEditor'
import { DateEditor } from '../../components/editors/DateEditor'
import { eventDatePatch, formatDateValue, type DateRead, type DateValue } from '../../components/event-date'
import { selectEditor } from '../../components/editors/SelectEditor'
import { checklistEditor } from '../../components/editors/ChecklistEditor'
import { formatDateTime } from '../../components/format'

const CategoryEditor = selectEditor(CATEGORIES)
const AuthorityEditor = selectEditor(AUTHORITIES.map((a) => [a, a] as const))

/** Cells show at most this much text: the rest is in the tooltip and the detail panel. */
const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n)}…` : s)

export function CategoryBadge({ category }: { category: string }) {
  return <span className={`badge cat-${category}`}>{categoryLabel(category)}</span>
}

export function eventColumns(companies: CompanyDirectory): GridColumn<EventRow>[] {
  const names = (ids: readonly string[]) => ids.map((id) => companyShortName(companies.byId.get(id), id))
  return [
    {
      id: 'date',
      header: 'Date',
      size: 104,
      minSize: 80,
      sortable: true,
      className: 'mono',
      render: (e) => (e.datePrecision === 'month' ? <span className="is-approx">{formatDateValue(e)}</span> : e.date),
      title: (e) => (e.datePrecision === 'month' ? `Known to the month: ${formatDateValue(e)}` : e.date),
      edit: editWith((e: EventRow): DateValue => ({ date: e.date, datePrecision: e.datePrecision }), DateEditor)
    },
    {
      id: 'title',
      header: 'Title',
      size: 300,
      sortable: true,
      className: 'cell-title',
      rowHeader: true,
      render: (e) => e.title,
      title: (e) => e.title,
      edit: editWith((e: EventRow) => e.title, TextEditor)
    },
    // Beside the title: which events carry the analyst's reasoning is seen without scrolling.
    {
      id: 'noteCount',
      header: 'Notes',
      size: 70,
      minSize: 50,
      sortable: true,
      align: 'end',
      className: 'count',
      render: (e) => (e.noteCount ? e.noteCount : <span className="is-zero">0</span>)
    },
    {
      id: 'category',
      header: 'Category',
      size: 136,
      sortable: true,
      render: (e) => <CategoryBadge category={e.category} />,
      edit: editWith((e: EventRow): string => e.category, CategoryEditor)
    },
    {
      id: 'authority',
      header: 'Authority',
      size: 104,
      sortable: true,
      render: (e) => e.authority,
      edit: editWith((e: EventRow): string => e.authority, AuthorityEditor)
    },
    {
      id: 'companies',
      header: 'Companies',
      // Room for two tickers and a count ("+1"): see Chips.
      size: 184,
      sortable: true,
      render: (e, width) => <Chips items={names(e.companies)} className="chip-company" mono max={3} width={width} />,
      title: (e) => e.companies.map((id) => companies.byId.get(id)?.name ?? id).join(', '),
      edit: editWith((e: EventRow) => e.companies, checklistEditor(companies.options), { popup: true })
    },
    {
      id: 'tags',
      header: 'Tags',
      size: 150,
      sortable: true,
      render: (e, width) => <Chips items={e.tags} max={3} width={width} />,
      title: (e) => e.tags.join(', '),
      edit: editWith((e: EventRow) => e.tags, TagsEditor)
    },
    {
      id: 'summary',
      header: 'Summary',
      size: 320,
      sortable: true,
      className: 'muted',
      render: (e) => clip(e.summary),
      title: (e) => clip(e.summary, 600),
      edit: editWith((e: EventRow) => e.summary, LongTextEditor, { popup: true })
    },
    {
      id: 'sources',
      header: 'Sources',
      size: 200,
      sortable: true,
      className: 'muted',
      render: (e) =>
        e.sources.length > 1 ? (
          <>
            {clip(e.sources[0], 80)}
            <span className="more"> +{e.sources.length - 1}</span>
          </>
        ) : (
          clip(e.sources[0] ?? '', 80)
        ),
      title: (e) => e.sources.join('\n'),
      edit: editWith((e: EventRow) => e.sources, LinesEditor, { popup: true })
    },
    {
      id: 'updatedAt',
      header: 'Updated',
      size: 150,
      sortable: true,
      className: 'muted',
      render: (e) => formatDateTime(e.updatedAt)
    }
  ] satisfies (GridColumn<EventRow> & { id: EventColumn })[]
}

/** A committed cell value as the patch `events:update` takes. */
export function patchFor(col: string, value: unknown): Partial<EventInput> {
  switch (col) {
    case 'date':
      return eventDatePatch(value as DateRead)
    case 'title':
    case 'summary':
      return { [col]: value as string }
    case 'category':
      return { category: value as EventInput['category'] }
    case 'authority':
      return { authority: value as EventInput['authority'] }
    case 'companies':
    case 'tags':
    case 'sources':
      return { [col]: value as string[] }
    default:
      throw new Error(`events: column ${col} is not editable`)
  }
}

/** Table column id -> events report column (`reports:export` columns). */
export const REPORT_COLUMN: Partial<Record<EventColumn, string>> = {
  date: 'date',
  title: 'title',
  category: 'category',
  authority: 'authority',
  companies: 'companies',
  tags: 'tags',
  summary: 'summary',
  sources: 'sources',
  noteCount: 'note_count'
}
