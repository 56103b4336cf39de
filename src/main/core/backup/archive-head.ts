/**
 * What a backup holds, read from the head of its archive: only the header line is unpacked (the
 * archive's files are never read), so listing a dozen backups of a large workspace stays cheap.
 * The counts live in the archive itself, so a backup copied elsewhere still says what it holds.
 */
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import type { WorkspaceCounts } from '../../../shared/api'
import { z } from 'zod'
import { BACKUP_FORMAT, MAX_HEADER_BYTES, holdsSchema } from './archive'

// Only what listing needs: a restore checks the whole header (archive.ts), listing only reads.
const headSchema = z.object({ format: z.literal(BACKUP_FORMAT), holds: holdsSchema.optional() })

/**
 * The counts in the archive's header; undefined when it has none (made before Capwatch recorded
 * them) or its head does not read (a damaged archive still lists; a restore says what is wrong).
 */
export async function readHolds(path: string): Promise<WorkspaceCounts | undefined> {
  const line = await headerLine(path)
  if (line === null) return undefined
  try {
    const parsed = headSchema.safeParse(JSON.parse(line))
    return parsed.success ? parsed.data.holds : undefined
  } catch {
    return undefined
  }
}

/** The archive's first line unpacked, or null; unpacking stops at the newline. */
function headerLine(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    const file = createReadStream(path, { highWaterMark: 64 * 1024 })
    const gunzip = createGunzip()
    const chunks: Buffer[] = []
    let total = 0
    let settled = false
    const finish = (line: string | null) => {
      if (settled) return
      settled = true
      file.destroy()
      gunzip.destroy()
      resolve(line)
    }
    gunzip.on('data', (chunk: Buffer) => {
      const nl = chunk.indexOf(10)
      if (nl >= 0) {
        chunks.push(chunk.subarray(0, nl))
        return finish(Buffer.concat(chunks).toString('utf8'))
      }
      chunks.push(chunk)
      total += chunk.length
      if (total > MAX_HEADER_BYTES) finish(null)
    })
    gunzip.on('end', () => finish(null))
    gunzip.on('error', () => finish(null))
    file.on('error', () => finish(null))
    file.pipe(gunzip)
  })
}
