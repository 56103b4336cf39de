import { describe, expect, it } from 'vitest'
import { whatFileHeld } from './damaged-file'

describe('what a damaged store file held, as the recovery banner says it', () => {
  it('names what is missing for each kind of file', () => {
    expect(whatFileHeld('capwatch.json')).toMatch(/^all companies with their listings and share schedules, the settings/)
    expect(whatFileHeld('events/0fd.json')).toMatch(/^some of the events .* with all their notes/)
    expect(whatFileHeld('series/0700.HK-mabc12-x9y8z7.json')).toBe('the imported prices of 0700.HK (its company stays, without prices until restored or imported again)')
    expect(whatFileHeld('something-else.json')).toBe('part of the workspace')
  })
})
