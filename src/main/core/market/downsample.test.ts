import { describe, expect, it } from 'vitest'
import { lttbIndices } from './downsample'

describe('LTTB downsampling', () => {
  // 2,500 daily points: a slow wave, one spike up (index 1234) and one dip (index 1800).
  const n = 2500
  const xs = Array.from({ length: n }, (_, i) => 18_000 + i)
  const ys = xs.map((_, i) => 100 + 10 * Math.sin(i / 40) + (i === 1234 ? 80 : 0) - (i === 1800 ? 60 : 0))

  it('keeps the first and last points, the spikes, and about the asked number of points', () => {
    const keep = lttbIndices(xs, ys, 0, n - 1, 100)
    expect(keep[0]).toBe(0)
    expect(keep[keep.length - 1]).toBe(n - 1)
    expect(keep.length).toBe(100)
    expect(keep).toContain(1234)
    expect(keep).toContain(1800)
    for (let i = 1; i < keep.length; i++) expect(keep[i]).toBeGreaterThan(keep[i - 1])
  })

  it('always keeps the anchors (event days), even two in one bucket', () => {
    const anchors = new Set([17, 500, 501, 2222])
    const keep = lttbIndices(xs, ys, 0, n - 1, 100, (i) => anchors.has(i))
    for (const a of anchors) expect(keep).toContain(a)
    expect(keep.length).toBeLessThanOrEqual(100 + anchors.size)
    for (let i = 1; i < keep.length; i++) expect(keep[i]).toBeGreaterThan(keep[i - 1])
  })

  it('works on a sub-range and returns every point when there are few', () => {
    expect(lttbIndices(xs, ys, 10, 14, 100)).toEqual([10, 11, 12, 13, 14])
    const keep = lttbIndices(xs, ys, 1000, 1999, 50)
    expect(keep[0]).toBe(1000)
    expect(keep[keep.length - 1]).toBe(1999)
    expect(keep).toContain(1234)
  })
})
