/**
 * The large workspace of issue 4, generated deterministically through the store's own API (so the
 * files are exactly what the app writes): 100,000 events, 200,000 notes of ~300 characters,
 * 500 companies with 2,500 daily prices each (1.25 million points). Synthetic prices exist only
 * here, to measure speed; the product's prices always come from the user's imports.
 */
import { Store } from '../src/main/core/store/store'
import { AUTHORITIES, CATEGORIES, type Company, type PolicyEvent } from '../src/shared/domain'
import { isoFromDay, dayFromIso } from '../src/shared/dates'
import { pick, prose, rng } from './random'

export const SIZES = { events: 100_000, notesPerEvent: 2, companies: 500, days: 2_500 }
export const GENERATOR_VERSION = 5

export function tickerOf(i: number): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
  return `${A[i % 26]}${A[Math.floor(i / 26) % 26]}${A[Math.floor(i / 676) % 26]}X`
}

/** Weekdays from 2014-01-01: the trading calendar of the synthetic series. */
export function tradingDays(n: number): number[] {
  const out: number[] = []
  for (let d = dayFromIso('2014-01-01'); out.length < n; d++) {
    const wd = (d + 4) % 7 // 1970-01-01 was a Thursday
    if (wd !== 0 && wd !== 6) out.push(d)
  }
  return out
}

export async function generateLargeWorkspace(dataDir: string, sizes = SIZES, log = (s: string) => console.error(s)): Promise<void> {
  const r = rng(20211103)
  const store = await Store.open({ dataDir, adapter: 'test' })
  const stamp = '2026-01-01T00:00:00.000Z'
  const companies: Company[] = []
  for (let i = 0; i < sizes.companies; i++) {
    const c: Company = {
      id: `co-${i}`,
      name: `${prose(r, 14).replace(/\.$/, '')} Holdings`,
      nameZh: i % 3 === 0 ? '控股' : '',
      sector: pick(r, ['E-commerce', 'Fintech', 'Gaming', 'Education', 'Ride hailing', 'Search']),
      listings: [{ ticker: tickerOf(i), exchange: 'NASDAQ', currency: i % 5 === 0 ? 'HKD' : 'USD', shares: [{ date: '2014-01-01', shares: 1e8 + Math.floor(r() * 2e9), source: 'bench' }] }],
      benchmark: 'BNCH',
      notes: '',
      createdAt: stamp,
      updatedAt: stamp
    }
    companies.push(c)
    store.companies.put(c)
  }
  const days = tradingDays(sizes.days)
  const first = days[0]
  const span = days[days.length - 1] - first
  for (let i = 0; i < sizes.events; i++) {
    const id = `ev-${i.toString(36).padStart(6, '0')}`
    const linked = new Set<string>()
    const k = 1 + Math.floor(r() * 3)
    while (linked.size < k) linked.add(pick(r, companies).id)
    const event: PolicyEvent = {
      id,
      date: isoFromDay(first + Math.floor(r() * span)),
      datePrecision: r() < 0.05 ? 'month' : 'day',
      title: prose(r, 40 + Math.floor(r() * 40)),
      summary: prose(r, 150 + Math.floor(r() * 150)),
      category: pick(r, CATEGORIES)[0],
      authority: pick(r, AUTHORITIES),
      companies: [...linked],
      tags: [pick(r, ['ipo', 'fine', 'probe', 'data-law', 'tutoring']), pick(r, ['a', 'b', 'c'])],
      sources: [`Reuters, ${stamp.slice(0, 10)}: report ${i} https://www.reuters.com/x/${i}`],
      createdAt: stamp,
      updatedAt: stamp
    }
    store.events.put(event)
    for (let n = 0; n < sizes.notesPerEvent; n++) {
      store.events.putNote({ id: `nt-${i.toString(36)}-${n}`, eventId: id, text: prose(r, 260 + Math.floor(r() * 80)), createdAt: stamp, updatedAt: stamp })
    }
  }
  log(`bench/generate: ${sizes.events} events, ${sizes.events * sizes.notesPerEvent} notes`)
  const series = [...companies.map((c) => c.listings[0].ticker), 'BNCH']
  for (const [i, ticker] of series.entries()) {
    let p = 20 + r() * 200
    const values = days.map(() => (p = Math.max(1, p * (1 + (r() - 0.5) * 0.04))))
    store.series.put(
      { ticker, companyId: i < companies.length ? companies[i].id : null, currency: i < companies.length ? companies[i].listings[0].currency : 'USD', benchmark: ticker === 'BNCH', counts: { close: days.length }, first: isoFromDay(days[0]), last: isoFromDay(days[days.length - 1]), source: 'bench', importedAt: stamp },
      { ticker, close: { days, values: values.map((v) => Math.round(v * 1e4) / 1e4) } }
    )
  }
  await store.settings.set({ ...store.settings.get(), fxRates: { HKD: 0.128 } })
  await store.commit()
  await store.close()
  log(`bench/generate: ${series.length} series x ${days.length} days`)
}
