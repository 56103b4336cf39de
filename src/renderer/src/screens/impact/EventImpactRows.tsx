/**
 * An event's impact rows for a narrow panel (the event detail beside the events grid, the Impact
 * screen's selected event): one row per company x window with every figure of IMPACT.md in a
 * compact form (returns to one decimal, money in three digits), each cell's exact value and
 * meaning in its title. The company names its rows once; a company without any figure takes one
 * row with the reason. If the panel is narrower still, the table scrolls sideways with the company
 * and window columns pinned.
 */
import type { ImpactRow } from '../../../../shared/market'
import { money, moneyFull, pct, pctShort, windowLabel } from '../data/shared/format'

const sign = (v: number | null) => (v == null ? undefined : v < 0 ? 'im-neg' : v > 0 ? 'im-pos' : undefined)
const exact = (v: number | null, note: string, what: string) => (v == null ? note || 'No value' : `${what}: ${pct(v, 4)} (${v})`)

function groups(rows: ImpactRow[]): ImpactRow[][] {
  const by = new Map<string, ImpactRow[]>()
  for (const r of rows) by.set(r.company_id, [...(by.get(r.company_id) ?? []), r])
  return [...by.values()]
}

export function EventImpactRows({ rows, currency }: { rows: ImpactRow[]; currency: string }) {
  return (
    <div className="im-rows-scroll">
      <table className="md-table im-rows" aria-label="Impact of this event">
        <colgroup>
          <col className="im-c-who" />
          <col className="im-c-win" />
          <col className="im-c-chg" />
          <col className="im-c-ret" />
          <col className="im-c-abn" />
          <col className="im-c-car" />
          <col className="im-c-t" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" title="Ticker (or the company, when it has no listing)">
              Ticker
            </th>
            <th scope="col">Window</th>
            <th scope="col" className="md-num" title="Market-cap change over the window">
              Change
            </th>
            <th scope="col" className="md-num" title="Market-cap return over the window">
              Return
            </th>
            <th scope="col" className="md-num" title="Abnormal return: the return minus the benchmark's (benchmark in each cell's title)">
              {/* Not "AR": in IMPACT.md that is the market model's daily abnormal return. */}
              Abnormal
            </th>
            <th scope="col" className="md-num" title="Cumulative abnormal return (market model)">
              CAR
            </th>
            <th scope="col" className="md-num" title="t-statistic of the CAR">
              t
            </th>
          </tr>
        </thead>
        <tbody>
          {groups(rows).map((g) => {
            const who = g[0].ticker || g[0].company
            const label = (
              <span title={`${g[0].ticker || 'no listing'}: ${g[0].company}`} className={g[0].ticker ? undefined : 'muted'}>
                {who}
              </span>
            )
            if (g.every((r) => r.mcap_change == null && r.car == null)) {
              return (
                <tr key={g[0].company_id}>
                  <th scope="row">{label}</th>
                  <td colSpan={6} className="im-rows-note" title={g[0].note}>
                    no figures: {g[0].note || 'no value'}
                  </td>
                </tr>
              )
            }
            return g.map((r, i) => (
              <tr key={`${r.company_id}|${r.window_start}|${r.window_end}`} className={i === 0 ? 'im-rows-first' : undefined} title={r.note || undefined}>
                {/* The company names every row for screen readers; the eye reads it once. */}
                <th scope="row">{i === 0 ? label : <span className="md-visually-hidden">{who}</span>}</th>
                <td title={r.start_date && r.end_date ? `Day 0 ${r.day0}; from the close of ${r.start_date} to the close of ${r.end_date}` : r.note}>
                  {windowLabel({ a: r.window_start, b: r.window_end })}
                </td>
                <td className={`md-num ${sign(r.mcap_change) ?? ''}`} title={r.mcap_change == null ? r.note : `${moneyFull(r.mcap_change, currency)}: ${money(r.start_mcap, currency)} → ${money(r.end_mcap, currency)}`}>
                  {money(r.mcap_change, currency)}
                </td>
                <td className={`md-num ${sign(r.mcap_return) ?? ''}`} title={exact(r.mcap_return, r.note, 'Return')}>
                  {pctShort(r.mcap_return)}
                </td>
                <td
                  className={`md-num ${sign(r.abnormal_return) ?? ''}`}
                  title={r.abnormal_return == null ? r.note || 'No value' : `Abnormal: ${pct(r.abnormal_return, 4)}; ${r.benchmark || 'the benchmark'} returned ${pct(r.benchmark_return, 4)}`}
                >
                  {pctShort(r.abnormal_return)}
                </td>
                <td className={`md-num ${sign(r.car) ?? ''}`} title={exact(r.car, r.note, 'CAR')}>
                  {pctShort(r.car)}
                </td>
                <td className="md-num" title={r.t_stat == null ? r.note || 'No value' : `t = ${r.t_stat}`}>
                  {r.t_stat == null ? '—' : r.t_stat.toFixed(1)}
                </td>
              </tr>
            ))
          })}
        </tbody>
      </table>
    </div>
  )
}
