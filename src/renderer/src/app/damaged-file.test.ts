import { describe, expect, it } from 'vitest'
import { whatFileHeld } from './damaged-file'

describe('what a damaged store file held, as the recovery banner says it', () => {
  it('says the meta file held the companies, settings and the series index, not the prices', () => {
    expect(whatFileHeld('capwatch.json')).toBe(
      'all companies, their listings and share schedules, the settings, and the list of imported price series (the price files themselves are intact)'
    )
  })
  it('says an events shard held some events and their notes', () => {
    expect(whatFileHeld('events/0fd.json')).toBe('some events and their notes')
  })
  it('names the ticker whose prices a series file held, dashes in the ticker included', () => {
    expect(whatFileHeld('series/0700.HK-mabc12-x9y8z7.json')).toBe('the prices of 0700.HK')
    expect(whatFileHeld('series/BRK-B-mabc12-x9y8z7.json')).toBe('the prices of BRK-B')
  })
  it('says no more than it knows of any other file', () => {
    expect(whatFileHeld('events/not-a-shard.json')).toBe('part of the workspace')
  })
})
