/**
 * The analyst presses Enter on an edit and stops the host (Ctrl+C) a moment later: the edit that
 * had reached the host is answered and saved, not cut off with the connection.
 */
import { afterEach, expect, it } from 'vitest'
import { request } from 'node:http'
import { rm } from 'node:fs/promises'
import { Core } from '../core/core'
import { call } from '../core/dispatch'
import { openTestHost, type TestHost } from './host-fixture'
import { browserAdapter } from './browser-adapter'

let t: TestHost | undefined
afterEach(async () => {
  if (t) await rm(t.dir, { recursive: true, force: true })
  t = undefined
})

it('a stop answers and saves an edit whose request was already on its way', async () => {
  t = await openTestHost()
  const host = t
  const [event] = (await call(host.handlers, 'events:query', { limit: 1 })).rows
  const body = JSON.stringify({ id: event.id, patch: { title: 'Renamed just before the stop' } })

  // Headers and half the body now; the rest after the stop has begun.
  const answered = new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.host.port,
        method: 'POST',
        path: '/api/events:update',
        headers: { authorization: `Bearer ${host.host.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        agent: false
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      }
    )
    req.on('error', reject)
    req.write(body.slice(0, 10))
    req.flushHeaders()
    setTimeout(() => req.end(body.slice(10)), 300)
  })
  await new Promise((r) => setTimeout(r, 100))
  const stopped = host.host.close().then(() => host.core.close())

  expect(await answered).toBe(200)
  await stopped
  const reopened = await Core.open({ dataDir: host.dataDir, adapter: 'test', log: () => {} })
  try {
    const again = await call(browserAdapter(reopened).handlers, 'events:get', { id: event.id })
    expect(again.event.title).toBe('Renamed just before the stop')
  } finally {
    await reopened.close()
  }
})
