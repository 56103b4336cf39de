/**
 * Every method of the contract, fuzzed through every door (dispatch, the IPC guard, HTTP) with
 * random, wrong-typed and hostile payloads: the caller always gets a typed answer, nothing
 * crashes, and an invalid call leaves the store's files byte-identical. Seeded: a failure names
 * its seed; rerun with CAPWATCH_FUZZ_SEED=<seed> to reproduce it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, METHOD_NAMES, type MethodName } from '../../shared/api'
import type { ApiErrorCode, ApiResponse } from '../../shared/errors'
import { call, dispatch } from './dispatch'
import { handleInvoke } from '../ipc-guard'
import { deeplyNested, EXAMPLE_EVENT_ID, oneFieldWrong, randomValue, RAW_BODIES, seededRng, VALID_EXAMPLES, WRONG_VALUES, type Rng } from './fuzz-payloads'
import { apiAnswer, apiRequest, changedFiles, openTestHost, snapshotDir, type TestHost } from '../host/host-fixture'

const SEED = Number(process.env.CAPWATCH_FUZZ_SEED ?? 20_201_103)
const CODES: ApiErrorCode[] = ['invalid_input', 'unknown_method', 'not_found', 'conflict', 'locked', 'unavailable', 'io', 'corrupt', 'internal']
const HTTP_STATUS: Record<ApiErrorCode, number> = { invalid_input: 400, unknown_method: 404, not_found: 404, conflict: 409, locked: 423, unavailable: 501, io: 500, corrupt: 500, internal: 500 }

/** The renderer page as the desktop app loads it: the only sender the IPC guard answers. */
const appUrl = 'file:///opt/Capwatch/resources/app/out/renderer/index.html'
let t: TestHost
let eventId: string
const unhandled: unknown[] = []
const onUnhandled = (e: unknown) => unhandled.push(e)

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled)
  process.on('uncaughtException', onUnhandled)
  t = await openTestHost()
  eventId = (await call(t.handlers, 'events:query', { limit: 1 })).rows[0].id
})
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled)
  process.off('uncaughtException', onUnhandled)
  await t.close()
})

const isValid = (method: MethodName, input: unknown) => contract[method].input.safeParse(input).success
/** What an HTTP client's JSON turns the payload into (undefined keys vanish, NaN becomes null). */
const overJson = (input: unknown): unknown => (input === undefined ? undefined : JSON.parse(JSON.stringify(input)))

/** Random values, wrong types, and the method's example with one field wrong. */
function payloadsFor(method: MethodName, rng: Rng, via: 'js' | 'json' = 'js'): unknown[] {
  const example = VALID_EXAMPLES[method] ?? {}
  return [
    // Fewer over HTTP, where each payload is a request: the suite stays at a few seconds.
    ...Array.from({ length: via === 'js' ? 20 : 12 }, () => randomValue(rng)),
    ...WRONG_VALUES,
    // Deeper than JSON.stringify can write: HTTP gets its deep nesting as raw text (RAW_BODIES).
    ...(via === 'js' ? [deeplyNested(20_000), { fields: deeplyNested(20_000) }] : []),
    ...oneFieldWrong(example, rng, via === 'js' ? 25 : 15)
  ]
}

/** The answer is a typed response that survives JSON (what IPC and HTTP carry back). */
function expectTyped(res: ApiResponse<unknown>, context: string): void {
  expect(() => JSON.stringify(res), context).not.toThrow()
  if (res.ok) return
  expect(CODES, context).toContain(res.error.code)
  expect(typeof res.error.message, context).toBe('string')
  expect(res.error.message.length, context).toBeGreaterThan(0)
}

describe(`fuzzing every API method (seed ${SEED})`, () => {
  it('has a valid-looking example for every method, accepted by its schema', () => {
    for (const method of METHOD_NAMES) {
      const example = VALID_EXAMPLES[method]
      expect(example, `add an example for ${method} to fuzz-payloads.ts`).toBeDefined()
      expect(isValid(method, example), `the example of ${method} must pass its schema`).toBe(true)
    }
  })

  it('dispatch answers invalid payloads with invalid_input and never changes the store', async () => {
    const rng = seededRng(SEED)
    const before = await snapshotDir(t.dataDir)
    let sent = 0
    for (const method of METHOD_NAMES) {
      for (const input of payloadsFor(method, rng).filter((p) => !isValid(method, p))) {
        const res = await dispatch(t.handlers, method, input, () => {})
        expectTyped(res, `${method} (seed ${SEED})`)
        expect(res.ok ? 'ok' : res.error.code, `${method} must refuse an invalid payload (seed ${SEED})`).toBe('invalid_input')
        sent++
      }
    }
    expect(sent).toBeGreaterThan(METHOD_NAMES.length * 30)
    expect(changedFiles(before, await snapshotDir(t.dataDir))).toEqual([])
  })

  it('the IPC guard passes the app page’s invalid payloads to dispatch for a typed refusal, and refuses every other sender', async () => {
    const rng = seededRng(SEED + 1)
    const before = await snapshotDir(t.dataDir)
    const fromApp = { senderFrame: { url: appUrl, parent: null } }
    const strangers = [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: appUrl, parent: { url: appUrl } } },
      { senderFrame: null },
      {}
    ]
    for (const method of METHOD_NAMES) {
      const payloads = payloadsFor(method, rng)
      for (const input of payloads.filter((p) => !isValid(method, p))) {
        const res = await handleInvoke(t.handlers, method, fromApp, input, appUrl, () => {})
        expect(res.ok ? 'ok' : res.error.code, `${method} via IPC (seed ${SEED + 1})`).toBe('invalid_input')
      }
      // A valid call from anything but the app's top frame is refused before it reaches the core.
      const valid = JSON.parse(JSON.stringify(VALID_EXAMPLES[method] ?? {}).replaceAll(EXAMPLE_EVENT_ID, eventId))
      for (const event of strangers) {
        const res = await handleInvoke(t.handlers, method, event, valid, appUrl, () => {})
        expect(res, `${method} from ${JSON.stringify(event)}`).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Call refused: not from the Capwatch window' } })
      }
    }
    expect(changedFiles(before, await snapshotDir(t.dataDir))).toEqual([])
  })

  it('the HTTP host answers invalid payloads with a typed error and its status, and never changes the store', async () => {
    const rng = seededRng(SEED + 2)
    const before = await snapshotDir(t.dataDir)
    for (const method of METHOD_NAMES) {
      for (const input of payloadsFor(method, rng, 'json').filter((p) => !isValid(method, overJson(p)))) {
        const res = await apiRequest(t, method, input === undefined ? '' : JSON.stringify(input))
        const body = apiAnswer(res)
        expectTyped(body, `${method} over HTTP (seed ${SEED + 2})`)
        expect(body.ok ? 'ok' : body.error.code, `${method} over HTTP (seed ${SEED + 2})`).toBe('invalid_input')
        expect(res.status).toBe(400)
      }
    }
    // Broken JSON fails before the method matters: every body against one method of each kind.
    for (const method of ['app:info', 'events:query', 'events:update', 'notes:add', 'settings:update', 'import:inspect'] as const) {
      for (const raw of RAW_BODIES) {
        const res = await apiRequest(t, method, raw)
        const body = JSON.parse(res.body) as ApiResponse<unknown>
        expectTyped(body, `${method} with raw body ${String(raw).slice(0, 40)}`)
        expect(body.ok, `${method} with raw body ${String(raw).slice(0, 40)}`).toBe(false)
        expect(res.status).toBe(400)
      }
    }
    expect(changedFiles(before, await snapshotDir(t.dataDir))).toEqual([])
    expect((await apiRequest(t, 'app:info', '')).status).toBe(200)
  })

  it('well-formed calls that name records which do not exist are refused and change nothing', async () => {
    const before = await snapshotDir(t.dataDir)
    const missing: [MethodName, unknown][] = [
      ['events:get', { id: 'no-such-event' }],
      ['events:update', { id: 'no-such-event', patch: { title: 'x' } }],
      ['events:duplicate', { id: 'no-such-event' }],
      ['events:delete', { ids: [eventId, 'no-such-event'] }],
      ['events:undoDelete', { undoToken: 'no-such-token' }],
      ['events:create', { fields: { date: '2021-01-04', title: 'Links a ghost', companies: ['no-such-company'] } }],
      ['notes:list', { eventId: 'no-such-event' }],
      ['notes:add', { eventId: 'no-such-event', text: 'orphan' }],
      ['notes:update', { id: 'no-such-note', text: 'x' }],
      ['notes:delete', { id: 'no-such-note' }],
      ['companies:update', { id: 'no-such-company', patch: { sector: 'x' } }],
      ['companies:delete', { id: 'no-such-company' }],
      ['shares:set', { ticker: 'NO-SUCH', rows: [{ date: '2021-01-04', shares: 1 }] }],
      ['backup:restore', { id: 'no-such-backup' }],
      ['import:commit', { previewId: 'no-such-preview' }],
      ['series:setBenchmark', { ticker: 'NO-SUCH', benchmark: true }]
    ]
    for (const [method, input] of missing) {
      const res = await dispatch(t.handlers, method, input, () => {})
      expectTyped(res, method)
      expect(res.ok ? 'ok' : res.error.code, `${method} ${JSON.stringify(input)}`).toMatch(/^(not_found|invalid_input|unavailable)$/)
    }
    expect(changedFiles(before, await snapshotDir(t.dataDir))).toEqual([])
  })

  it('any payload at all, valid ones included, gets a typed answer and leaves the host serving', async () => {
    const rng = seededRng(SEED + 3)
    for (const method of METHOD_NAMES) {
      const valid = JSON.parse(JSON.stringify(VALID_EXAMPLES[method] ?? {}).replaceAll(EXAMPLE_EVENT_ID, eventId))
      for (const input of [valid, ...payloadsFor(method, rng, 'json').slice(0, 25)]) {
        expectTyped(await dispatch(t.handlers, method, input, () => {}), `${method} (seed ${SEED + 3})`)
        const res = await apiRequest(t, method, input === undefined ? '' : JSON.stringify(input))
        const body = apiAnswer(res)
        expectTyped(body, `${method} over HTTP (seed ${SEED + 3})`)
        expect(res.status).toBe(body.ok ? 200 : HTTP_STATUS[body.error.code])
      }
    }
    expect((await apiRequest(t, 'app:info', '')).status).toBe(200)
  })

  it('leaves no unhandled rejection and no polluted prototype behind', () => {
    expect(unhandled).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(Object.prototype)).toEqual([])
  })
})
