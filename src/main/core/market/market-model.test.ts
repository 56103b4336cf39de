import { describe, expect, it } from 'vitest'
import { cumulativeAbnormal, dailyReturns, fitMarketModel } from './market-model'
import { constructedPrices as prices } from './test-kit'

// See constructedPrices: alpha 0.0005, beta 1.5, sigma 0.001 by construction.
const ALPHA = 0.0005
const BETA = 1.5

describe('market model', () => {
  // Price index 0 is the first day; returns start at index 1. With day 0 at index 8, the
  // estimation window [-7, -2] covers the returns at indices 1..6 (the six constructed ones), and
  // the event days -1, 0, +1 are indices 7, 8, 9.
  const i0 = 8
  const { p, b } = prices()
  const ret = dailyReturns(p, b)

  it('recovers alpha, beta and sigma (n - 2 degrees of freedom) by OLS over the estimation window', () => {
    const model = fitMarketModel(ret, i0, { from: -7, to: -2, minReturns: 6 })
    expect(model.ok).toBe(true)
    if (!model.ok) return
    expect(model.n).toBe(6)
    expect(model.alpha).toBeCloseTo(ALPHA, 12)
    expect(model.beta).toBeCloseTo(BETA, 12)
    expect(model.sigma).toBeCloseTo(0.001, 12)
  })

  it('sums abnormal returns over the window and divides by sigma sqrt(days) for the t-stat', () => {
    const model = fitMarketModel(ret, i0, { from: -7, to: -2, minReturns: 6 })
    // [-1, +1]: CAR = 0.002 + 0.01 - 0.004 = 0.008; t = 0.008 / (0.001 sqrt 3) = 4.6188...
    const w = cumulativeAbnormal(ret, model, i0, -1, 1)
    expect(w.car).toBeCloseTo(0.008, 12)
    expect(w.tStat).toBeCloseTo(0.008 / (0.001 * Math.sqrt(3)), 9)
    // [0, 0]: CAR = 0.01; t = 0.01 / 0.001 = 10.
    const d0 = cumulativeAbnormal(ret, model, i0, 0, 0)
    expect(d0.car).toBeCloseTo(0.01, 12)
    expect(d0.tStat).toBeCloseTo(10, 9)
  })

  it('leaves CAR empty with the reason when the estimation window holds too few returns', () => {
    // Day 0 at index 3: the window [-7, -2] reaches back before the series: only index 1 is in it.
    const model = fitMarketModel(ret, 3, { from: -7, to: -2, minReturns: 6 })
    expect(model).toEqual({ ok: false, reason: 'market model: 1 return in the estimation window [-7,-2], needs 6' })
    const w = cumulativeAbnormal(ret, model, 3, 0, 0)
    expect(w).toEqual({ car: null, tStat: null, reason: model.ok ? '' : model.reason })
  })

  it('says so when the benchmark never moved (beta undefined)', () => {
    const flat = dailyReturns(p, p.map(() => 50))
    expect(fitMarketModel(flat, i0, { from: -7, to: -2, minReturns: 6 })).toEqual({
      ok: false,
      reason: 'market model: the benchmark did not move in the estimation window'
    })
  })
})
