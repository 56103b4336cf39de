import { describe, expect, it } from 'vitest'
import { settingsSchema } from '../../../../../shared/domain'
import { draftFromSettings, validateSettings } from './settings-draft'

const defaults = settingsSchema.parse({})

describe('currency and window settings as typed', () => {
  it('lists every listing currency but the reporting one, and saves what was typed', () => {
    const d = draftFromSettings(defaults, ['USD', 'HKD', 'HKD', 'CNY'])
    expect(d.fx.map((r) => r.currency)).toEqual(['CNY', 'HKD'])
    expect(d.windows).toBe('-1:1, 0:5, -5:20')
    d.fx[1].rate = '0,1282'
    d.fx[0].series = 'CNYUSD'
    const { patch, problems } = validateSettings(d)
    expect(problems).toEqual([])
    expect(patch?.fxRates).toEqual({ HKD: 0.1282 })
    expect(patch?.fxSeries).toEqual({ CNY: 'CNYUSD' })
    expect(patch?.estimation).toEqual({ from: -250, to: -30, minReturns: 60 })
    expect(settingsSchema.partial().safeParse(patch).success).toBe(true)
  })

  it('refuses the whole form while any field is wrong, naming each', () => {
    const d = draftFromSettings(defaults, ['HKD'])
    d.reportingCurrency = 'dollars'
    d.fx[0].rate = '-3'
    d.windows = '0:5, 3:1'
    d.estimationFrom = '-30'
    d.estimationTo = '-250'
    const { patch, problems } = validateSettings(d)
    expect(patch).toBeNull()
    expect(problems).toEqual([
      'Reporting currency: a 3-letter code such as USD.',
      'FX rate for HKD: "-3" is not a positive number.',
      'Impact windows: "3:1": the start must not be after the end.',
      'Estimation window: the start must come before the end.'
    ])
  })
})
