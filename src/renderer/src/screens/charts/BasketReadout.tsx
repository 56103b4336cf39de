/**
 * The basket's hover read-out: on the hovered day, each company's market cap (top of the stack
 * first, as drawn) and the basket's total, the figure a "$1 trillion lost" claim is about. Fed by
 * recharts' Tooltip, which the stacked areas (recharts' own) support directly.
 */
import { isoFromDay } from '../../../../shared/dates'

interface Item {
  name?: unknown
  value?: unknown
  color?: string
  dataKey?: unknown
}

interface Props {
  active?: boolean
  label?: unknown
  payload?: readonly Item[]
  formatValue: (v: number) => string
}

export function BasketReadout({ active, label, payload, formatValue }: Props) {
  if (!active || !payload?.length || typeof label !== 'number') return null
  const items = payload.filter((p) => typeof p.value === 'number')
  const total = items.reduce((sum, p) => sum + (p.value as number), 0)
  return (
    <div className="ch-readout ch-readout-static" data-testid="basket-readout" data-date={isoFromDay(label)}>
      <div className="ch-readout-date">{isoFromDay(label)}</div>
      <table>
        <tbody>
          {[...items].reverse().map((p) => (
            <tr key={String(p.dataKey)} data-ticker={String(p.name)}>
              <th scope="row">
                <span className="ch-swatch" style={{ background: p.color }} />
                {String(p.name)}
              </th>
              <td className="md-num">{formatValue(p.value as number)}</td>
            </tr>
          ))}
          <tr className="ch-readout-total">
            <th scope="row">Basket</th>
            <td className="md-num">{formatValue(total)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  )
}
