/** impact.all: 100 events x 20 companies x 3 windows with the market model. */
import type { Core } from '../../src/main/core/core'
import { call } from '../../src/main/core/dispatch'
import { cliHooks, createHandlers } from '../../src/main/core/handlers'
import { result, time, type BenchResult } from '../measure'

export async function impactAll(core: Core): Promise<BenchResult> {
  const handlers = createHandlers(core, cliHooks)
  const companies = core.store.companies.list().slice(0, 20).map((c) => c.id)
  // 100 events from the middle of the series, each linked to the same 20 companies (untimed set-up).
  const events = core.events.list({ filters: { date: { from: '2018-01-01', to: '2021-12-31' } } }).slice(0, 100)
  for (const e of events) await call(handlers, 'events:update', { id: e.id, patch: { companies } })
  const eventIds = events.map((e) => e.id)
  const windows = [
    { a: -1, b: 1 },
    { a: 0, b: 5 },
    { a: -5, b: 20 }
  ]
  // A baseline in the same run: one pass that only reads every needed series (the floor of any
  // recomputation), so the ratio shows what the calculations themselves cost.
  const [baseline] = await time(async () => {
    for (const c of companies) {
      const t = core.store.companies.get(c)!.listings[0].ticker
      await core.store.series.load(t)
    }
  })
  const [ms, table] = await time(() => call(handlers, 'impact:table', { eventIds, windows }))
  const filled = table.rows.filter((r) => r.car !== null).length
  return result({
    id: 'impact.all',
    what: 'recompute impact: 100 events x 20 companies x 3 windows, market model',
    value: ms,
    unit: 'ms',
    baseline: 'loading the 20 series',
    baseline_value: Math.max(baseline, 0.01),
    target: '<= 1000 ms',
    met: ms <= 1000,
    note: `${table.rows.length} rows, ${filled} with a CAR`
  })
}
