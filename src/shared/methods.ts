/**
 * The name of every method of the API contract (api.ts), in the contract's order: what the
 * preload exposes, the IPC handlers register and the browser client calls. A plain list, apart
 * from the contract's zod schemas, so that the preload and the page, which never validate, do not
 * load zod and build every schema at each start. api.ts checks at compile time that this list is
 * exactly the contract's keys, so the two cannot drift.
 */
export const METHOD_NAMES = [
  'app:info',
  'app:active',
  'app:saveFile',
  'app:openFile',
  'events:query',
  'events:get',
  'events:create',
  'events:update',
  'events:duplicate',
  'events:delete',
  'events:undoDelete',
  'notes:list',
  'notes:add',
  'notes:update',
  'notes:delete',
  'companies:list',
  'companies:create',
  'companies:update',
  'companies:delete',
  'shares:set',
  'settings:get',
  'settings:update',
  'reports:export',
  'backup:list',
  'backup:create',
  'backup:restore',
  'backup:dismissProblems',
  'import:inspect',
  'import:preview',
  'import:commit',
  'jobs:progress',
  'series:list',
  'series:setBenchmark',
  'series:remove',
  'chart:marketcap',
  'chart:basket',
  'impact:view',
  'impact:table',
] as const

/**
 * Methods whose result carries bytes, and the field that holds them (a list of parts). The browser
 * host sends that field as the response body and the rest as JSON in a header: a 100 MB report
 * in JSON would be a 100 MB string built, escaped and parsed again on each side.
 */
export const BYTES_FIELDS = {
  'reports:export': 'csv'
} as const satisfies Partial<Record<(typeof METHOD_NAMES)[number], string>>

/** The browser host's response header holding the rest of a bytes result, as URI-encoded JSON. */
export const RESULT_HEADER = 'X-Capwatch-Result'

/** The rest of a bytes result (its other fields) as the host sends it in RESULT_HEADER. */
export function resultHeaderValue(rest: Record<string, unknown>): string {
  return encodeURIComponent(JSON.stringify(rest))
}

/** Back from RESULT_HEADER's value: the result's other fields. Throws on a missing or bad header. */
export function resultFromHeader(value: string | null | undefined): Record<string, unknown> {
  return JSON.parse(decodeURIComponent(value ?? '')) as Record<string, unknown>
}

/** The field of `method`'s result that holds bytes, if it has one. */
export function bytesFieldOf(method: string): string | undefined {
  return Object.hasOwn(BYTES_FIELDS, method) ? BYTES_FIELDS[method as keyof typeof BYTES_FIELDS] : undefined
}
