/**
 * The query engine against a plain reference: whatever edits happen, searching and sorting the
 * incrementally maintained index gives exactly what a from-scratch scan and sort would.
 */
import { describe, expect, it } from 'vitest'
import { EventRepo } from '../store/event-repo'
import { QueryEngine, type ParsedQuery } from './engine'
import { words } from './tokens'
import { EVENT_COLUMNS, type EventColumn } from '../../../shared/api'
import type { PolicyEvent } from '../../../shared/domain'
import { seededRng } from '../../../shared/random'

const VOCAB = ['antitrust', 'Alibaba', 'ant', 'fine', 'finance', 'Tencent', 'tenure', 'data', 'DIDI', '腾讯', '罚款', 'e-CNY', '0700.HK', 'tax']

function fixture(seed: number) {
  const r = seededRng(seed)
  const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)]
  const phrase = (n: number) => Array.from({ length: n }, () => pick(VOCAB)).join(r() < 0.5 ? ' ' : ', ')
  const repo = new EventRepo(() => {})
  // Companies as search finds them (names, tickers) and as the companies column sorts them.
  const companies: Record<string, { text: string; label: string }> = {
    tc: { text: 'Tencent 腾讯 0700.HK', label: '0700.HK' },
    ba: { text: 'Alibaba 阿里巴巴 BABA', label: 'BABA' }
  }
  const engine = new QueryEngine(repo, { text: (id) => companies[id]?.text ?? id, label: (id) => companies[id]?.label ?? id })
  let n = 0
  const stamp = '2026-01-01T00:00:00.000Z'
  const event = (id = `ev-${n++}`): PolicyEvent => ({
    id,
    date: `2021-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
    datePrecision: 'day',
    title: phrase(3),
    summary: phrase(6),
    category: pick(['antitrust', 'tax', 'fintech'] as const),
    authority: pick(['SAMR', 'CAC'] as const),
    companies: r() < 0.5 ? [pick(['tc', 'ba'])] : [],
    tags: [pick(['x', 'y', 'z'])],
    sources: [phrase(2)],
    createdAt: stamp,
    updatedAt: stamp
  })
  return { r, pick, phrase, repo, engine, event, stamp, companies }
}

/** The reference: every term must begin a word of the event's text (or, with punctuation, occur in it). */
function reference(engine: QueryEngine, repo: EventRepo, q: ParsedQuery, label: (id: string) => string): string[] {
  const terms = q.search.toLowerCase().split(/\s+/).filter(Boolean)
  const all = [...repo.all()].filter((e) => {
    const text = engine.textOf(e)
    const ws = words(text)
    return terms.every((t) => {
      const parts = words(t)
      const phrase = parts.length > 1 || parts[0] !== t
      return parts.every((p) => ws.some((w) => (p.length === 1 && p.charCodeAt(0) > 0x3000 ? w === p : w.startsWith(p)))) && (!phrase || text.includes(t))
    })
  })
  const key = (e: PolicyEvent): string | number => {
    const c = q.sort.column
    if (c === 'noteCount') return repo.notesOf(e.id).length
    if (c === 'companies') return e.companies.map(label).join(', ').toLowerCase()
    if (c === 'tags' || c === 'sources') return e[c].join(', ').toLowerCase()
    if (c === 'category') return { antitrust: 'antitrust', tax: 'tax', fintech: 'fintech' }[e.category as 'tax']!
    if (c === 'date' || c === 'updatedAt') return e[c]
    return (e[c] as string).toLowerCase()
  }
  all.sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    if (ka !== kb) return ka < kb ? -1 : 1
    if (a.date !== b.date) return a.date < b.date ? -1 : 1
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  })
  if (q.sort.desc) all.reverse()
  return all.map((e) => e.id)
}

describe('the events query engine', () => {
  it('gives the same answers as a full scan and sort, through a stream of edits', () => {
    const f = fixture(7)
    for (let i = 0; i < 300; i++) f.repo.put(f.event())
    const searches = ['', 'ant', 'antitrust', 'a', 'fin', 'tenc', 'Ten fine', 'e-cny', '0700.hk', '腾讯', '罚', 'zzz', 'didi tax']
    const check = () => {
      for (const search of searches) {
        const column = f.pick([...EVENT_COLUMNS]) as EventColumn
        const q: ParsedQuery = { search, filters: {}, sort: { column, desc: f.r() < 0.5 } }
        expect(f.engine.list(q).map((e) => e.id), `${search} by ${column}`).toEqual(reference(f.engine, f.repo, q, (id) => f.companies[id].label))
      }
    }
    check()
    for (let round = 0; round < 40; round++) {
      const ids = [...f.repo.all()].map((e) => e.id)
      for (let k = 0; k < 5; k++) {
        const roll = f.r()
        const id = f.pick(ids)
        if (roll < 0.4) f.repo.put({ ...f.event(id), createdAt: f.stamp, updatedAt: `2026-01-0${1 + (round % 9)}T00:00:00.000Z` })
        else if (roll < 0.6) f.repo.remove(id)
        else if (roll < 0.75) f.repo.put(f.event())
        else if (roll < 0.8) {
          // A company renamed or re-ticketed: its events read and sort by the new name.
          const c = f.pick(['tc', 'ba'])
          const name = f.phrase(1)
          f.companies[c] = { text: `${name} ${c.toUpperCase()}${round}`, label: `${name.slice(0, 3)}${round}` }
          f.engine.companyRenamed(c)
        } else f.repo.putNote({ id: `nt-${round}-${k}`, eventId: id, text: f.phrase(4), createdAt: f.stamp, updatedAt: f.stamp })
      }
      check()
    }
  })

  it('matches words by their beginning, Chinese characters as a phrase', () => {
    const f = fixture(1)
    const stamp = f.stamp
    const base = { datePrecision: 'day' as const, summary: '', category: 'other' as const, authority: 'Other' as const, companies: [], tags: [], sources: [], createdAt: stamp, updatedAt: stamp }
    f.repo.put({ ...base, id: 'a', date: '2021-01-01', title: 'Tencent fined over music exclusivity' })
    f.repo.put({ ...base, id: 'b', date: '2021-01-02', title: '腾讯音乐被罚款' })
    f.repo.put({ ...base, id: 'c', date: '2021-01-03', title: '音乐 and 腾 讯 apart' })
    const find = (search: string) => f.engine.list({ search, filters: {}, sort: { column: 'date', desc: false } }).map((e) => e.id)
    expect(find('tenc')).toEqual(['a'])
    expect(find('ENCENT')).toEqual([])
    expect(find('music excl')).toEqual(['a'])
    expect(find('腾讯')).toEqual(['b'])
    expect(find('音乐')).toEqual(['b', 'c'])
    expect(find('罚')).toEqual(['b'])
  })

  it('keeps "quoted words" together as a phrase, in order, also while the quote is still open', () => {
    const f = fixture(2)
    const stamp = f.stamp
    const base = { datePrecision: 'day' as const, summary: '', category: 'other' as const, authority: 'Other' as const, companies: [], tags: [], sources: [], createdAt: stamp, updatedAt: stamp }
    f.repo.put({ ...base, id: 'a', date: '2021-01-01', title: 'Merchants must choose one of two platforms' })
    f.repo.put({ ...base, id: 'b', date: '2021-01-02', title: 'One platform to choose' })
    const find = (search: string) => f.engine.list({ search, filters: {}, sort: { column: 'date', desc: false } }).map((e) => e.id)
    expect(find('choose one')).toEqual(['a', 'b'])
    expect(find('"choose one"')).toEqual(['a'])
    expect(find('"Choose  One" platforms')).toEqual(['a'])
    expect(find('"choose on')).toEqual(['a'])
    expect(find('"one choose"')).toEqual([])
    expect(find('""')).toEqual(['a', 'b'])
  })
})
