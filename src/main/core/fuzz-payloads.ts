/**
 * Payloads for fuzzing the contract (tests only): a seeded PRNG so every failure reproduces, a
 * generator of random and hostile values, one valid-looking example per method, and its variants
 * with exactly one field wrong. Used by the dispatch, IPC-guard and HTTP fuzz tests.
 */
import type { MethodName } from '../../shared/api'

export { seededRng, pick, type Rng } from '../../shared/random'
import { pick, type Rng } from '../../shared/random'

// Longer than any bounded string of the contract (notes allow 100,000 characters).
const HUGE = 'x'.repeat(256 * 1024)

/** An object whose own keys include `__proto__` (as JSON.parse makes it), not a prototype change. */
const protoKeyed = (inner: unknown) => JSON.parse(`{"__proto__": ${JSON.stringify(inner) ?? 'null'}, "constructor": {"prototype": {"polluted": true}}}`)

/** Nesting deep enough to overflow a naive recursive walk (JSON.stringify fails past ~5,000). */
export function deeplyNested(depth: number): unknown {
  let value: unknown = { end: true }
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { x: value }
  return value
}

const STRINGS = [
  '',
  ' ',
  'a',
  '\0',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '=HYPERLINK("http://evil.example","x")',
  '<img src=x onerror=alert(1)>',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '2021-02-30',
  '9999-99-99',
  '\u202e\ud800',
  '中文字符',
  'a'.repeat(1001),
  HUGE
]

const NUMBERS = [0, -0, -1, 1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e-308]

/** A random value of any JSON-ish type (plus undefined, NaN and Infinity that IPC can carry). */
export function randomValue(rng: Rng, depth = 0): unknown {
  const r = rng()
  if (r < 0.08) return null
  if (r < 0.12) return undefined
  if (r < 0.18) return rng() < 0.5
  if (r < 0.32) return pick(rng, NUMBERS)
  if (r < 0.5) return pick(rng, STRINGS)
  if (r < 0.55) return Math.floor(rng() * 1e6).toString(36)
  if (depth > 3) return 'leaf'
  if (r < 0.7) return Array.from({ length: Math.floor(rng() * 4) }, () => randomValue(rng, depth + 1))
  if (r < 0.75) return protoKeyed(randomValue(rng, depth + 1))
  if (r < 0.78) return deeplyNested(1000)
  const obj: Record<string, unknown> = {}
  const keys = ['id', 'ids', 'fields', 'patch', 'text', 'eventId', 'ticker', 'rows', 'source', 'report', 'query', 'search', 'x', 'constructor']
  for (let i = Math.floor(rng() * 4); i > 0; i--) obj[pick(rng, keys)] = randomValue(rng, depth + 1)
  return obj
}

/** Values of the wrong type for almost any field. */
export const WRONG_VALUES: readonly unknown[] = [null, 42, -1, NaN, Infinity, 'wrong', '', true, [], {}, [null], { nested: { x: 1 } }, HUGE, protoKeyed({ a: 1 })]

export const EXAMPLE_EVENT_ID = 'ev-example'
export const EXAMPLE_COMPANY_ID = 'alibaba'

const priceText = 'Date,Close\n2021-01-04,10.5\n2021-01-05,11\n'
const source = { kind: 'text', name: 'prices.csv', text: priceText }

/** One valid-looking input per method; the fuzz test checks each one passes its schema. */
export const VALID_EXAMPLES: Partial<Record<MethodName, Record<string, unknown>>> = {
  'app:info': {},
  'app:active': {},
  'app:saveFile': { defaultName: 'events.csv', content: [new TextEncoder().encode('id,title\r\n')] },
  'app:openFile': { title: 'Import prices', extensions: ['csv'] },
  'events:query': {
    search: 'ant',
    filters: { date: { from: '2020-01-01', to: '2021-12-31' }, category: ['fintech'], authority: ['CSRC'], noteCount: { min: 0 } },
    sort: { column: 'date', desc: true },
    offset: 0,
    limit: 50
  },
  'events:get': { id: EXAMPLE_EVENT_ID },
  'events:create': {
    fields: { date: '2021-07-02', title: 'Example event', category: 'data_security', authority: 'CAC', companies: [EXAMPLE_COMPANY_ID], tags: ['review'], sources: ['Reuters, 2 July 2021'] }
  },
  'events:update': { id: EXAMPLE_EVENT_ID, patch: { title: 'Renamed', tags: ['a'] } },
  'events:duplicate': { id: EXAMPLE_EVENT_ID },
  'events:delete': { ids: [EXAMPLE_EVENT_ID] },
  'events:undoDelete': { undoToken: 'undo-1' },
  'notes:list': { eventId: EXAMPLE_EVENT_ID },
  'notes:add': { eventId: EXAMPLE_EVENT_ID, text: 'A note' },
  'notes:update': { id: 'note-1', text: 'Edited' },
  'notes:delete': { id: 'note-1' },
  'companies:list': {},
  'companies:create': {
    fields: { name: 'Example Co', nameZh: '示例', sector: 'Tech', listings: [{ ticker: 'EXMP', exchange: 'NYSE', currency: 'USD', shares: [{ date: '2021-01-04', shares: 1000, source: 'filing' }] }] }
  },
  'companies:update': { id: EXAMPLE_COMPANY_ID, patch: { sector: 'Internet' } },
  'companies:delete': { id: EXAMPLE_COMPANY_ID },
  'shares:set': { ticker: 'BABA', rows: [{ date: '2021-01-04', shares: 2.7e9, source: 'filing' }] },
  'settings:get': {},
  'settings:update': { patch: { reportingCurrency: 'EUR', fxRates: { USD: 0.9 }, windows: [{ a: -1, b: 1 }] } },
  'reports:export': { report: 'events', dialect: { bom: true, delimiter: ';' }, query: { search: 'ant' }, columns: ['id', 'title'] },
  'backup:list': {},
  'backup:create': {},
  'backup:restore': { id: 'backup-1' },
  'backup:dismissProblems': {},
  'import:inspect': { source },
  'import:preview': { source, mapping: { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', ticker: 'BABA' } },
  'import:commit': { previewId: 'preview-1' },
  'jobs:progress': { jobId: 'job-1' },
  'series:list': {},
  'series:setBenchmark': { ticker: 'SPY', benchmark: true },
  'series:remove': { ticker: 'SPY' },
  'chart:marketcap': { companyIds: [EXAMPLE_COMPANY_ID], mode: 'indexed', indexDate: '2021-01-04', from: '2020-01-01', to: '2021-12-31', maxPoints: 500 },
  'chart:basket': { companyIds: [EXAMPLE_COMPANY_ID], from: '2020-01-01', to: '2021-12-31', maxPoints: 500 },
  'impact:table': { eventIds: [EXAMPLE_EVENT_ID], windows: [{ a: -1, b: 1 }], benchmark: 'SPY' },
  'impact:view': {
    benchmark: 'SPY',
    window: '-1:1',
    filters: { company: 'BABA', note: 'no' },
    sort: [{ id: 'car', desc: true }],
    offset: 0,
    limit: 50,
    ranking: { window: '0:5', order: 'date', offset: 20, limit: 20 },
    waitMs: 100
  }
}

/** Every path to a value inside an example (`fields.date`, `rows.0.shares`, …). */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => leafPaths(v, [...prefix, i]))]
  // Bytes (a report's parts) are one value: replaced whole, never taken apart byte by byte.
  if (value instanceof Uint8Array) return [prefix]
  if (value && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]))]
  return [prefix]
}

function getAt(root: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((cur, key) => (cur as Record<string | number, unknown>)[key], root)
}

function setAt(root: unknown, path: (string | number)[], replacement: unknown, remove = false): unknown {
  if (path.length === 0) return replacement
  const copy = structuredClone(root) as Record<string | number, unknown>
  let cur = copy
  for (const key of path.slice(0, -1)) cur = cur[key] as Record<string | number, unknown>
  const last = path[path.length - 1]
  if (remove) delete cur[last]
  else cur[last] = replacement
  return copy
}

/** The example with exactly one thing wrong: a field of the wrong type, missing, or an extra key. */
export function oneFieldWrong(example: Record<string, unknown>, rng: Rng, count: number): unknown[] {
  const paths = leafPaths(example).filter((p) => p.length > 0)
  const out: unknown[] = []
  for (let i = 0; i < count; i++) {
    const path = paths.length ? pick(rng, paths) : []
    const roll = rng()
    if (roll < 0.1 && path.length) out.push(setAt(example, path, undefined, true))
    else if (roll < 0.2) {
      // An unknown key beside the others: strict schemas must refuse it rather than ignore it.
      const parentPath = path.slice(0, -1)
      const parent = getAt(example, parentPath)
      if (parent && typeof parent === 'object' && !Array.isArray(parent)) out.push(setAt(example, parentPath, { ...parent, unexpected: 1 }))
      else out.push(setAt(example, path, pick(rng, WRONG_VALUES)))
    }
    else out.push(setAt(example, path, pick(rng, WRONG_VALUES)))
  }
  return out
}

/** Bodies an HTTP client can send that no JavaScript value produces: broken or exotic JSON. */
export const RAW_BODIES: readonly (string | Buffer)[] = [
  'NaN',
  'Infinity',
  '-Infinity',
  'undefined',
  '{"id": NaN}',
  '{"limit": Infinity}',
  '{"offset": 1e999, "limit": -1e999}',
  "{'id': 'single quotes'}",
  '{"id": "unterminated',
  '[1, 2',
  '\uFEFF{}',
  '{"a":1}{"b":2}',
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  'null',
  '"just a string"',
  '12345',
  '[]',
  '['.repeat(100_000) + ']'.repeat(100_000),
  Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x7d]),
  Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])
]
