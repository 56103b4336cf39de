import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../shared/errors'
import { errorText, fieldLabel } from './error-text'

/** A refusal as the core's dispatcher sends it back for a bad request. */
const refused = (method: string, issues: { path: string; message: string }[]) =>
  new ApiError('invalid_input', `${method}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues })

describe('what an analyst reads when an edit is refused', () => {
  it('an emptied title names the Title field, not the contract path', () => {
    const e = refused('events:update', [{ path: 'patch.title', message: 'must not be empty' }])
    expect(errorText(e)).toBe('Title must not be empty')
  })

  it('a bad currency in the second listing names that listing and its field', () => {
    const e = refused('companies:update', [{ path: 'patch.listings.1.currency', message: 'must be a 3-letter currency code such as USD' }])
    expect(errorText(e)).toBe('Listing 2 currency must be a 3-letter currency code such as USD')
  })

  it("zod's stock wording for a too-long value reads as the limit", () => {
    const e = refused('events:update', [{ path: 'patch.title', message: 'Too big: expected string to have <=300 characters' }])
    expect(errorText(e)).toBe('Title must be at most 300 characters')
    const tags = refused('events:update', [{ path: 'patch.tags.2', message: 'Too big: expected string to have <=60 characters' }])
    expect(errorText(tags)).toBe('Tag 3 must be at most 60 characters')
  })

  it('several problems are all listed', () => {
    const e = refused('events:create', [
      { path: 'fields.date', message: 'must be a real calendar date as YYYY-MM-DD' },
      { path: 'fields.sources.0', message: 'Too small: expected string to have >=1 characters' }
    ])
    expect(errorText(e)).toBe('Date must be a real calendar date as YYYY-MM-DD; Source 1 must not be empty')
  })

  it('a failure that is not about a field keeps its own words', () => {
    expect(errorText(new ApiError('conflict', 'Ticker BABA already belongs to Alibaba Group', { issues: [{ path: 'listings.ticker', message: 'duplicate ticker BABA' }] }))).toBe(
      'Ticker BABA already belongs to Alibaba Group'
    )
    expect(errorText(new Error('The Capwatch host is not reachable'))).toBe('The Capwatch host is not reachable')
  })

  it('field paths read as the form names them', () => {
    expect(fieldLabel('patch.nameZh')).toBe('Chinese name')
    expect(fieldLabel('listings.0.ticker')).toBe('Listing 1 ticker')
    expect(fieldLabel('(input)')).toBe('')
  })
})
