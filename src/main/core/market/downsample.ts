/**
 * Largest-Triangle-Three-Buckets (Steinarsson 2013, "Downsampling Time Series for Visual
 * Representation"): keeps the first and last points and, from each of `threshold - 2` buckets, the
 * point that spans the largest triangle with the point kept before it and the next bucket's mean,
 * so peaks and troughs survive. Anchors (each event's day 0) are always kept as they are: a bucket
 * holding an anchor keeps its anchors instead of its triangle pick, so a marker never floats
 * between two kept points.
 */

/**
 * Indices (ascending) of the points of [lo, hi] to draw. `isAnchor(i)` marks points that must be
 * kept; the result holds about `threshold` points plus the anchors.
 */
export function lttbIndices(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  lo: number,
  hi: number,
  threshold: number,
  isAnchor: (i: number) => boolean = () => false
): number[] {
  const n = hi - lo + 1
  if (n <= 0) return []
  if (threshold < 3 || n <= threshold) {
    const all = new Array<number>(n)
    for (let i = 0; i < n; i++) all[i] = lo + i
    return all
  }
  const out: number[] = [lo]
  const every = (n - 2) / (threshold - 2)
  let a = lo
  for (let b = 0; b < threshold - 2; b++) {
    const start = lo + 1 + Math.floor(b * every)
    const end = Math.min(lo + 1 + Math.floor((b + 1) * every), hi) // exclusive; hi itself is kept last
    let anchored = false
    for (let i = start; i < end; i++) {
      if (isAnchor(i)) {
        out.push(i)
        a = i
        anchored = true
      }
    }
    if (anchored || start >= end) continue
    // Mean of the next bucket (the last point when this is the last bucket).
    const nextStart = end
    const nextEnd = Math.min(lo + 1 + Math.floor((b + 2) * every), hi + 1)
    let mx = 0
    let my = 0
    const m = Math.max(nextEnd - nextStart, 1)
    if (nextEnd > nextStart) {
      for (let i = nextStart; i < nextEnd; i++) {
        mx += xs[i]
        my += ys[i]
      }
      mx /= m
      my /= m
    } else {
      mx = xs[hi]
      my = ys[hi]
    }
    const ax = xs[a]
    const ay = ys[a]
    let best = start
    let bestArea = -1
    for (let i = start; i < end; i++) {
      const area = Math.abs((ax - mx) * (ys[i] - ay) - (ax - xs[i]) * (my - ay))
      if (area > bestArea) {
        bestArea = area
        best = i
      }
    }
    out.push(best)
    a = best
  }
  out.push(hi)
  return out
}
