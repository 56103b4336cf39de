/**
 * Companies as the analyst keeps them: created with their listings, renamed, deleted (their
 * events lose the link, not the event), one ticker per company, and share schedules per listing.
 */
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/errors'
import { listed, openWorkspace } from './test-workspace'

describe('companies', () => {
  it('creates companies with an id from the name, unique even for the same name, and keeps them', async () => {
    const ws = await openWorkspace()
    const tme = await ws.api('companies:create', { fields: listed('Tencent Music', 'TME', { nameZh: '腾讯音乐', sector: 'Music streaming' }) })
    expect(tme).toMatchObject({ id: 'tencent-music', name: 'Tencent Music', nameZh: '腾讯音乐', eventCount: 0 })
    expect(tme.listings).toEqual([{ ticker: 'TME', exchange: '', currency: 'USD', shares: [] }])
    const again = await ws.api('companies:create', { fields: { name: 'Tencent Music' } })
    expect(again.id).toBe('tencent-music-2')
    const reopened = await ws.reopen()
    expect((await reopened.api('companies:list', {})).map((c) => c.id).sort()).toEqual(['tencent-music', 'tencent-music-2'])
  })

  it('updates a company and counts the events that link it', async () => {
    const ws = await openWorkspace()
    const baba = await ws.api('companies:create', { fields: listed('Alibaba', 'BABA') })
    await ws.api('events:create', { fields: { date: '2021-04-10', title: 'Fine', companies: [baba.id] } })
    const u = await ws.api('companies:update', { id: baba.id, patch: { name: 'Alibaba Group', nameZh: '阿里巴巴' } })
    expect(u).toMatchObject({ id: baba.id, name: 'Alibaba Group', nameZh: '阿里巴巴', eventCount: 1, createdAt: baba.createdAt })
    expect(u.updatedAt > baba.updatedAt).toBe(true)
    await expect(ws.api('companies:update', { id: baba.id, patch: { name: '' } })).rejects.toMatchObject({ code: 'invalid_input' })
    expect((await (await ws.reopen()).api('companies:list', {}))[0]).toMatchObject({ name: 'Alibaba Group', eventCount: 1 })
  })

  it('deletes a company and unlinks it from its events, which stay', async () => {
    const ws = await openWorkspace()
    const baba = await ws.api('companies:create', { fields: listed('Alibaba', 'BABA') })
    const tencent = await ws.api('companies:create', { fields: listed('Tencent', '0700.HK') })
    const both = await ws.api('events:create', { fields: { date: '2020-11-10', title: 'Draft platform rules', companies: [baba.id, tencent.id] } })
    const one = await ws.api('events:create', { fields: { date: '2021-04-10', title: 'Fine', companies: [baba.id] } })
    expect(await ws.api('companies:delete', { id: baba.id })).toEqual({ deleted: 1, unlinkedEvents: 2 })
    expect((await ws.api('events:get', { id: both.id })).event.companies).toEqual([tencent.id])
    expect((await ws.api('events:get', { id: one.id })).event.companies).toEqual([])
    expect((await ws.api('events:query', { search: 'baba' })).rows).toEqual([])
    await expect(ws.api('companies:delete', { id: baba.id })).rejects.toMatchObject({ code: 'not_found' })
    const again = await ws.reopen()
    expect((await again.api('companies:list', {})).map((c) => c.id)).toEqual([tencent.id])
    expect((await again.api('events:get', { id: both.id })).event.companies).toEqual([tencent.id])
  })

  it('refuses a ticker that another company already has (any case), or twice in one company', async () => {
    const ws = await openWorkspace()
    const baba = await ws.api('companies:create', { fields: listed('Alibaba', 'BABA') })
    const jd = await ws.api('companies:create', { fields: listed('JD.com', 'JD') })
    const err = await ws.api('companies:create', { fields: listed('Copycat', 'baba') }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ code: 'conflict', message: expect.stringContaining('Alibaba') })
    await expect(ws.api('companies:update', { id: jd.id, patch: { listings: [{ ticker: 'JD' }, { ticker: 'BABA' }] } })).rejects.toMatchObject({ code: 'conflict' })
    await expect(
      ws.api('companies:create', { fields: { name: 'Twice', listings: [{ ticker: '9988.HK' }, { ticker: '9988.hk' }] } })
    ).rejects.toMatchObject({ code: 'conflict' })
    // A company may keep its own tickers when it is edited.
    await ws.api('companies:update', { id: baba.id, patch: { listings: [{ ticker: 'BABA' }, { ticker: '9988.HK', currency: 'HKD' }] } })
    expect((await ws.api('companies:list', {})).map((c) => c.name).sort()).toEqual(['Alibaba', 'JD.com'])
  })

  it('resolves tickers (any case) and ids, and names the known tickers when one is unknown', async () => {
    const ws = await openWorkspace()
    expect(() => ws.core.companies.resolve(['BABA'])).toThrow('Unknown ticker BABA. The workspace has no companies yet')
    const baba = await ws.api('companies:create', { fields: listed('Alibaba', 'BABA') })
    const ant = await ws.api('companies:create', { fields: { name: 'Ant Group' } })
    expect(ws.core.companies.resolve(['baba', 'ant-group'])).toEqual([baba.id, ant.id])
    expect(() => ws.core.companies.resolve(['BABA', 'NOPE'])).toThrow(/Unknown ticker NOPE\. Known: BABA, ant-group/)
  })

  it('sets a share schedule on a listing, sorted by date, and refuses a date given twice', async () => {
    const ws = await openWorkspace()
    await ws.api('companies:create', { fields: listed('Alibaba', 'BABA') })
    const rows = [
      { date: '2021-06-30', shares: 2_710_000_000, source: '20-F' },
      { date: '2020-12-31', shares: 2_700_000_000 }
    ]
    const c = await ws.api('shares:set', { ticker: 'baba', rows })
    expect(c.listings[0].shares).toEqual([
      { date: '2020-12-31', shares: 2_700_000_000, source: '' },
      { date: '2021-06-30', shares: 2_710_000_000, source: '20-F' }
    ])
    await expect(ws.api('shares:set', { ticker: 'BABA', rows: [rows[0], rows[0]] })).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(ws.api('shares:set', { ticker: 'BABA', rows: [{ date: '2021-02-30', shares: 1 }] })).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(ws.api('shares:set', { ticker: 'BABA', rows: [{ date: '2021-01-01', shares: 0 }] })).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(ws.api('shares:set', { ticker: 'NOPE', rows })).rejects.toMatchObject({ code: 'not_found' })
    const again = await ws.reopen()
    expect((await again.api('companies:list', {}))[0].listings[0].shares).toHaveLength(2)
  })

  it('finds and sorts events by the new name and ticker of a renamed company, and by the old ones no more', async () => {
    const ws = await openWorkspace()
    const baba = await ws.api('companies:create', { fields: listed('Alibaba', 'BABA') })
    const tme = await ws.api('companies:create', { fields: listed('Tencent Music', 'TME') })
    const fine = await ws.api('events:create', { fields: { date: '2021-04-10', title: 'Record antitrust fine', companies: [baba.id] } })
    const order = await ws.api('events:create', { fields: { date: '2021-07-24', title: 'Exclusive licences ended', companies: [tme.id] } })
    const search = async (text: string) => (await ws.api('events:query', { search: text })).rows.map((r) => r.id)
    const byCompany = async () => (await ws.api('events:query', { sort: { column: 'companies', desc: false } })).rows.map((r) => r.id)
    // Search and sort once first, so the index and the order exist before the rename.
    expect(await search('baba')).toEqual([fine.id])
    expect(await byCompany()).toEqual([fine.id, order.id])
    await ws.api('companies:update', { id: baba.id, patch: { name: 'Zhejiang Alibaba', listings: [{ ticker: 'ZBABA', exchange: 'NYSE', currency: 'USD', shares: [] }] } })
    expect(await search('zhejiang')).toEqual([fine.id])
    expect(await search('zbaba')).toEqual([fine.id])
    expect(await search('baba')).toEqual([])
    expect(await byCompany()).toEqual([order.id, fine.id]) // TME before ZBABA
    // A change that does not touch names or tickers leaves search and sort as they were.
    await ws.api('companies:update', { id: tme.id, patch: { sector: 'Music streaming', notes: 'Exclusivity ordered ended' } })
    expect(await search('exclusivity')).toEqual([]) // company notes are not event text
    expect(await search('tme')).toEqual([order.id])
    expect(await byCompany()).toEqual([order.id, fine.id])
  })
})
