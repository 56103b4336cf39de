/**
 * The browser host is a private door to the analyst's data on a shared machine: only this
 * machine, only with the run's token, only from the host's own origin, and no request that can
 * crash it or change the store without permission.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { METHOD_NAMES } from '../../shared/api'
import { CONTENT_SECURITY_POLICY } from '../csp'
import { call } from '../core/dispatch'
import { VALID_EXAMPLES, EXAMPLE_EVENT_ID } from '../core/fuzz-payloads'
import { csvText } from '../core/csv/write'
import { apiAnswer, apiRequest, changedFiles, INDEX_HTML, openTestHost, rawRequest, snapshotDir, type TestHost } from './host-fixture'

let t: TestHost
let eventId: string

beforeAll(async () => {
  t = await openTestHost({ maxBodyBytes: 64 * 1024 })
  eventId = (await call(t.handlers, 'events:query', { limit: 1 })).rows[0].id
})
afterAll(() => t.close())

/** A method's example input, pointing at a real event of the starter workspace. */
const exampleBody = (method: string) => JSON.stringify(VALID_EXAMPLES[method as keyof typeof VALID_EXAMPLES] ?? {}).replaceAll(EXAMPLE_EVENT_ID, eventId)

function tryConnect(host: string, port: number): Promise<'connected' | string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 })
    socket.once('connect', () => {
      socket.destroy()
      resolve('connected')
    })
    socket.once('timeout', () => {
      socket.destroy()
      resolve('timeout')
    })
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message))
  })
}

describe('the browser host listens on this machine only', () => {
  it('binds 127.0.0.1, not every interface', () => {
    const address = t.host.server.address()
    expect(address).toMatchObject({ address: '127.0.0.1', family: 'IPv4' })
    expect(t.host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${t.host.port}/#token=`))
  })

  it('cannot be reached through another address of this machine', async () => {
    expect(await tryConnect('127.0.0.1', t.host.port)).toBe('connected')
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address)
    for (const address of [...others, '::1']) {
      expect(await tryConnect(address, t.host.port), `connecting via ${address}`).not.toBe('connected')
    }
  })
})

describe('every API call needs the run token', () => {
  const badAuth: Record<string, Record<string, string>> = {
    'no Authorization header': {},
    'a wrong token': { authorization: 'Bearer not-the-token' },
    'the token with a character more': {},
    'the token without "Bearer"': {},
    'the token as Basic credentials': {},
    'an empty bearer': { authorization: 'Bearer ' }
  }

  it('refuses every method with 401 and leaves the store untouched', async () => {
    badAuth['the token with a character more'] = { authorization: `Bearer ${t.host.token}x` }
    badAuth['the token without "Bearer"'] = { authorization: t.host.token }
    badAuth['the token as Basic credentials'] = { authorization: `Basic ${t.host.token}` }
    const before = await snapshotDir(t.dataDir)
    for (const method of METHOD_NAMES) {
      for (const [why, headers] of Object.entries(badAuth)) {
        const res = await rawRequest(t.host.port, {
          method: 'POST',
          path: `/api/${method}`,
          headers: { 'content-type': 'application/json', ...headers },
          body: exampleBody(method)
        })
        expect(res.status, `${method} with ${why}`).toBe(401)
        expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/token/) } })
      }
    }
    expect(changedFiles(before, await snapshotDir(t.dataDir))).toEqual([])
    // The same edit with the token goes through: the refusals above were the token's doing.
    const ok = await apiRequest(t, 'events:update', JSON.stringify({ id: eventId, patch: { title: 'Edited with the token' } }))
    expect(ok.status).toBe(200)
    expect(changedFiles(before, await snapshotDir(t.dataDir))).not.toEqual([])
  })
})

describe('Host and Origin must name this server (no DNS rebinding, no cross-site calls)', () => {
  it.each([
    ['a rebinding domain with our port', (p: number) => `evil.example:${p}`],
    ['a bare domain', () => 'evil.example'],
    ['our address without the port', () => '127.0.0.1'],
    ['our address with another port', () => '127.0.0.1:1'],
    ['a lookalike subdomain', (p: number) => `localhost.evil.example:${p}`],
    ['the IPv6 loopback', (p: number) => `[::1]:${p}`],
    ['an empty Host', () => '']
  ])('refuses Host: %s with 403, for pages and API calls', async (_why, host) => {
    const page = await rawRequest(t.host.port, { path: '/', headers: { host: host(t.host.port) } })
    expect(page.status).toBe(403)
    expect(page.body).not.toContain('<div id="root">')
    const api = await apiRequest(t, 'events:query', '{}', { host: host(t.host.port) })
    expect(api.status).toBe(403)
    expect(api.body).not.toContain('rows')
  })

  it('accepts localhost and 127.0.0.1 with its port', async () => {
    for (const host of [`127.0.0.1:${t.host.port}`, `localhost:${t.host.port}`]) {
      expect((await rawRequest(t.host.port, { path: '/', headers: { host } })).status).toBe(200)
    }
  })

  it.each([
    ['another site', () => 'http://evil.example'],
    ['an opaque origin (sandboxed frame, file: page)', () => 'null'],
    ['our address on another port', () => 'http://127.0.0.1:1'],
    ['https on our port', (p: number) => `https://127.0.0.1:${p}`],
    ['our host without a scheme', (p: number) => `127.0.0.1:${p}`],
    ['a lookalike', (p: number) => `http://127.0.0.1:${p}.evil.example`]
  ])('refuses Origin: %s with 403, even with the token', async (_why, origin) => {
    const before = await snapshotDir(t.dataDir)
    const res = await apiRequest(t, 'events:update', JSON.stringify({ id: eventId, patch: { title: 'cross-site' } }), { origin: origin(t.host.port) })
    expect(res.status).toBe(403)
    expect(changedFiles(before, await snapshotDir(t.dataDir))).toEqual([])
  })

  it('accepts its own origin', async () => {
    const res = await apiRequest(t, 'events:query', '{"limit": 1}', { origin: `http://127.0.0.1:${t.host.port}` })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { rows: [expect.objectContaining({ id: expect.any(String) })] } })
  })
})

describe('the page is served with its protective headers', () => {
  it('sends index.html with the CSP, nosniff, no framing and no referrer', async () => {
    const res = await rawRequest(t.host.port, { path: '/' })
    expect(res.status).toBe(200)
    expect(res.body).toBe(INDEX_HTML)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/)
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self'/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
  })

  it('sends the same headers on API answers and errors', async () => {
    for (const res of [await apiRequest(t, 'app:info', ''), await rawRequest(t.host.port, { path: '/missing.js' })]) {
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      expect(res.headers['x-content-type-options']).toBe('nosniff')
    }
  })
})

describe('a report comes back as its file, not as JSON', () => {
  it('sends the export as the CSV bytes themselves, the file name and row count in a header', async () => {
    const direct = await call(t.handlers, 'reports:export', { report: 'events', dialect: { bom: true, delimiter: ';' } })
    const res = await apiRequest(t, 'reports:export', JSON.stringify({ report: 'events', dialect: { bom: true, delimiter: ';' } }))
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/octet-stream')
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body))
    // The same bytes the core wrote: BOM, Chinese text and all.
    expect(res.body).toBe(csvText(direct.csv))
    expect(res.body.startsWith('\uFEFFid;date;title;')).toBe(true)
    expect(apiAnswer(res)).toEqual({ ok: true, value: { filename: direct.filename, rows: direct.rows, body: res.body } })
  })

  it('still answers a refused export as a JSON error', async () => {
    const res = await apiRequest(t, 'reports:export', JSON.stringify({ report: 'everything' }))
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

describe('malformed API requests get a typed error, never a crash', () => {
  it('refuses a body over the limit with 413 and writes nothing', async () => {
    const before = await snapshotDir(t.dataDir)
    const big = JSON.stringify({ eventId, text: 'x'.repeat(200 * 1024) })
    const declared = await apiRequest(t, 'notes:add', big)
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/larger than/) } })
    // Without a Content-Length (chunked), the limit is enforced while reading.
    const chunked = await apiRequest(t, 'notes:add', big, { 'transfer-encoding': 'chunked' })
    expect(chunked.status).toBe(413)
    expect(changedFiles(before, await snapshotDir(t.dataDir))).toEqual([])
    // …and the host still answers.
    expect((await apiRequest(t, 'app:info', '')).status).toBe(200)
  })

  it('refuses a body that is not JSON with 400', async () => {
    for (const body of ['{not json', 'NaN', "{'id': 1}", '\uFEFF{}']) {
      const res = await apiRequest(t, 'events:get', body)
      expect(res.status, body).toBe(400)
      expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Request body is not valid JSON' } })
    }
  })

  it('refuses a body not sent as application/json with 415', async () => {
    const res = await apiRequest(t, 'events:query', '{}', { 'content-type': 'text/plain' })
    expect(res.status).toBe(415)
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('answers an unknown method with a typed 404', async () => {
    for (const name of ['events:explode', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '%E0%A4%A', '..%2f..%2fevents:query', '']) {
      const res = await apiRequest(t, name, '{}')
      expect(res.status, name).toBe(404)
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unknown_method', message: expect.any(String) } })
    }
  })

  it('answers API calls other than POST with 405', async () => {
    const res = await rawRequest(t.host.port, { path: '/api/events:query', headers: { authorization: `Bearer ${t.host.token}` } })
    expect(res.status).toBe(405)
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
