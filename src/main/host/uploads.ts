/**
 * Files the browser uploads for import, kept in memory by id until the import that names them
 * is done. The page sends a file's raw bytes (`POST /api/upload`): the core decodes them as it
 * decodes a file on disk (UTF-16, Latin-1…), and the page never builds a 60 MB JSON string.
 */
import { randomBytes } from 'node:crypto'

/** A wizard needs the latest file (inspect, dry run, commit); a few more cover two open tabs. */
const KEEP = 3

export interface Upload {
  name: string
  bytes: Uint8Array
}

export class Uploads {
  private files = new Map<string, Upload>()

  put(name: string, bytes: Uint8Array): string {
    const id = `up-${randomBytes(9).toString('base64url')}`
    this.files.set(id, { name, bytes })
    while (this.files.size > KEEP) this.files.delete(this.files.keys().next().value!)
    return id
  }

  get(id: string): Upload | undefined {
    return this.files.get(id)
  }
}
