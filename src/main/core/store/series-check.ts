/**
 * Is an imported series file still what Capwatch wrote? Series files are read lazily (a chart, a
 * report, an import), so without a check at open a truncated or altered one would surface only
 * mid-task, fail every report that touches it, and be copied into every backup, which a restore
 * then refuses. Each index entry therefore carries the file's size and SHA-256, written with it;
 * the store checks them at open (hashing ~40 MB of a large workspace's series costs ~0.1 s, far
 * less than parsing them) and sets a damaged file aside like a damaged shard.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isCode } from './files'
import { CorruptFileError, parseDocument } from './json-document'
import { seriesFileSchema, type SeriesMeta } from './schema'

export interface Fingerprint {
  bytes: number
  sha256: string
}

/** The size and SHA-256 of a file's contents (UTF-8 for text). */
export function fingerprint(data: string | Buffer): Fingerprint {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  return { bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex') }
}

export type SeriesCheck =
  /** Whole. `meta` gains a fingerprint when the entry had none (written before they existed). */
  | { ok: true; meta: SeriesMeta }
  | { ok: false; missing: boolean; detail: string }

export async function checkSeriesFile(dataDir: string, m: SeriesMeta): Promise<SeriesCheck> {
  const what = `${m.file} (the imported prices of ${m.ticker})`
  let data: Buffer
  try {
    data = await readFile(join(dataDir, m.file))
  } catch (e) {
    if (isCode(e, 'ENOENT') || isCode(e, 'EISDIR')) return { ok: false, missing: true, detail: `${what} is missing` }
    throw e
  }
  if (m.sha256 !== undefined && m.bytes !== undefined) {
    if (data.length !== m.bytes) {
      const how = data.length < m.bytes ? 'ends early (truncated)' : 'is longer than written'
      return { ok: false, missing: false, detail: `${what} ${how}: ${data.length} bytes where ${m.bytes} were written` }
    }
    if (fingerprint(data).sha256 !== m.sha256) return { ok: false, missing: false, detail: `${what} does not match the checksum written with it: it was changed outside Capwatch` }
    return { ok: true, meta: m }
  }
  // Written before fingerprints: checked by parsing it, once; its fingerprint is recorded now.
  try {
    parseDocument(data.toString('utf8'), m.file, seriesFileSchema)
  } catch (e) {
    if (e instanceof CorruptFileError) return { ok: false, missing: false, detail: e.message }
    throw e
  }
  return { ok: true, meta: { ...m, ...fingerprint(data) } }
}

/** Check a workspace's series files, a few reads at a time (they are small; the disk likes company). */
export async function checkSeriesFiles(dataDir: string, list: readonly SeriesMeta[]): Promise<SeriesCheck[]> {
  const out: SeriesCheck[] = new Array(list.length)
  let next = 0
  const worker = async () => {
    for (let i = next++; i < list.length; i = next++) out[i] = await checkSeriesFile(dataDir, list[i])
  }
  await Promise.all(Array.from({ length: Math.min(8, list.length) }, worker))
  return out
}
