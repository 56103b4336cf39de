/**
 * dispatch is the one entry every adapter uses: a caller always gets a typed answer, a bad call
 * never reaches a handler, and a handler's crash is reported, not thrown.
 */
import { describe, expect, it } from 'vitest'
import { METHOD_NAMES } from '../../shared/api'
import { ApiError } from '../../shared/errors'
import { call, dispatch, isMethodName, type Handlers } from './dispatch'

/** Handlers that record what reached them; each answers with its own name. */
function recordingHandlers(behaviour: (name: string, input: unknown) => unknown = (name) => ({ handled: name })) {
  const reached: { name: string; input: unknown }[] = []
  const handlers = Object.fromEntries(
    METHOD_NAMES.map((name) => [
      name,
      (input: unknown) => {
        reached.push({ name, input })
        return behaviour(name, input)
      }
    ])
  ) as unknown as Handlers
  return { handlers, reached }
}

describe('dispatch', () => {
  it('knows exactly the contract methods, not inherited object keys', () => {
    for (const name of METHOD_NAMES) expect(isMethodName(name)).toBe(true)
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'events', 'EVENTS:QUERY', 'events:query ']) {
      expect(isMethodName(name), name).toBe(false)
    }
    for (const name of [null, undefined, 42, {}, ['events:query'], Symbol('events:query')]) expect(isMethodName(name)).toBe(false)
  })

  it('answers an unknown method with unknown_method and reaches no handler', async () => {
    const { handlers, reached } = recordingHandlers()
    for (const name of ['nope', '__proto__', 'constructor', 42, null, 'x'.repeat(10_000)]) {
      const res = await dispatch(handlers, name, {}, () => {})
      expect(res).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
      if (!res.ok) expect(res.error.message.length).toBeLessThan(200)
    }
    expect(reached).toEqual([])
  })

  it('refuses input that breaks the schema with each issue and its path, before any handler runs', async () => {
    const { handlers, reached } = recordingHandlers()
    const res = await dispatch(handlers, 'events:update', { id: 'ok-id', patch: { date: '2021-02-30', title: 42 } }, () => {})
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.code).toBe('invalid_input')
    expect(res.error.issues?.map((i) => i.path).sort()).toEqual(['patch.date', 'patch.title'])
    expect(res.error.message).toMatch(/^events:update: /)
    expect(reached).toEqual([])
  })

  it('hands the handler the parsed input, defaults filled in', async () => {
    const { handlers, reached } = recordingHandlers()
    const res = await dispatch(handlers, 'events:query', {}, () => {})
    expect(res).toEqual({ ok: true, value: { handled: 'events:query' } })
    expect(reached[0].input).toMatchObject({ search: '', filters: {}, sort: { column: 'date', desc: false }, offset: 0, limit: 200 })
  })

  it('turns a thrown ApiError into its typed body', async () => {
    const { handlers } = recordingHandlers(() => {
      throw new ApiError('not_found', 'No event with id x', { issues: [{ path: 'id', message: 'unknown' }] })
    })
    expect(await dispatch(handlers, 'events:get', { id: 'x' }, () => {})).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No event with id x', issues: [{ path: 'id', message: 'unknown' }] }
    })
  })

  it('turns a crash (sync or async, even a thrown non-Error) into an internal error and logs it', async () => {
    const lines: string[] = []
    const crashes: (() => unknown)[] = [
      () => {
        throw new TypeError('boom')
      },
      () => Promise.reject(new RangeError('async boom')),
      () => {
        throw 'a string'
      },
      () => {
        throw null
      }
    ]
    for (const crash of crashes) {
      const { handlers } = recordingHandlers(crash)
      const res = await dispatch(handlers, 'app:info', undefined, (l) => lines.push(l))
      expect(res).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^app:info failed/) } })
    }
    expect(lines).toHaveLength(crashes.length)
    expect(lines[0]).toMatch(/^core\/dispatch: app:info failed: TypeError: boom/)
  })

  it('call() unwraps a value or throws the ApiError', async () => {
    const { handlers } = recordingHandlers()
    expect(await call(handlers, 'settings:get', undefined)).toEqual({ handled: 'settings:get' })
    await expect(call(handlers, 'events:get', { id: '' })).rejects.toMatchObject({ name: 'ApiError', code: 'invalid_input' })
  })
})
