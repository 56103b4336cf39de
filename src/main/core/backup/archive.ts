/**
 * The backup file format, "capwatch-backup" version 1. One gzip stream (node:zlib) holding:
 *
 *   line 1   a JSON header: {format, formatVersion, schemaVersion, createdAt, reason, app,
 *            holds: {events, notes, companies, priceSeries, firstEvent, lastEvent},
 *            files: [{path, bytes, sha256}]}, then "\n"
 *   then     the bytes of every listed file, in the header's order, back to back.
 *
 * Why this shape: one file is easy to copy, mail or keep on a USB stick; gzip's CRC catches a
 * damaged or truncated stream; the per-file sizes and SHA-256 sums catch anything else; the files
 * keep their exact bytes (no re-encoding inside JSON strings). A restore checks all of it, and
 * parses every file against the store's schema, before anything on disk changes.
 */
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { constants, createGunzip, createGzip } from 'node:zlib'
import { syncDir, tempPathFor } from '../store/files'
import { megabytes } from '../store/regular-file'
import { z } from 'zod'
import type { BackupInfo, WorkspaceCounts } from '../../../shared/api'
import { ApiError } from '../../../shared/errors'
import { CorruptFileError, parseDocument } from '../store/json-document'
import type { StoreFile } from '../store/store'
import { META_FILE, SCHEMA_VERSION, SERIES_DIR, SERIES_NAME, SHARD_DIR, SHARD_NAME, metaSchema, metaV1Schema, seriesFileSchema, shardSchema } from '../store/schema'

export const BACKUP_FORMAT = 'capwatch-backup'
export const BACKUP_FORMAT_VERSION = 1


const count = z.number().int().min(0)
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
/**
 * What the archived files hold (WorkspaceCounts). Optional, and in the same format version: the
 * backups made before it was recorded have none, and a Capwatch that does not know it ignores it.
 */
export const holdsSchema = z.object({
  events: count,
  notes: count,
  companies: count,
  priceSeries: count,
  firstEvent: day.optional(),
  lastEvent: day.optional()
})

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  schemaVersion: z.number().int().min(1),
  createdAt: z.string().datetime({ offset: true }),
  reason: z.enum(['daily', 'manual', 'before-restore', 'before-migration']),
  app: z.string(),
  holds: holdsSchema.optional(),
  files: z.array(z.object({ path: z.string(), bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
})
export type BackupHeader = z.infer<typeof headerSchema>

export interface BackupContents {
  header: BackupHeader
  files: StoreFile[]
}

export interface BackupInfoLine {
  createdAt: string
  reason: BackupInfo['reason']
  app: string
  /** Counted at the snapshot the files come from (Store.snapshot). */
  holds: WorkspaceCounts
}

/**
 * Write a backup of the files under `dir` (a snapshot, see Store.snapshot) to `out`, streaming:
 * `expected` holds the SHA-256 the store wrote for files it can vouch for (the series files).
 * a large workspace is hashed, then compressed file by file, never held in memory at once.
 * The archive is written to a temp file, fsync'd and renamed: `out` is whole or absent.
 */
export async function writeBackupFile(dir: string, files: string[], out: string, info: BackupInfoLine, expected: ReadonlyMap<string, string> = new Map()): Promise<number> {
  const listed: BackupHeader['files'] = []
  for (const path of files) {
    const hash = createHash('sha256')
    let bytes = 0
    for await (const chunk of createReadStream(join(dir, path))) {
      hash.update(chunk as Buffer)
      bytes += (chunk as Buffer).length
    }
    const sha256 = hash.digest('hex')
    // A file that is not what the store wrote would make a backup that no restore accepts.
    const want = expected.get(path)
    if (want !== undefined && want !== sha256) throw new ApiError('corrupt', `${path} was changed on disk since Capwatch checked it at start, so it would not restore; restart Capwatch to set it aside`, { file: path })
    listed.push({ path, bytes, sha256 })
  }
  const header = headerOf(info, listed)
  const tmp = tempPathFor(out)
  try {
    await mkdir(dirname(out), { recursive: true })
    await pipeline(
      (async function* () {
        yield Buffer.from(`${JSON.stringify(header)}\n`, 'utf8')
        for (const path of files) yield* createReadStream(join(dir, path))
      })(),
      // The fastest level: a 150 MB workspace compresses in ~1 s instead of ~4 s (level 6) for an
      // archive ~18 % larger, and a backup's CPU is taken from an analyst at work.
      createGzip({ level: constants.Z_BEST_SPEED }),
      createWriteStream(tmp, { mode: 0o600 })
    )
    const fh = await open(tmp, 'r+')
    try {
      await fh.sync()
    } finally {
      await fh.close()
    }
    await rename(tmp, out)
    await syncDir(dirname(out))
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {})
    throw e
  }
  return (await stat(out)).size
}

function headerOf(info: BackupInfoLine, files: BackupHeader['files']): BackupHeader {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    createdAt: info.createdAt,
    reason: info.reason,
    app: info.app,
    // Before the long file list, so the first few hundred bytes unpacked show it to a person too.
    holds: info.holds,
    files
  }
}

/**
 * The most a backup may unpack to: 1 GiB. The bench's large workspace (100,000 events, 200,000
 * notes, 1.25 million prices) is about 150 MB unpacked, so this leaves room for several times
 * that, while a "gzip bomb" (a few MB that inflate to gigabytes) is refused at this size instead
 * of taking all the memory there is. Restores check it as they unpack, never after.
 */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024

/** The header line alone: a list of ~1,100 files is ~150 KB, so 16 MB without a newline is not one. */
export const MAX_HEADER_BYTES = 16 * 1024 * 1024

export interface DecodeLimits {
  /** Refuse a backup that unpacks to more bytes than this (default MAX_UNPACKED_BYTES). */
  maxUnpackedBytes: number
}

/** Unpack and verify a backup; any damage is an ApiError('corrupt') naming `label` and what is wrong. */
export async function decodeBackup(bytes: Buffer, label: string, limits: DecodeLimits = { maxUnpackedBytes: MAX_UNPACKED_BYTES }): Promise<BackupContents> {
  const bad = (detail: string): never => {
    throw new ApiError('corrupt', `${label} is not a usable Capwatch backup: ${detail}. Nothing was changed.`, { file: label })
  }
  // Checked as soon as its line is unpacked: a header that is wrong stops the unpacking there.
  const got: { header?: BackupHeader } = {}
  const { raw, nl } = await unpack(bytes, limits.maxUnpackedBytes, bad, (line) => {
    const header = (got.header = checkHeader(line, bad))
    return line.length + 1 + header.files.reduce((n, f) => n + f.bytes, 0)
  })
  const h = got.header
  if (!h) return bad('it has no header')
  const expected = nl + 1 + h.files.reduce((n, f) => n + f.bytes, 0)
  if (raw.length !== expected) return bad(`it holds ${raw.length} bytes where its header lists ${expected}`)
  const files: StoreFile[] = []
  const seen = new Set<string>()
  let at = nl + 1
  for (const f of h.files) {
    if (!isLivePath(f.path)) return bad(`it lists ${JSON.stringify(f.path)}, which is not a Capwatch data file`)
    if (seen.has(f.path)) return bad(`it lists ${f.path} twice`)
    seen.add(f.path)
    const data = raw.subarray(at, at + f.bytes)
    at += f.bytes
    if (sha256(data) !== f.sha256) return bad(`${f.path} does not match its checksum`)
    files.push({ file: f.path, data })
  }
  checkContents(files, h.schemaVersion, bad)
  return { header: h, files }
}

function checkHeader(line: Buffer, bad: (detail: string) => never): BackupHeader {
  let header: BackupHeader
  try {
    const parsed = headerSchema.safeParse(JSON.parse(line.toString('utf8')))
    if (!parsed.success) return bad(`its header is wrong at ${parsed.error.issues[0].path.join('.') || '(root)'}: ${parsed.error.issues[0].message}`)
    header = parsed.data
  } catch (e) {
    if (e instanceof ApiError) throw e
    return bad('its header is not JSON')
  }
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) return bad(`it has format version ${header.formatVersion}; this Capwatch reads version ${BACKUP_FORMAT_VERSION}`)
  if (header.schemaVersion > SCHEMA_VERSION) {
    return bad(`it was made by a newer Capwatch (schema ${header.schemaVersion}; this one reads up to ${SCHEMA_VERSION}). Update Capwatch to restore it`)
  }
  return header
}

/**
 * Inflate `bytes`, keeping count: past `max` bytes, or past what the header (handed to
 * `onHeader` as soon as its line is whole, which returns the total it declares) says the archive
 * holds, inflating stops and the backup is refused. So no archive costs more memory than the
 * workspace it claims to be, and never more than `max`.
 */
function unpack(bytes: Buffer, max: number, bad: (detail: string) => never, onHeader: (line: Buffer) => number): Promise<{ raw: Buffer; nl: number }> {
  return new Promise((resolve, reject) => {
    const z = createGunzip({ chunkSize: 256 * 1024 })
    const chunks: Buffer[] = []
    let total = 0
    let nl = -1
    let limit = max
    let done = false
    const fail = (e: unknown) => {
      if (done) return
      done = true
      z.destroy()
      reject(e)
    }
    const refuse = (detail: string) => {
      try {
        bad(detail)
      } catch (e) {
        fail(e)
      }
    }
    z.on('data', (chunk: Buffer) => {
      if (done) return
      const from = total
      chunks.push(chunk)
      total += chunk.length
      if (nl < 0) {
        const i = chunk.indexOf(10)
        if (i >= 0) {
          nl = from + i
          try {
            const declared = onHeader(Buffer.concat(chunks, total).subarray(0, nl))
            if (declared > max) return refuse(`its header lists ${megabytes(declared)} of files, more than the ${megabytes(max)} a Capwatch workspace may be`)
            limit = declared
          } catch (e) {
            return fail(e)
          }
        } else if (total > MAX_HEADER_BYTES) return refuse(`it has no header line in its first ${megabytes(MAX_HEADER_BYTES)}`)
      }
      if (total > limit) {
        return refuse(nl < 0 ? `it unpacks to more than ${megabytes(max)}, more than a Capwatch workspace may be` : `it unpacks to more than the ${limit} bytes its header lists`)
      }
    })
    z.on('error', (e) => refuse(`it does not unpack (${e.message}); the file is damaged or truncated`))
    z.on('end', () => {
      if (done) return
      done = true
      resolve({ raw: Buffer.concat(chunks, total), nl })
    })
    z.end(bytes)
  })
}

/** Every file parses against the schema it will be read with; the meta's series files are present. */
function checkContents(files: StoreFile[], schemaVersion: number, bad: (detail: string) => never): void {
  for (const f of files) {
    try {
      const text = f.data.toString('utf8')
      if (f.file === META_FILE) {
        const meta = schemaVersion === 1 ? parseDocument(text, f.file, metaV1Schema) : parseDocument(text, f.file, metaSchema)
        if (meta.schemaVersion !== schemaVersion) bad(`${META_FILE} has schema ${meta.schemaVersion} but the header says ${schemaVersion}`)
        const missing = 'series' in meta ? meta.series.find((s) => !files.some((x) => x.file === s.file)) : undefined
        if (missing) bad(`the series file ${missing.file} of ${missing.ticker} is missing`)
      } else if (f.file.startsWith(`${SHARD_DIR}/`)) parseDocument(text, f.file, shardSchema)
      else parseDocument(text, f.file, seriesFileSchema)
    } catch (e) {
      if (e instanceof CorruptFileError) bad(e.message)
      throw e
    }
  }
}

function isLivePath(path: string): boolean {
  if (path === META_FILE) return true
  const [dir, name, ...rest] = path.split('/')
  if (rest.length || name === undefined) return false
  return (dir === SHARD_DIR && SHARD_NAME.test(name)) || (dir === SERIES_DIR && SERIES_NAME.test(name))
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}
