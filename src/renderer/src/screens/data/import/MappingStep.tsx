/**
 * Step 2: what was detected (delimiter, decimal mark, date format, header) and the mapping by
 * header name, with the first rows of the file so the user sees what each column holds.
 */
import type { ImportInspection } from '../../../../../shared/market'
import { DATE_FORMATS, VALUE_KINDS } from '../../../../../shared/vocabulary'
import { VALUE_KIND_LABELS, valueKindMismatch, withValueColumn, withValueKind, type MappingDraft } from './mapping'

const DELIMITERS: { value: MappingDraft['delimiter']; label: string }[] = [
  { value: ',', label: 'Comma ,' },
  { value: ';', label: 'Semicolon ;' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe |' }
]

interface Props {
  inspection: ImportInspection
  draft: MappingDraft
  onChange: (patch: Partial<MappingDraft>) => void
}

export function MappingStep({ inspection, draft, onChange }: Props) {
  const header = inspection.header
  const mismatch = valueKindMismatch(draft, inspection)
  const columnSelect = (label: string, value: string, key: 'dateColumn' | 'valueColumn' | 'tickerColumn') => (
    <label>
      {label}
      <select aria-label={label} value={value} onChange={(e) => onChange(key === 'valueColumn' ? withValueColumn(inspection, e.target.value) : { [key]: e.target.value })}>
        {!header.includes(value) && <option value="">— choose —</option>}
        {header.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
    </label>
  )
  const role = (h: string) =>
    h === draft.dateColumn ? 'date' : h === draft.valueColumn ? 'value' : draft.tickerMode === 'column' && h === draft.tickerColumn ? 'ticker' : ''

  return (
    <div className="md-mapping">
      <fieldset className="md-detected">
        <legend>Detected in {inspection.name}</legend>
        <label>
          Delimiter
          <select aria-label="Delimiter" value={draft.delimiter} onChange={(e) => onChange({ delimiter: e.target.value as MappingDraft['delimiter'] })}>
            {DELIMITERS.map((d) => (
              <option key={d.label} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Decimal mark
          <select aria-label="Decimal mark" value={draft.decimal} onChange={(e) => onChange({ decimal: e.target.value as MappingDraft['decimal'] })}>
            <option value=".">Point 1.5</option>
            <option value=",">Comma 1,5</option>
          </select>
        </label>
        <label>
          Date format
          <select aria-label="Date format" value={draft.dateFormat} onChange={(e) => onChange({ dateFormat: e.target.value as MappingDraft['dateFormat'] })}>
            {DATE_FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
        <span className="md-hint">
          {inspection.hasHeader ? `Header on line ${inspection.headerLine}` : 'No header row: columns are numbered'} · {header.length} columns · about{' '}
          {inspection.approxRows.toLocaleString('en-US')} rows · {inspection.encoding}
        </span>
        {inspection.dateFormatAmbiguous && (
          <p className="md-bad" role="alert">
            Dates in this file read both day-first and month-first: check the date format before the dry run.
          </p>
        )}
      </fieldset>

      <fieldset className="md-columns">
        <legend>Columns</legend>
        {columnSelect('Date column', draft.dateColumn, 'dateColumn')}
        {columnSelect('Value column', draft.valueColumn, 'valueColumn')}
        <label>
          Value is
          <select aria-label="Value is" value={draft.valueKind} onChange={(e) => onChange(withValueKind(inspection, e.target.value as MappingDraft['valueKind']))}>
            {VALUE_KINDS.map((k) => (
              <option key={k} value={k}>
                {VALUE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <div className="md-ticker-mode" role="radiogroup" aria-label="Ticker source">
          <label>
            <input type="radio" name="ticker-mode" checked={draft.tickerMode === 'field'} onChange={() => onChange({ tickerMode: 'field' })} />
            One ticker
          </label>
          <label>
            <input type="radio" name="ticker-mode" checked={draft.tickerMode === 'column'} onChange={() => onChange({ tickerMode: 'column' })} />
            Ticker column
          </label>
        </div>
        {draft.tickerMode === 'field' ? (
          <label>
            Ticker
            <input aria-label="Ticker" value={draft.ticker} size={16} onChange={(e) => onChange({ ticker: e.target.value })} />
          </label>
        ) : (
          columnSelect('Ticker column', draft.tickerColumn, 'tickerColumn')
        )}
        <label title="Used for listings this import creates; existing listings keep their currency">
          Currency of new listings
          <input aria-label="Currency of new listings" value={draft.currency} size={4} maxLength={3} onChange={(e) => onChange({ currency: e.target.value.toUpperCase() })} />
        </label>
        {mismatch && (
          <p className="md-bad" role="alert">
            {mismatch}
          </p>
        )}
      </fieldset>

      <div className="md-sample" role="region" aria-label="First rows of the file">
        <table>
          <thead>
            <tr>
              {header.map((h, i) => (
                <th key={i} className={role(h) ? `md-col-${role(h)}` : undefined}>
                  {h}
                  {role(h) && <span className="md-col-role">{role(h)}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {inspection.sample.slice(0, 8).map((row, r) => (
              <tr key={r}>
                {header.map((h, i) => (
                  <td key={i} className={role(h) ? `md-col-${role(h)}` : undefined}>
                    {row[i] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
