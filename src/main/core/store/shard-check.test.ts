/**
 * The quick shard check must never accept what the schema refuses: the store trusts it to skip
 * zod at open. Mutate valid shards at random and hold the two to that.
 */
import { describe, expect, it } from 'vitest'
import { quickShardCheck } from './shard-check'
import { shardSchema, type Shard } from './schema'

function validShard(): Shard {
  const stamp = '2026-01-01T00:00:00.000Z'
  return {
    events: [
      { id: 'ev-1', date: '2021-04-10', datePrecision: 'day', title: 'Record fine for Alibaba', summary: '182.28 亿元', category: 'antitrust', authority: 'SAMR', companies: ['alibaba'], tags: ['fine'], sources: ['SAMR, 10 Apr 2021'], createdAt: stamp, updatedAt: stamp },
      { id: 'ev-2', date: '2021-08-01', datePrecision: 'month', title: 'Tax breaks may end', summary: '', category: 'tax', authority: 'Company', companies: [], tags: [], sources: [], createdAt: stamp, updatedAt: '2026-02-03T04:05:06Z' }
    ],
    notes: [{ id: 'nt-1', eventId: 'ev-1', text: '=cmd|calc', createdAt: stamp, updatedAt: stamp }]
  }
}

const BAD_VALUES: unknown[] = ['', ' ', 'x'.repeat(301), 'x'.repeat(100_001), '2021-02-30', '2021-13-01', '2026-01-01T24:00:00Z', '2026-01-01T00:00:00', 'ev 1', 'ü', 0, -1, 1.5, NaN, null, true, [], {}, ['a'], [''], Array(51).fill('t'), 'antitrust', 'SAMR', 'other', 'Other', 'day', 'week']

function mutations(): Shard[] {
  const out: Shard[] = []
  const base = validShard()
  for (const [list, i] of [['events', 0], ['events', 1], ['notes', 0]] as const) {
    for (const key of Object.keys(base[list][i])) {
      for (const bad of BAD_VALUES) {
        const s = validShard()
        ;(s[list][i] as unknown as Record<string, unknown>)[key] = bad
        out.push(s)
      }
      const s = validShard()
      delete (s[list][i] as unknown as Record<string, unknown>)[key]
      out.push(s)
    }
    const extra = validShard()
    ;(extra[list][i] as unknown as Record<string, unknown>).surprise = 1
    out.push(extra)
  }
  return out
}

describe('opening a shard quickly', () => {
  it('accepts the shards the app writes', () => {
    expect(quickShardCheck(validShard())).toBe(true)
    expect(shardSchema.safeParse(validShard()).success).toBe(true)
  })

  it('never accepts a shard the schema refuses', () => {
    const cases = mutations()
    let refusedByBoth = 0
    for (const s of cases) {
      const quick = quickShardCheck(s)
      const zod = shardSchema.safeParse(s).success
      if (quick) expect(zod, JSON.stringify(s).slice(0, 300)).toBe(true)
      if (!quick && !zod) refusedByBoth++
    }
    // The mutations are mostly real damage: both must refuse most of them.
    expect(refusedByBoth).toBeGreaterThan(cases.length / 2)
  })

  it('refuses things that are not shards at all', () => {
    for (const x of [null, [], 'x', 1, { events: [] }, { events: [], notes: [], x: 1 }, { events: {}, notes: [] }]) expect(quickShardCheck(x)).toBe(false)
  })
})
