/** Typing a ticker in the companies picker puts that company first, so Enter links the right one. */
import { describe, expect, it } from 'vitest'
import { matchOptions } from './checklist-match'

const COMPANIES = [
  { value: 'gotu', label: 'GOTU', hint: 'Gaotu Techedu · 高途集团' },
  { value: 'edu', label: 'EDU', hint: 'New Oriental · 新东方 · 9901.HK' },
  { value: 'orient', label: 'Orient Tal Holdings' },
  { value: 'neworiental', label: 'NOE', hint: 'New Oriental Tal-ent' },
  { value: 'tal', label: 'TAL', hint: 'TAL Education' },
  { value: 'tencent', label: '0700.HK', hint: 'Tencent Holdings · 腾讯控股' }
]
const values = (filter: string) => matchOptions(COMPANIES, filter).map((o) => o.value)

describe('the companies picker filter', () => {
  it('puts a ticker typed in full first, then words that start with the text, then the rest', () => {
    expect(values('EDU')).toEqual(['edu', 'tal', 'gotu']) // TAL Education: a word starting with it
    expect(values('tal')).toEqual(['tal', 'orient', 'neworiental', 'edu']) // last: New Orien-tal
    expect(values('tenc')).toEqual(['tencent'])
    expect(values('0700.hk')).toEqual(['tencent'])
    expect(values('腾讯')).toEqual(['tencent'])
  })

  it('shows every option, in list order, when nothing is typed, and none when nothing matches', () => {
    expect(values('  ')).toEqual(COMPANIES.map((c) => c.value))
    expect(values('zzz')).toEqual([])
  })
})
