/**
 * The companies grid keeps its rows where they are while the analyst edits them, and sorts
 * afresh when asked to (a new sort or filter) or when companies come or go.
 */
import { describe, expect, it } from 'vitest'
import { stableOrder } from './stable-order'

type Co = { id: string; name: string }
const byName = (list: readonly Co[]) => [...list].sort((a, b) => a.name.localeCompare(b.name))
const names = (rows: Co[]) => rows.map((r) => r.name)

describe('the companies grid order', () => {
  it('keeps a renamed company in its row until the next sort, with its new name', () => {
    const list = [
      { id: 'ntes', name: 'NetEase' },
      { id: 'bidu', name: 'Baidu' },
      { id: 'meituan', name: 'Meituan' }
    ]
    const first = stableOrder(null, list, 'name asc', byName)
    expect(names(first.rows)).toEqual(['Baidu', 'Meituan', 'NetEase'])
    const renamed = list.map((c) => (c.id === 'ntes' ? { ...c, name: 'Aardvark NetEase' } : c))
    const kept = stableOrder(first.order, renamed, 'name asc', byName)
    expect(names(kept.rows)).toEqual(['Baidu', 'Meituan', 'Aardvark NetEase'])
    // A new sort places it by its new name.
    expect(names(stableOrder(kept.order, renamed, 'name desc', (l) => byName(l).reverse()).rows)).toEqual(['Meituan', 'Baidu', 'Aardvark NetEase'])
  })

  it('sorts afresh when a company is added or deleted', () => {
    const list = [
      { id: 'b', name: 'Baidu' },
      { id: 'm', name: 'Meituan' }
    ]
    const first = stableOrder(null, list, 'q', byName)
    const renamed = [{ id: 'b', name: 'Zeta' }, list[1]]
    const kept = stableOrder(first.order, renamed, 'q', byName)
    expect(names(kept.rows)).toEqual(['Zeta', 'Meituan'])
    expect(names(stableOrder(kept.order, [...renamed, { id: 'a', name: 'Alibaba' }], 'q', byName).rows)).toEqual(['Alibaba', 'Meituan', 'Zeta'])
    expect(names(stableOrder(kept.order, [renamed[0]], 'q', byName).rows)).toEqual(['Zeta'])
  })
})
