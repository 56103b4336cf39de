/**
 * The shipped starter workspace (resources/starter/workspace.json), loaded the way a new data
 * directory is seeded: what an analyst opening Capwatch for the first time relies on.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { loadStarter } from './starter'
import { isIsoDate } from '../../shared/dates'
import { AUTHORITIES, CATEGORIES } from '../../shared/domain'
import type { SeedData } from './store/store'

const NOW = new Date('2026-01-01T00:00:00Z')
let seed: SeedData

beforeAll(async () => {
  seed = await loadStarter(NOW)
})

/** Everything an analyst can search an event by. */
const text = (e: SeedData['events'][number]) => `${e.title} ${e.summary} ${e.tags.join(' ')}`
const eventsMatching = (...patterns: RegExp[]) => seed.events.filter((e) => patterns.every((p) => p.test(text(e))))

describe('starter workspace: events', () => {
  it('ships a substantial timeline of the 2020-2021 crackdown', () => {
    expect(seed.events.length).toBeGreaterThanOrEqual(25)
  })

  it('gives every event at least one citation with a publisher and a URL', () => {
    for (const e of seed.events) {
      expect(e.sources.length, e.id).toBeGreaterThan(0)
      for (const s of e.sources) expect(s, e.id).toMatch(/^[^:]+, .+https?:\/\/\S+/)
    }
  })

  it('dates every event on a real calendar day within the crackdown years', () => {
    for (const e of seed.events) {
      expect(isIsoDate(e.date), `${e.id} ${e.date}`).toBe(true)
      expect(e.date >= '2020-01-01' && e.date <= '2021-12-31', `${e.id} ${e.date}`).toBe(true)
    }
  })

  it('puts month-precision events on the first of the month and says the day is uncertain', () => {
    const monthly = seed.events.filter((e) => e.datePrecision === 'month')
    expect(monthly.length).toBeGreaterThan(0)
    for (const e of monthly) {
      expect(e.date.endsWith('-01'), e.id).toBe(true)
      expect(e.summary, e.id).toMatch(/exact day is uncertain/)
    }
  })

  it('lists events in chronological order', () => {
    const dates = seed.events.map((e) => e.date)
    expect(dates).toEqual([...dates].sort())
  })

  it('uses only pick-list categories and authorities, and 1-3 tags per event', () => {
    const categories = new Set<string>(CATEGORIES.map((c) => c[0]))
    const authorities = new Set<string>(AUTHORITIES)
    for (const e of seed.events) {
      expect(categories.has(e.category), `${e.id} ${e.category}`).toBe(true)
      expect(authorities.has(e.authority), `${e.id} ${e.authority}`).toBe(true)
      expect(e.tags.length, e.id).toBeGreaterThanOrEqual(1)
      expect(e.tags.length, e.id).toBeLessThanOrEqual(3)
      expect(e.summary.length, e.id).toBeGreaterThan(0)
    }
  })

  it('links only companies that exist in the workspace', () => {
    const known = new Set(seed.companies.map((c) => c.id))
    for (const e of seed.events) for (const c of e.companies) expect(known.has(c), `${e.id} -> ${c}`).toBe(true)
  })

  it('has unique event ids', () => {
    const ids = seed.events.map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('stamps every record with the seeding time', () => {
    for (const r of [...seed.events, ...seed.companies]) {
      expect(r.createdAt).toBe(NOW.toISOString())
      expect(r.updatedAt).toBe(NOW.toISOString())
    }
    expect(seed.notes).toEqual([])
  })
})

describe('starter workspace: the story an analyst expects to find', () => {
  const one = (label: string, found: SeedData['events']) => {
    expect(found.length, label).toBeGreaterThanOrEqual(1)
    return found[0]
  }

  it('covers the Ant Group IPO of about $37 billion being suspended', () => {
    const e = one('Ant IPO', eventsMatching(/Ant/, /37 billion/, /IPO/))
    expect(e.date).toBe('2020-11-03')
    expect(e.companies).toContain('ant-group')
  })

  it("covers Didi's $4.4 billion IPO and the CAC actions that followed", () => {
    const ipo = one('Didi IPO', eventsMatching(/Didi/, /4\.4 billion/))
    expect(ipo.date).toBe('2021-06-30')
    const cac = seed.events.filter((e) => e.authority === 'CAC' && e.companies.includes('didi'))
    expect(cac.map((e) => e.date)).toEqual(expect.arrayContaining(['2021-07-02', '2021-07-04']))
  })

  it('covers the record 18.2 billion yuan fine on Alibaba', () => {
    const e = one('Alibaba fine', eventsMatching(/18\.2 billion yuan/))
    expect(e.date).toBe('2021-04-10')
    expect(e.companies).toContain('alibaba')
    expect(e.tags).toContain('antitrust-fine')
  })

  it('covers the Meituan probe and its 3.44 billion yuan fine', () => {
    const meituan = seed.events.filter((e) => e.companies.includes('meituan') && /Meituan/.test(text(e)))
    expect(meituan.map((e) => e.date)).toEqual(expect.arrayContaining(['2021-04-26', '2021-10-08']))
    one('Meituan fine', eventsMatching(/Meituan/, /3\.44 billion yuan/))
  })

  it('covers scrutiny of Pinduoduo', () => {
    const pdd = seed.events.filter((e) => e.companies.includes('pdd') && /Pinduoduo/.test(text(e)))
    expect(pdd.length).toBeGreaterThanOrEqual(2)
  })

  it("covers the order ending Tencent's exclusive music licensing", () => {
    const e = one('Tencent music', eventsMatching(/Tencent/, /music/i, /exclusiv/i))
    expect(e.date).toBe('2021-07-24')
    expect(e.companies).toEqual(expect.arrayContaining(['tencent', 'tencent-music']))
  })

  it("covers the 'double reduction' ban on for-profit tutoring", () => {
    const tutoring = eventsMatching(/tutoring/i).filter((e) => e.category === 'education')
    expect(tutoring.map((e) => e.date)).toContain('2021-07-24')
    for (const id of ['tal', 'new-oriental', 'gaotu']) expect(tutoring.some((e) => e.companies.includes(id)), id).toBe(true)
  })

  it("covers Alibaba's warning that its tax breaks are ending", () => {
    const e = one('tax breaks', eventsMatching(/tax break/i))
    expect(e.category).toBe('tax')
    expect(e.companies).toContain('alibaba')
  })

  it('covers the Data Security Law and the Personal Information Protection Law', () => {
    expect(one('DSL', eventsMatching(/Data Security Law/)).date).toBe('2021-06-10')
    expect(one('PIPL', eventsMatching(/Personal Information Protection Law/)).date).toBe('2021-08-20')
  })

  it("covers the limit on minors' online gaming", () => {
    const e = one('gaming minors', eventsMatching(/minors/i, /gaming/i).filter((x) => x.authority === 'NPPA'))
    expect(e.category).toBe('gaming')
    expect(e.companies).toContain('tencent')
  })

  it('covers digital yuan (e-CNY) trials involving Ant and Tencent', () => {
    const ecny = eventsMatching(/digital yuan|e-CNY/i).filter((e) => e.category === 'digital_currency')
    expect(ecny.some((e) => e.companies.includes('ant-group') && e.companies.includes('tencent'))).toBe(true)
  })

  it('records the trillion-dollar loss of market value', () => {
    one('trillion', eventsMatching(/\$1 trillion/, /trillion-dollar-loss/))
  })
})

describe('starter workspace: companies', () => {
  const byTicker = () => new Map(seed.companies.flatMap((c) => c.listings.map((l) => [l.ticker, { company: c, listing: l }] as const)))

  it('lists the companies of the crackdown under their tickers', () => {
    const tickers = byTicker()
    for (const t of ['BABA', '9988.HK', '0700.HK', 'TME', 'DIDI', '3690.HK', 'PDD', 'JD', 'BIDU', 'NTES', 'BILI', '1024.HK', 'TAL', 'EDU', 'GOTU']) {
      expect(tickers.has(t), t).toBe(true)
    }
  })

  it('keeps Ant Group as an unlisted company', () => {
    const ant = seed.companies.find((c) => c.id === 'ant-group')
    expect(ant?.name).toBe('Ant Group')
    expect(ant?.listings).toEqual([])
  })

  it('quotes Hong Kong listings in HKD and the others in USD', () => {
    for (const { listing } of byTicker().values()) {
      expect(listing.currency, listing.ticker).toBe(listing.ticker.endsWith('.HK') ? 'HKD' : 'USD')
    }
  })

  it('gives every company an English and a Chinese name and a sector', () => {
    for (const c of seed.companies) {
      expect(c.name.length, c.id).toBeGreaterThan(0)
      expect(c.nameZh, c.id).toMatch(/[\u4e00-\u9fff]/)
      expect(c.sector.length, c.id).toBeGreaterThan(0)
    }
  })

  it('invents no market data: share schedules and benchmarks are left for the user', () => {
    for (const c of seed.companies) {
      expect(c.benchmark, c.id).toBe('')
      for (const l of c.listings) expect(l.shares, `${c.id} ${l.ticker}`).toEqual([])
    }
  })

  it('uses unique lowercase slugs as company ids, and no ticker twice', () => {
    const ids = seed.companies.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    const tickers = seed.companies.flatMap((c) => c.listings.map((l) => l.ticker))
    expect(new Set(tickers).size).toBe(tickers.length)
  })

  it('does not list index funds as companies', () => {
    const tickers = new Set(byTicker().keys())
    for (const etf of ['SPY', 'KWEB', 'FXI', 'MCHI', '2800.HK', '3033.HK']) expect(tickers.has(etf), etf).toBe(false)
  })
})
