/**
 * Schema migrations, run at open before anything else reads the files. Each step takes the data
 * directory from version n to n+1 in one transaction, after keeping a durable copy of the old meta
 * file in `migrations/` (the old layout is never lost).
 */
import { join } from 'node:path'
import { ApiError } from '../../../shared/errors'
import { atomicWrite, readTextIfExists } from './files'
import { commitFiles, type FileWrite } from './transaction'
import { CorruptFileError, parseDocument, serialize } from './json-document'
import { META_FILE, SCHEMA_VERSION, metaV1Schema, shardFile, shardOf, type Meta, type Shard } from './schema'

export const MIGRATIONS_DIR = 'migrations'

interface MigrateContext {
  now: () => Date
  log: (line: string) => void
  /** A meta file that claims an old version but does not hold it: set aside and reported. */
  quarantine: (file: string, e: CorruptFileError) => Promise<void>
}

export async function migrate(dataDir: string, ctx: MigrateContext): Promise<void> {
  const text = await readTextIfExists(join(dataDir, META_FILE))
  if (text === null) return
  let version: unknown
  try {
    version = (JSON.parse(text) as { schemaVersion?: unknown }).schemaVersion
  } catch {
    return // corrupt: the store's open reports it and moves it aside
  }
  if (version === SCHEMA_VERSION || typeof version !== 'number') return
  if (version > SCHEMA_VERSION) {
    throw new ApiError(
      'corrupt',
      `${META_FILE} was written by a newer Capwatch (schema ${version}; this one reads up to ${SCHEMA_VERSION}). Update Capwatch to open it.`,
      { file: META_FILE }
    )
  }
  if (version !== 1) {
    await ctx.quarantine(META_FILE, new CorruptFileError(META_FILE, `schema version ${version} never existed`))
    return
  }
  let writes: FileWrite[]
  try {
    writes = migrateV1toV2(text)
  } catch (e) {
    if (e instanceof CorruptFileError) return ctx.quarantine(META_FILE, e)
    throw e
  }
  const keep = join(MIGRATIONS_DIR, `capwatch.v1.${ctx.now().toISOString().replace(/[:.]/g, '-')}.json`)
  await atomicWrite(join(dataDir, keep), text)
  await commitFiles(dataDir, writes)
  ctx.log(`store/migrate: schema 1 -> 2 (the old file is kept as ${keep})`)
}

/** v1 kept everything in one file; v2 moves events and notes into shards. */
export function migrateV1toV2(text: string): FileWrite[] {
  const v1 = parseDocument(text, META_FILE, metaV1Schema)
  const shards = new Map<number, Shard>()
  const shard = (eventId: string): Shard => {
    const k = shardOf(eventId)
    let s = shards.get(k)
    if (!s) shards.set(k, (s = { events: [], notes: [] }))
    return s
  }
  // A note whose event is gone cannot be shown anywhere; it stays readable in the kept v1 copy.
  const known = new Set(v1.events.map((e) => e.id))
  for (const e of v1.events) shard(e.id).events.push(e)
  for (const n of v1.notes) if (known.has(n.eventId)) shard(n.eventId).notes.push(n)
  const meta: Meta = {
    format: 'capwatch',
    schemaVersion: SCHEMA_VERSION,
    createdAt: v1.createdAt,
    settings: v1.settings,
    companies: v1.companies,
    series: [],
    retired: []
  }
  const writes: FileWrite[] = [...shards].map(([k, s]) => ({ file: shardFile(k), data: serialize(s) }))
  writes.push({ file: META_FILE, data: serialize(meta) })
  return writes
}
