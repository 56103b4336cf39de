/**
 * A file imported from the browser arrives as raw bytes: only with the run's token, decoded by the
 * core like a file on disk (so a UTF-16 export imports), and by id only while it is kept.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { apiRequest, openTestHost, rawRequest, snapshotDir, type TestHost } from './host-fixture'

const PRICES = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'prices')

let t: TestHost | null = null
afterEach(async () => {
  await t?.close()
  t = null
})

function upload(host: TestHost, name: string, bytes: Buffer, token = host.host.token) {
  return rawRequest(host.host.port, {
    method: 'POST',
    path: `/api/upload?name=${encodeURIComponent(name)}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: bytes
  })
}

describe('uploads for import in the browser host', () => {
  it('refuses an upload without the token, and keeps nothing', async () => {
    t = await openTestHost()
    const before = await snapshotDir(t.dataDir)
    const res = await upload(t, 'JD.csv', Buffer.from('Date,Close\n2021-01-04,1\n'), 'wrong-token-of-the-same-length-abcdefgh')
    expect(res.status).toBe(401)
    expect(await snapshotDir(t.dataDir)).toEqual(before)
  })

  it('imports a real UTF-16 export uploaded as bytes, the same as the file itself', async () => {
    t = await openTestHost()
    const utf8 = await readFile(join(PRICES, 'JD.csv'), 'utf8')
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')])
    const up = JSON.parse((await upload(t, 'JD-utf16.csv', utf16)).body)
    expect(up.ok).toBe(true)
    const source = { kind: 'upload', id: up.value.id, name: 'JD-utf16.csv' }
    const ins = JSON.parse((await apiRequest(t, 'import:inspect', JSON.stringify({ source }))).body)
    expect(ins.value.header).toEqual(['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'])
    const dry = JSON.parse(
      (await apiRequest(t, 'import:preview', JSON.stringify({ source, mapping: { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', ticker: 'JD' } }))).body
    )
    expect(dry.value.totals.rejected).toBe(0)
    expect(dry.value.totals.new).toBe(utf8.trim().split('\n').length - 1)
  })

  it('says so when an upload is no longer kept', async () => {
    t = await openTestHost()
    const source = { kind: 'upload', id: 'up-gone', name: 'old.csv' }
    const res = JSON.parse((await apiRequest(t, 'import:inspect', JSON.stringify({ source }))).body)
    expect(res.ok).toBe(false)
    expect(res.error.code).toBe('not_found')
    expect(res.error.message).toMatch(/old\.csv.*choose it again/)
  })
})
